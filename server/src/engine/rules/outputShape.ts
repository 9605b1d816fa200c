// Judging a request from its text and its call, never from a model: what answer it asks for (a label, a number,
// yes/no, one sentence, JSON of a given shape), whether it asks for a long answer or visible reasoning, whether its
// reply is parsed as JSON, and whether it is small-tier work (classification, extraction, a short rewrite).
import { LONG_INSTRUCTIONS_TOKENS, OUTPUT_SHAPES, REASONING_INSTRUCTIONS, VERBOSE_REQUESTS, type OutputShapeRow } from './data/outputShapes';
import { PLACEHOLDER_MARK } from './promptView';
import type { DetectedPrompt } from '../types';
import type { RuleRun } from './types';

/** The static text of every message of the run's request (this prompt first), placeholders as a space. */
export function requestText(run: RuleRun): string {
  const texts = [run.view.text.split(PLACEHOLDER_MARK).join(' ')];
  for (const sibling of run.ctx.requestSiblings ?? []) texts.push(staticTextOf(sibling));
  return texts.join('\n\n');
}

function staticTextOf(prompt: DetectedPrompt): string {
  return prompt.parts.map((p) => (p.kind === 'text' ? p.text : ' ')).join('');
}

/** The short answer the request asks for; undefined when it asks for none, or also for a long answer or reasoning. */
export function shortAnswerOf(text: string): OutputShapeRow | undefined {
  if (VERBOSE_REQUESTS.some((re) => re.test(text))) return undefined;
  return OUTPUT_SHAPES.find((row) => row.patterns.some((re) => re.test(text)));
}

/** The verbose requests in `text` (view offsets), for verbose-output-request. */
export function verboseRequestsIn(text: string): { start: number; end: number; matched: string }[] {
  const found: { start: number; end: number; matched: string }[] = [];
  for (const re of VERBOSE_REQUESTS) {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (const m of text.matchAll(global)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && f.start < end)) found.push({ start, end, matched: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Tasks a small tier does as well: classification, extraction, tagging, a short rewrite. */
const SMALL_TIER_TASKS = /\b(?:classify|classifies|categori[sz]e|label (?:the|this|each)|tag (?:the|this|each)|extract|detect the language|sentiment|is (?:this|the) (?:message|email|text|review) (?:spam|positive|negative|toxic)|rephrase|reword|fix (?:the )?(?:grammar|spelling|typos)|correct (?:the )?(?:grammar|spelling))\b/i;

/** The request is small-tier work: its task and its answer's shape say so, and it asks for no long reasoning. */
export function smallTierTask(text: string, staticTokens: number, parsedAsJson: boolean): OutputShapeRow | 'json-output' | undefined {
  if (staticTokens > LONG_INSTRUCTIONS_TOKENS) return undefined;
  if (!SMALL_TIER_TASKS.test(text)) return undefined;
  if (REASONING_INSTRUCTIONS.some((re) => re.test(text))) return undefined;
  const shape = shortAnswerOf(text);
  if (shape) return shape;
  return parsedAsJson ? 'json-output' : undefined;
}

/** Keys that ask the API for JSON (or a schema) back; `response_model` is instructor's Pydantic model. */
const JSON_FORMAT_KEYS = ['response_format', 'response_model', 'responseFormat', 'response_mime_type', 'responseMimeType', 'response_schema', 'responseSchema', 'text_format', 'output_type', 'schema'];

/** Parsing the reply as JSON within this many lines after the call: `json.loads(…)`, `JSON.parse(…)`, a model's `…_json`. */
const PARSE_WINDOW_LINES = 15;
const JSON_PARSE = /\b(?:json\.loads|JSON\.parse|model_validate_json|parse_raw|orjson\.loads|json_repair\.loads)\s*\(/;

/** The request's reply is read as JSON: a JSON response format, a structured-output call, or a parse right after. */
export function parsedAsJson(prompt: DetectedPrompt, documentText: string): boolean {
  const site = prompt.callParams.site;
  if (!site) return false;
  if (site.keys.some((k) => JSON_FORMAT_KEYS.includes(k))) return true;
  if (/\b(?:parse|generateObject|streamObject)\s*$/.test(site.callee)) return true;
  const after = documentText.slice(site.args.span.end).split('\n', PARSE_WINDOW_LINES + 1).join('\n');
  return JSON_PARSE.test(after);
}
