// A cheap look at the raw text of a code file that says when detection cannot find a prompt in it, so the parse and
// syntax walk (≈ 1 ms a file) are skipped. It must never say "no" to a file the detector would report a prompt in:
// every test is a NECESSARY condition of one of the detector's signals, checked on the raw text:
//   annotation     a `prompt-cost:` comment
//   sink / flow    every segment of some sink callee (`chat`, `completions`, `create`) and its required module
//   message        a role word in a (role, text) pair, or a `role` key with a role word and a text key
//   DSPy docstring `dspy` and a signature base class
//   name evidence  a prompt-ish or template-ish word in some name
//   content        enough instruction cues possible for the content-only rules (score ≥ 3)
// The sink, role and key tables are imported from `sinks.ts`, so they cannot drift apart. The name words come
// from `heuristics.ts`; its content cues are rewritten below for raw source (placeholders, escapes and joined literals
// may sit between words) and `test/detection/prefilter.test.ts` checks them against `contentEvidence` and every fixture.
//
// Assumption (the only way round the tests): the words the detector needs are written as plain text, not split
// across concatenated literals in mid-word ("summ" + "arize") nor spelt with escape sequences ("\x73ystem").
import { MESSAGE_TEXT_KEYS, PROMPT_DOCSTRING_BASES, ROLE_WORDS, SINKS } from './sinks';
import { FEW_SHOT_WORDS, PROMPT_WORDS, TEMPLATE_WORDS } from './heuristics';
import type { SourceLanguage } from '../types';

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
/**
 * `("system", text)` / `["user", text]`: the first item of a two-item tuple or list is a string literal that is
 * exactly a role word (compared lower-cased); a role literal elsewhere (`{"user": id}`) needs the `role` key below.
 */
const ROLE_LITERAL = new RegExp(`[[(]\\s*[rbuf]{0,2}(["'\`]{1,3})(?:${ROLES.map(escape).join('|')})\\1\\s*,`, 'i');
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

/** Words that make `nameEvidence` say "prompt" or "template" (`PROMPT_WORDS`, `system`, `TEMPLATE_WORDS`). */
export const PROMPT_NAME_WORDS = [...PROMPT_WORDS, 'system', ...TEMPLATE_WORDS];
/**
 * One of those words as a whole word of some name, the way `nameWords` splits names (`SYSTEM_PROMPT`,
 * `systemPrompt`, `XMLPrompt`, `"system prompt"`): lower case after no letter or digit, Capitalised anywhere,
 * UPPER after no capital; then no lower-case letter or digit. `filesystem` or `templateUrl`'s neighbour `urlTemplates2`
 * are not names with those words.
 */
const nameWithWord = (words: readonly string[]) => new RegExp(
  words.map((w) => `(?:(?<![A-Za-z0-9])${w}|${w[0].toUpperCase()}${w.slice(1)}|(?<![A-Z])${w.toUpperCase()})(?![a-z0-9])`).join('|'),
);
const PROMPT_NAME = nameWithWord(PROMPT_NAME_WORDS);
/** A list named for few-shot examples (`classification.ts` reads its sentences as prompt text). */
const FEW_SHOT_NAME = nameWithWord(FEW_SHOT_WORDS);

// ---------------------------------------------------------------- heuristics: content

// `contentEvidence` runs its cues on a string's decoded text, where placeholders read as one space. Here each cue
// is rewritten for the raw source: between two words, where the cue has one space, the source may have a space, an
// escaped space, a placeholder (`{x}`, `${x}`) or the end of one literal and the start of the next
// (`"You are "\n    "a helpful…"`); before a word, an escape such as `\n` may stand where the text has a boundary.
const GAP = String.raw`(?:[\s"'` + '`' + String.raw`+,()\\]|\\x20|\\u0020|\\040|\$?\{[^{}\n]*\}|[rbuf]{1,2}(?=["']))+`;
/** What may stand before a word start in the raw text: a non-word character, or the end of an escape (`\n`, `\x20`). */
const BEFORE_WORD = String.raw`(?:^|[^a-z0-9_]|\\[a-z]|\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]+\}|[0-7]{1,3}))`;
const LEFT = String.raw`(?<=${BEFORE_WORD})`;
const RIGHT = String.raw`(?![a-z0-9_])`;
/** Where the text has `\s*`: whitespace, escapes, placeholders. */
const SPACES = String.raw`(?:\s|\\[a-z]|\$?\{[^{}\n]*\})*`;
/** A line start in the text: a newline (real or escaped), or the start of a literal or just after a placeholder. */
const LINE_START = String.raw`(?:^|[\n\r"'` + '`' + String.raw`}]|\\[nr]|\\(?:x0[ad]|u000[ad]|u202[89]|01[25]))`;

