// A cheap look at the raw text of a code file that says when detection cannot find a prompt in it, so the parse and
// syntax walk (≈ 1 ms a file) are skipped. It must never say "no" to a file the detector would report a prompt in:
// every test is a NECESSARY condition of one of the detector's signals, checked on the raw text:
//   annotation     a `prompt-cost:` comment
//   sink / flow    every segment of some sink callee (`chat`, `completions`, `create`) and its required module
//   message        a role word in a (role, text) pair, or a `role` key with a role word and a text key
//   DSPy docstring `dspy` and a signature base class
//   name evidence  a prompt-ish or template-ish word in some name
//   content        enough instruction cues possible for the content-only rules (score ≥ 3)
// The sink, role and key tables are imported from `sinks.ts`, so they cannot drift apart. The heuristics' word lists
// are private to `heuristics.ts`; their necessary words are listed here and `test/detection/prefilter.test.ts` checks
// them against `nameEvidence` / `contentEvidence` and against every fixture.
//
// Assumption (the only way round the tests): the words the detector needs are written as plain text, not split
// across concatenated literals in mid-word ("summ" + "arize") nor spelt with escape sequences ("\x73ystem").
import { MESSAGE_TEXT_KEYS, PROMPT_DOCSTRING_BASES, ROLE_WORDS, SINKS } from './sinks';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyWord = (words: Iterable<string>, flags = '') => new RegExp(`\\b(?:${[...words].map(escape).join('|')})\\b`, flags);

// ---------------------------------------------------------------- annotation

/** `parseAnnotation`'s marker: any comment holding it can force a prompt. */
const ANNOTATION = /prompt-cost\s*:/i;

// ---------------------------------------------------------------- sinks

interface SinkNeed {
  /** Segments before the last one (each must appear as an identifier). */
  segments: RegExp[];
  /** `requiresModule`: one must appear anywhere (the detector's `mentions` is a substring test). */
  modules?: string[];
}

/** Sink callee suffixes grouped by their last segment, which the first scan looks for. */
const SINK_NEEDS = new Map<string, SinkNeed[]>();
for (const sink of SINKS) {
  for (const callee of sink.callees) {
    const parts = callee.split('.');
    const last = parts.pop()!;
    const need: SinkNeed = { segments: parts.map((p) => anyWord([p])), modules: sink.requiresModule };
    const list = SINK_NEEDS.get(last);
    if (list) list.push(need);
    else SINK_NEEDS.set(last, [need]);
  }
}
/** Any sink's last callee segment, as a whole identifier (callee paths compare identifiers exactly). */
const SINK_LAST = anyWord(SINK_NEEDS.keys(), 'g');

