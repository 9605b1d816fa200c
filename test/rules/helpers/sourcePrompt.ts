// Test helper: builds a DetectedPrompt from a small Python / TypeScript / prompt-file source the way the
// detection engine describes prompts (decoded text parts with offsets, placeholders as their own parts), so rule
// tests do not depend on the detector. Supports the literal forms the tests use: quotes, triple quotes,
// r/f prefixes, `.format`, implicit concatenation in parentheses, template literals, textwrap.dedent/cleandoc.
import type { DetectedPrompt, LiteralInfo, PromptPart, SourceLanguage, TextPart } from '../../../server/src/engine/types';

export interface SourcePromptOptions {
  /** The literal (or parenthesised literals) right after the first occurrence of this text. Default `PROMPT = `. */
  after?: string;
  role?: DetectedPrompt['role'];
  id?: string;
}

export function promptFromSource(source: string, language: SourceLanguage, options: SourcePromptOptions = {}): DetectedPrompt {
  if (language === 'prompt') return promptFile(source, options);
  const marker = options.after ?? 'PROMPT = ';
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`helper: marker ${JSON.stringify(marker)} not in source`);
  let i = at + marker.length;
  let textTransform: DetectedPrompt['textTransform'];
  const wrap = /^(?:textwrap\.)?(dedent|(?:inspect\.)?cleandoc)\(/.exec(source.slice(i));
  if (wrap) {
    textTransform = wrap[1].includes('cleandoc') ? 'cleandoc' : 'dedent';
    i += wrap[0].length;
  }
  const parts: PromptPart[] = [];
  const grouped = source[i] === '(';
  if (grouped) i++;
  const start = i;
  let end = i;
  for (;;) {
    while (grouped && /\s/.test(source[i])) i++;
    const lit = language === 'python' ? pythonLiteral(source, i) : jsLiteral(source, i, language);
    if (!lit) break;
    parts.push(...lit.parts);
    i = end = lit.end;
    if (!grouped) break;
  }
  if (parts.length === 0) throw new Error('helper: no literal found');
  return {
    id: options.id ?? 'test#PROMPT',
    language,
    span: { start, end },
    role: options.role ?? 'system',
    signals: [],
    confidence: 1,
    parts: mergeAdjacentText(parts),
    textTransform,
    callParams: {},
  };
}