/**
 * Builds a cue from a pattern where `_` is one space of the text, `<` a word start, `>` a word end and `~` the
 * text's `\s*`. The first word is matched first and its start checked behind it (a lookbehind in front would be
 * tried at every position: 10× slower).
 */
function cue(pattern: string, flags = ''): RegExp {
  const expand = (p: string) => p.replace(/_/g, GAP).replace(/</g, LEFT).replace(/>/g, RIGHT).replace(/~/g, SPACES);
  const first = /^<(\((?:[^()]|\([^()]*\))*\)|[a-z]+)/.exec(pattern);
  if (!first) return new RegExp(expand(pattern), flags);
  const word = expand(first[1]);
  return new RegExp(`${word}(?<=${BEFORE_WORD}${word})${expand(pattern.slice(first[0].length))}`, flags);
}

/** `contentEvidence`'s strong cues (worth 2), one for one, in the same order; they run on lower-cased text. */
export const RAW_STRONG_CUES: RegExp[] = [
  cue('<you_are_(?:an?|the)>'),
  cue(String.raw`<you_are>[\s\S]{0,400}?<(?:assistant|expert|model|agent|bot|ai)>`),
  cue('<your_(?:task|job|role|goal|objective|mission)_(?:is|will_be)>'),
  cue('<you_are_(?:tasked_with|asked_to|given_the_task)>'),
  cue('<respond_(?:with|in|only|using)>'),
  cue('<(?:return|output|reply_with|answer_with|respond_with)_(?:(?:only|just|strictly)_)?(?:(?:a|an|the)_)?(?:valid_)?json>'),
  cue('<given_the_(?:following|above|below)>'),
  cue('<you_will_be_(?:given|provided|shown)>'),
  cue('<act_as_(?:an?|the)>'),
  cue('<i_want_you_to>'),
  cue(String.raw`<answer_the_(?:following_|user(?:\\?')?s?_?)?question`),
  cue(String.raw`<(?:do_not|don(?:\\?')t|never)_(?:make_up|invent|hallucinate|fabricate|include_any|add_any|mention)>`),
  cue('<you_(?:must|should)_(?:always|only|never)>'),
  cue('<think_step(?:-|_)by(?:-|_)step>'),
  cue('<(?:summari[sz]e|translate|classify|rewrite|extract)_(?:the|this|these|following|all|each|it|them)>'),
  cue('<as_an?_(?:ai|helpful|expert|experienced|professional)>'),
  new RegExp(String.raw`(?:system|user|assistant)(?<=${LINE_START}(?:[ \t\f\v]|\\[tvf]|\$?\{[^{}\n]*\})*(?:system|user|assistant))${SPACES}:`, 'm'),
  cue(String.raw`<(?:helpful|harmless|honest)[\s\S]{0,120}?assistant>`),
];
/** `contentEvidence`'s weak cues (worth 1), one for one, in the same order. */
export const RAW_WEAK_CUES: RegExp[] = [
  cue('<assistant>'),
  cue('<json>'),
  cue('<(?:concise|succinct|brief|detailed)_(?:answer|response|summary|explanation)'),
  cue('<the_user>'),
  cue('<(?:context|question|input|document|text|article|transcript|conversation|query)~:'),
  cue('<(?:below|following|provided)_(?:text|context|document|article|information|conversation|code|question|passage)>'),
  cue('<please>'),
  cue('<(?:format|structure)_(?:your|the)_(?:answer|response|output)>'),
  cue('<output_format>'),
  cue('<(?:instructions?|rules|guidelines)~:'),
  cue('<(?:examples?)~:'),
  cue(String.raw`<if_you_(?:don(?:\\?')t|do_not)_know>`),
  cue(String.raw`<in_(?:\d+|one|two|three|a_few)_(?:sentences?|words|bullet_points|paragraphs?)>`),
  cue('<(?:summary|summarize|summarise|classify|extract|translate|analy[sz]e|generate|write)>'),
  /\{\w+\}|\{\{\s*\w+\s*\}\}/,
];