function sinkPossible(text: string): boolean {
  SINK_LAST.lastIndex = 0;
  const tried = new Set<string>();
  for (let m = SINK_LAST.exec(text); m; m = SINK_LAST.exec(text)) {
    const last = m[0];
    if (tried.has(last)) continue;
    tried.add(last);
    for (const need of SINK_NEEDS.get(last)!) {
      if (need.modules && !need.modules.some((module) => text.includes(module))) continue;
      if (need.segments.every((segment) => segment.test(text))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- role/content messages

const ROLES = Object.keys(ROLE_WORDS);
/** `("system", text)` / `["user", text]`: a string literal that is exactly a role word (compared lower-cased). */
const ROLE_LITERAL = new RegExp(`(["'\`])(?:${ROLES.map(escape).join('|')})\\1`, 'i');
/** `{"role": …}` / `{ role: … }`: the key the detector reads. */
const ROLE_KEY = /\brole\b/;
/** The role value as a literal or the last name of `MessageRole.SYSTEM`, lower-cased. */
const ROLE_WORD = anyWord(ROLES, 'i');
const TEXT_KEY = anyWord(MESSAGE_TEXT_KEYS);

function messagePossible(text: string): boolean {
  return ROLE_LITERAL.test(text) || (ROLE_KEY.test(text) && TEXT_KEY.test(text) && ROLE_WORD.test(text));
}

// ---------------------------------------------------------------- DSPy signatures

const SIGNATURE_BASES = PROMPT_DOCSTRING_BASES.map((base) => anyWord([base.split('.').pop()!]));

function docstringPromptPossible(text: string): boolean {
  return text.includes('dspy') && SIGNATURE_BASES.some((base) => base.test(text));
}

// ---------------------------------------------------------------- heuristics: names

/**
 * Words that make `nameEvidence` say "prompt" or "template" (`PROMPT_WORDS`, `system`, `TEMPLATE_WORDS`), as
 * substrings of any case: names are split into words and lower-cased before the lookup.
 */
export const PROMPT_NAME_WORDS = ['prompt', 'instruction', 'preamble', 'persona', 'fewshot', 'guidelines', 'system', 'template', 'tmpl'];
const PROMPT_NAME = new RegExp(PROMPT_NAME_WORDS.join('|'), 'i');

// ---------------------------------------------------------------- heuristics: content

/**
 * One entry per cue of `contentEvidence` (same order): the words a text must contain for the cue to match, each a
 * list of alternatives. Matched as lower-case substrings, so word boundaries that escapes (`\nYou`) or string
 * joins hide in the raw text do not matter.
 */
export const STRONG_CUE_WORDS: string[][][] = [
  [['you'], ['are']],
  [['you'], ['are'], ['assistant', 'expert', 'model', 'agent', 'bot', 'ai']],
  [['your'], ['task', 'job', 'role', 'goal', 'objective', 'mission'], ['is', 'will']],
  [['respond'], ['with', 'in', 'only', 'using']],
  [['return', 'output', 'reply', 'answer', 'respond'], ['json']],
  [['given'], ['the'], ['following', 'above', 'below']],
  [['you'], ['will'], ['given', 'provided', 'shown']],
  [['act'], ['as']],
  [['want'], ['you']],
  [['answer'], ['question']],
  [['not', 'don', 'never'], ['make', 'invent', 'hallucinate', 'fabricate', 'include', 'add', 'mention']],
  [['you'], ['must', 'should'], ['always', 'only', 'never']],
  [['think'], ['step']],
  [['summari', 'translate', 'classify', 'rewrite', 'extract']],
  [['as'], ['ai', 'helpful', 'expert', 'experienced', 'professional']],
  [['system', 'user', 'assistant'], [':']],
  [['helpful', 'harmless', 'honest'], ['assistant']],
];
export const WEAK_CUE_WORDS: string[][][] = [
  [['assistant']],
  [['json']],
  [['concise', 'succinct', 'brief', 'detailed'], ['answer', 'response', 'summary', 'explanation']],
  [['the'], ['user']],
  [['context', 'question', 'input', 'document', 'text', 'article', 'transcript', 'conversation', 'query'], [':']],
  [['below', 'following', 'provided'], ['text', 'context', 'document', 'article', 'information', 'conversation', 'code', 'question', 'passage']],
  [['please']],
  [['format', 'structure'], ['your', 'the'], ['answer', 'response', 'output']],
  [['output'], ['format']],
  [['instruction', 'rules', 'guidelines'], [':']],
  [['example'], [':']],
  [['if'], ['you'], ['know']],
  [['in'], ['sentence', 'words', 'bullet', 'paragraph']],
  [['summary', 'summarize', 'summarise', 'classify', 'extract', 'translate', 'analyze', 'analyse', 'generate', 'write']],
  [['{'], ['}']],
];

const cueWords = [...new Set([...STRONG_CUE_WORDS, ...WEAK_CUE_WORDS].flat(2))];
const CUE_WORD_SCAN = new RegExp(cueWords.map(escape).sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * The highest score `contentEvidence` could give any string of the file: 2 per strong cue and 1 per weak cue whose
 * words all occur somewhere in the text. Stops counting at `enough`.
 */
export function contentScoreBound(lowerText: string, enough = Infinity): number {
  // Which cue words occur: one scan, then each cue is a few set lookups. Overlapping words (`summary` inside
  // `summarize`) are looked up with `includes` when the scan consumed them as part of a longer one.
  const present = new Set<string>();
  CUE_WORD_SCAN.lastIndex = 0;
  for (let m = CUE_WORD_SCAN.exec(lowerText); m; m = CUE_WORD_SCAN.exec(lowerText)) present.add(m[0]);
  const has = (word: string) => present.has(word) || lowerText.includes(word);
  const possible = (cue: string[][]) => cue.every((alternatives) => alternatives.some(has));
  let score = 0;
  for (const cue of STRONG_CUE_WORDS) if (possible(cue) && (score += 2) >= enough) return score;
  for (const cue of WEAK_CUE_WORDS) if (possible(cue) && (score += 1) >= enough) return score;
  return score;
}

/** Content alone (or with a weak name) needs `contentEvidence(…).score >= 3` (see `heuristicSignals`). */
const CONTENT_SCORE_NEEDED = 3;

// ---------------------------------------------------------------- the filter

export type PrefilterReason = 'annotation' | 'prompt name' | 'sink' | 'message' | 'docstring' | 'content' | undefined;

/** Why the detector might report a prompt in this code file, or undefined when it cannot. */
export function prefilterReason(text: string): PrefilterReason {
  if (ANNOTATION.test(text)) return 'annotation';
  if (PROMPT_NAME.test(text)) return 'prompt name';
  if (sinkPossible(text)) return 'sink';
  if (messagePossible(text)) return 'message';
  if (docstringPromptPossible(text)) return 'docstring';
  if (contentScoreBound(text.toLowerCase(), CONTENT_SCORE_NEEDED) >= CONTENT_SCORE_NEEDED) return 'content';
  return undefined;
}

/** False only when the code detector cannot report a prompt in `text` (Python, TypeScript, JavaScript source). */
export function mayContainPrompt(text: string): boolean {
  return prefilterReason(text) !== undefined;
}