function promptFile(source: string, options: SourcePromptOptions): DetectedPrompt {
  const parts: PromptPart[] = [];
  const literal: LiteralInfo = { language: 'prompt', quote: '', raw: true, fString: false, bracesAreSyntax: false, templateLiteral: false };
  let last = 0;
  for (const m of source.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
    if (m.index! > last) parts.push(plainText(source, last, m.index!, literal));
    parts.push({ kind: 'placeholder', name: m[1], syntax: '{{x}}', span: { start: m.index!, end: m.index! + m[0].length }, source: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < source.length) parts.push(plainText(source, last, source.length, literal));
  return { id: options.id ?? 'test#file', language: 'prompt', span: { start: 0, end: source.length }, role: 'user', signals: [], confidence: 1, parts, callParams: {} };
}

function plainText(source: string, start: number, end: number, literal: LiteralInfo): TextPart {
  const offsets: number[] = [];
  for (let k = start; k <= end; k++) offsets.push(k);
  return { kind: 'text', text: source.slice(start, end), span: { start, end }, offsets, literal };
}

/** Adjacent text parts of DIFFERENT literals stay separate (an edit may not straddle them). */
function mergeAdjacentText(parts: PromptPart[]): PromptPart[] {
  return parts.filter((p) => p.kind !== 'text' || p.text.length > 0 || parts.length === 1);
}

interface Lit {
  parts: PromptPart[];
  end: number;
}

const PY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

function pythonLiteral(src: string, i: number): Lit | undefined {
  const m = /^([rRbBfFuU]{0,2})("""|'''|"|')/.exec(src.slice(i));
  if (!m) return undefined;
  const prefix = m[1].toLowerCase();
  const quote = m[2];
  const raw = prefix.includes('r');
  const fString = prefix.includes('f');
  let j = i + m[0].length;
  const contentStart = j;
  // Find the closing quote first (for `.format` detection).
  let k = j;
  while (k < src.length && !src.startsWith(quote, k)) k += src[k] === '\\' ? 2 : 1;
  const contentEnd = k;
  const end = k + quote.length;
  const format = /^\s*\.format\(/.test(src.slice(end));
  const literal: LiteralInfo = { language: 'python', quote, raw, fString, bracesAreSyntax: fString || format, templateLiteral: false, readOnly: prefix.includes('b') || undefined };
  const parts: PromptPart[] = [];
  let text = '';
  let offsets: number[] = [];
  let partStart = contentStart;
  const flush = (at: number) => {
    offsets.push(at);
    parts.push({ kind: 'text', text, span: { start: partStart, end: at }, offsets, literal });
    text = '';
    offsets = [];
  };
  while (j < contentEnd) {
    const c = src[j];
    if (c === '\\' && !raw) {
      const n = src[j + 1];
      if (n === '\n') {
        j += 2;
        continue;
      }
      if (n in PY_ESCAPES) {
        offsets.push(j);
        text += PY_ESCAPES[n];
        j += 2;
        continue;
      }
      offsets.push(j, j + 1);
      text += c + n;
      j += 2;
      continue;
    }
    if (c === '\\' && raw) {
      offsets.push(j, j + 1);
      text += c + src[j + 1];
      j += 2;
      continue;
    }
    if (literal.bracesAreSyntax && (c === '{' || c === '}')) {
      if (src[j + 1] === c) {
        offsets.push(j);
        text += c;
        j += 2;
        continue;
      }
      if (c === '{') {
        flush(j);
        let depth = 0;
        let e = j;
        for (; e < contentEnd; e++) {
          if (src[e] === '{') depth++;
          else if (src[e] === '}' && --depth === 0) break;
        }
        const source = src.slice(j, e + 1);
        parts.push({ kind: 'placeholder', name: source.slice(1, -1).split(/[!:]/)[0].trim(), syntax: '{x}', span: { start: j, end: e + 1 }, source });
        j = e + 1;
        partStart = j;
        continue;
      }
    }
    offsets.push(j);
    text += c;
    j++;
  }
  flush(contentEnd);
  return { parts, end };
}

const JS_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function jsLiteral(src: string, i: number, language: SourceLanguage): Lit | undefined {
  const quote = src[i];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  const template = quote === '`';
  const literal: LiteralInfo = { language, quote, raw: false, fString: false, bracesAreSyntax: false, templateLiteral: template };
  const parts: PromptPart[] = [];
  let j = i + 1;
  let text = '';
  let offsets: number[] = [];
  let partStart = j;
  const flush = (at: number) => {
    offsets.push(at);
    parts.push({ kind: 'text', text, span: { start: partStart, end: at }, offsets, literal });
    text = '';
    offsets = [];
  };
  while (j < src.length && src[j] !== quote) {
    const c = src[j];
    if (c === '\\') {
      const n = src[j + 1];
      if (n === '\n') {
        j += 2;
        continue;
      }
      offsets.push(j);
      text += JS_ESCAPES[n] ?? n;
      j += 2;
      continue;
    }
    if (template && c === '$' && src[j + 1] === '{') {
      flush(j);
      let depth = 0;
      let e = j + 1;
      for (; e < src.length; e++) {
        if (src[e] === '{') depth++;
        else if (src[e] === '}' && --depth === 0) break;
      }
      const source = src.slice(j, e + 1);
      parts.push({ kind: 'placeholder', name: source.slice(2, -1).trim(), syntax: '${expr}', span: { start: j, end: e + 1 }, source });
      j = e + 1;
      partStart = j;
      continue;
    }
    offsets.push(j);
    text += c;
    j++;
  }
  flush(j);
  return { parts, end: j + 1 };
}

/** The static text a prompt sends, placeholders written as they are in the source (for assertions). */
export function promptText(prompt: DetectedPrompt): string {
  return prompt.parts.map((p) => (p.kind === 'text' ? p.text : p.source)).join('');
}