/**
 * The highest score `contentEvidence` could give any string of the file: 2 per strong cue and 1 per weak cue that
 * matches somewhere in the raw text. Stops counting once `enough` is reached or can no longer be.
 */
export function contentScoreBound(text: string, enough = Infinity): number {
  // Case-sensitive patterns on lower-cased text: faster than the `i` flag.
  const lower = text.toLowerCase();
  let score = 0;
  // Points still to be had: once even all of them cannot reach `enough`, the answer is known.
  let left = RAW_STRONG_CUES.length * 2 + RAW_WEAK_CUES.length;
  for (const cue of RAW_STRONG_CUES) {
    left -= 2;
    if (cue.test(lower) && (score += 2) >= enough) return score;
    if (Number.isFinite(enough) && score + left < enough) return score;
  }
  for (const cue of RAW_WEAK_CUES) {
    left -= 1;
    if (cue.test(lower) && (score += 1) >= enough) return score;
    if (Number.isFinite(enough) && score + left < enough) return score;
  }
  return score;
}

/** Content alone (or with a weak name) needs `contentEvidence(…).score >= 3` (see `heuristicSignals`). */
const CONTENT_SCORE_NEEDED = 3;

// ---------------------------------------------------------------- the filter

export type PrefilterReason = 'annotation' | 'prompt name' | 'sink' | 'message' | 'docstring' | 'content' | undefined;

/** Why the detector might report a prompt in this code file, or undefined when it cannot. */
export function prefilterReason(text: string): PrefilterReason {
  return shapeReason(text) ?? contentReason(text);
}

/** Every reason but instruction-like content, read on the whole text (names, sinks, messages, annotations). */
function shapeReason(text: string): PrefilterReason {
  if (ANNOTATION.test(text)) return 'annotation';
  if (PROMPT_NAME.test(text) || FEW_SHOT_NAME.test(text)) return 'prompt name';
  if (sinkPossible(text)) return 'sink';
  if (messagePossible(text)) return 'message';
  if (docstringPromptPossible(text)) return 'docstring';
  return undefined;
}

/** Instruction-like content strong enough for the heuristics, read in `text` (the file, or only its literals). */
function contentReason(text: string): PrefilterReason {
  return contentScoreBound(text, CONTENT_SCORE_NEEDED) >= CONTENT_SCORE_NEEDED ? 'content' : undefined;
}

/** True when `text` may call a model (a sink callee, a role/content message, an annotation): the workspace index's seeds. */
export function modelCallPossible(text: string): boolean {
  return ANNOTATION.test(text) || sinkPossible(text) || messagePossible(text);
}

/** False only when the code detector cannot report a prompt in `text` (Python, TypeScript, JavaScript source). */
export function mayContainPrompt(text: string): boolean {
  return prefilterReason(text) !== undefined;
}

/** As `mayContainPrompt`, knowing the language: Python's content cues are read only inside its string literals. */
export function codeMayContainPrompt(language: SourceLanguage, text: string): boolean {
  return (language === 'python' ? pythonPrefilterReason(text) : prefilterReason(text)) !== undefined;
}

// ---------------------------------------------------------------- Python: content cues inside string literals only

/**
 * As `prefilterReason`, for text known to be Python: the content cues are looked for only in its string literals,
 * which is where `contentEvidence` reads them. On the whole text they also match code (`return json.load(f)` reads
 * as "return json", a strong cue, and "json", a weak one), which sent every such module through the parse.
 * The other tests still run on the whole text. When the literals cannot be told apart for sure, the whole text is used.
 */
