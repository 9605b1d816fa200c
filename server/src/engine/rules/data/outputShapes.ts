// Data: the short answers a prompt can ask for, how the request's text says so, and the output bound we suggest for
// each. The bounds are OUR planning figures (room for the answer in any tokenizer, a little markup and a trailing
// newline), not published numbers; a prompt that needs more can say `prompt-cost-disable-next-line unbounded-output`.
// Patterns are read over the text of every message of the request, case-insensitive. Written 2026-12-07.

export type OutputShape = 'label' | 'number' | 'yes-no' | 'one-sentence' | 'short-json';

export interface OutputShapeRow {
  shape: OutputShape;
  /** What the message calls it: "a label", "a yes/no answer". */
  described: string;
  /** Tokens the answer needs at most (suggested max_tokens). */
  bound: number;
  patterns: RegExp[];
}

export const OUTPUT_SHAPES: OutputShapeRow[] = [
  {
    shape: 'yes-no',
    described: 'a yes/no answer',
    bound: 16,
    patterns: [
      /\b(?:answer|respond|reply|return|output|say)(?: only)?(?: with)?(?: a single| one)?[^.\n]{0,20}\b(?:"?yes"? or "?no"?|"?true"? or "?false"?)\b/i,
      /\b(?:yes\/no|true\/false)\b[^.\n]{0,20}\b(?:answer|only|question)\b/i,
    ],
  },
  {
    shape: 'label',
    described: 'a label',
    bound: 16,
    patterns: [
      /\b(?:respond|reply|answer|return|output)\s+(?:only\s+)?with\s+(?:only\s+)?(?:the|a|one)\s+(?:single\s+)?(?:label|category|class|tag|sentiment|intent|word)\b/i,
      /\b(?:return|output|respond with|reply with|answer with|give)\s+(?:only|just)\s+(?:the|a|one)\s+(?:label|category|class|tag|sentiment|intent|word|name)\b/i,
      /\b(?:classify|categori[sz]e|label)\b[^\n]{0,120}\b(?:one of|as either|into one of|as one of)\b/i,
      /\b(?:one|a single)\s+word\s+(?:answer|only|response)\b/i,
      /\banswer in (?:one|a single) word\b/i,
    ],
  },
  {
    shape: 'number',
    described: 'a number',
    bound: 16,
    patterns: [
      /\b(?:return|output|respond with|reply with|answer with|give)\s+(?:only|just)\s+(?:the|a|one)\s+(?:number|integer|score|rating|count)\b/i,
      /\b(?:rate|score)\b[^\n]{0,80}\b(?:from|on a scale of|between)\s+\d+\s+(?:to|and|-)\s+\d+\b[^\n]{0,60}\b(?:only|just)\b/i,
    ],
  },
  {
    shape: 'one-sentence',
    described: 'one sentence',
    bound: 64,
    patterns: [
      /\b(?:in|with|as|using|to)\s+(?:one|a single|1)\s+(?:short\s+)?(?:sentence|line)\b/i,
      /\b(?:one|a single)[- ](?:sentence|line)\s+(?:answer|summary|reply|response|description|title)\b/i,
      /\b(?:in|under|within|at most|no more than)\s+(?:[1-9]|1[0-9]|20|ten|five|fifteen|twenty)\s+words\b/i,
    ],
  },
  {
    shape: 'short-json',
    described: 'JSON of a given shape',
    bound: 200,
    patterns: [
      // "Return JSON: {"label": "...", "score": 0}" — a flat object of a few keys written out in the prompt.
      /\b(?:json|JSON)\b[^\n]{0,80}(?:\n[^\n]{0,80}){0,2}?\{\s*"[\w-]+"\s*:\s*[^{}[\]]{0,60}(?:,\s*"[\w-]+"\s*:\s*[^{}[\]]{0,60}){0,5}\}/,
    ],
  },
];

/**
 * Instructions that ask for a long answer or visible reasoning: a bound would cut the answer off, and a reply that is
 * parsed as a label or JSON throws that text away (verbose-output-request).
 */
export const VERBOSE_REQUESTS: RegExp[] = [
  /\bexplain (?:it |this |that |your answer |each (?:step|choice) )?in (?:great |full |more )?detail\b/i,
  /\b(?:think|reason|work|go) (?:it |this )?(?:through )?step[- ]by[- ]step\b/i,
  /\bstep[- ]by[- ]step (?:explanation|reasoning|breakdown|analysis)\b/i,
  /\b(?:show|explain|include|give|describe|write out|walk (?:me |us )?through) (?:all )?(?:of )?(?:your|the) (?:reasoning|thought process|thinking|work|chain of thought)\b/i,
  /\bexplain (?:why|your (?:choice|decision|answer))\b[^.\n]{0,40}\bin detail\b/i,
  /\bbe (?:as )?(?:thorough|detailed|verbose) as possible\b/i,
  /\bthink out loud\b/i,
];

/** Instructions that ask the model to reason at length: model-tier stays quiet, a smaller tier may not do this well. */
export const REASONING_INSTRUCTIONS: RegExp[] = [
  ...VERBOSE_REQUESTS,
  /\bchain[- ]of[- ]thought\b/i,
  /\b(?:think|reason) (?:carefully|deeply|hard)\b/i,
  /\b(?:consider|weigh) (?:all|each|every|the) (?:options|possibilities|alternatives|trade-?offs)\b/i,
  /\bbefore (?:answering|you answer|responding)\b[^.\n]{0,40}\b(?:think|reason|analy[sz]e|consider)\b/i,
  /\b(?:prove|derive|plan|debug|refactor|architect)\b/i,
];

/** Prompts longer than this (static tokens of the request) are not judged small-tier work by model-tier. */
export const LONG_INSTRUCTIONS_TOKENS = 1500;