export function pythonPrefilterReason(text: string): PrefilterReason {
  return shapeReason(text) ?? contentReason(pythonStringLiterals(text) ?? text);
}

const QUOTE_SINGLE = 0x27;
const QUOTE_DOUBLE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const HASH = 0x23;
const BRACE_OPEN = 0x7b;
const BRACE_CLOSE = 0x7d;
const COLON = 0x3a;
/** Letters a Python string prefix is made of (`r`, `b`, `u`, `f`, any case, up to two). */
const PREFIX_LETTER = /^[rbufRBUF]{1,2}$/;
const IDENTIFIER_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Every string literal of a Python source (prefix and quotes included, so the raw cues see the same literal starts
 * and joins as in the whole text), in order, joined by one space; what lies between them (code, comments) is left
 * out. Undefined where this reading could differ from Python's tokenizer (and so from tree-sitter's).
 */
export function pythonStringLiterals(text: string): string | undefined {
  const spans = pythonStringSpans(text);
  return spans && spans.map(([start, end]) => text.slice(start, end)).join(' ');
}

/**
 * The [start, end) offsets of every string literal, prefix and quotes included, as Python's tokenizer reads them.
 * Undefined when unsure: an unterminated literal, or a quote, backslash or `#` inside an f-string's replacement
 * field (Python 3.12 allows a nested literal with the same quote there).
 */
export function pythonStringSpans(text: string): [number, number][] | undefined {
  const spans: [number, number][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c !== QUOTE_SINGLE && c !== QUOTE_DOUBLE) {
      i++;
      continue;
    }
    // The prefix: one or two letters before the quote that are not the end of a longer name.
    let start = i;
    for (let k = 1; k <= 2 && i - k >= 0 && PREFIX_LETTER.test(text.slice(i - k, i)); k++) {
      if (i - k - 1 < 0 || !IDENTIFIER_CHAR.test(text[i - k - 1])) start = i - k;
    }
    const formatted = /[fF]/.test(text.slice(start, i));
    const triple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
    const end = stringEnd(text, triple ? i + 3 : i + 1, c, triple, formatted);
    if (end === undefined) return undefined;
    spans.push([start, end]);
    i = end;
  }
  return spans;
}

/** Where the literal whose body starts at `from` ends (after its closing quote), or undefined when unsure. */
function stringEnd(text: string, from: number, quote: number, triple: boolean, formatted: boolean): number | undefined {
  const n = text.length;
  let depth = 0; // inside an f-string replacement field when > 0
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (depth > 0) {
      if (c === BACKSLASH || c === HASH) return undefined;
      if (c === QUOTE_SINGLE || c === QUOTE_DOUBLE) {
        // A nested literal of the other quote (`f"{d['key']}"`), on the same line, without escapes; a quote right
        // after `:` may be a format spec's fill character, and the same quote a 3.12 nested literal: unsure.
        if (c === quote || text.charCodeAt(i - 1) === COLON) return undefined;
        const close = text.indexOf(String.fromCharCode(c), i + 1);
        const eol = text.indexOf('\n', i + 1);
        if (close < 0 || (eol >= 0 && eol < close) || text.slice(i + 1, close).includes('\\')) return undefined;
        i = close;
      } else if (c === BRACE_OPEN) depth++;
      else if (c === BRACE_CLOSE) depth--;
      else if (c === NEWLINE && !triple) return undefined;
      continue;
    }
    if (c === BACKSLASH) {
      i++; // an escaped character, a quote or a line break included, even in raw strings
      continue;
    }
    if (formatted && c === BRACE_OPEN) {
      if (text.charCodeAt(i + 1) === BRACE_OPEN) i++; // `{{` is a literal brace
      else depth = 1;
      continue;
    }
    if (c === NEWLINE && !triple) return undefined; // unterminated: tree-sitter's recovery is not this reading
    if (c !== quote) continue;
    if (!triple) return i + 1;
    if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
  }
  return undefined;
}
