// Decodes string literals (escapes resolved) into text with a per-character map back to source offsets, so a
// fixer can rewrite exactly the characters a rule points at. One function per literal syntax.
import type { LiteralInfo, SourceLanguage } from '../types';

export interface DecodedText {
  text: string;
  /** offsets[i] = source offset of text[i]; offsets[text.length] = end of the decoded range. */
  offsets: number[];
}

const SIMPLE_ESCAPES_PY: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v',
};
const SIMPLE_ESCAPES_JS: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0',
};

function push(out: DecodedText, chars: string, offset: number): void {
  for (let k = 0; k < chars.length; k++) {
    out.text += chars[k];
    out.offsets.push(offset);
  }
}

function codePointText(hex: string): string | undefined {
  const value = parseInt(hex, 16);
  if (!Number.isFinite(value) || value > 0x10ffff) return undefined;
  return String.fromCodePoint(value);
}

/**
 * Python string content [from, to). `raw`: no escape processing. `fString`: `{{`/`}}` are literal braces.
 */
export function decodePython(source: string, from: number, to: number, raw: boolean, fString: boolean): DecodedText {
  const out: DecodedText = { text: '', offsets: [] };
  let i = from;
  while (i < to) {
    const ch = source[i];
    if (fString && (ch === '{' || ch === '}') && source[i + 1] === ch && i + 1 < to) {
      push(out, ch, i);
      i += 2;
      continue;
    }
    if (ch !== '\\' || raw || i + 1 >= to) {
      push(out, ch, i);
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === '\n') { i += 2; continue; }
    if (next === '\r') { i += source[i + 2] === '\n' ? 3 : 2; continue; }
    const simple = SIMPLE_ESCAPES_PY[next];
    if (simple !== undefined) { push(out, simple, i); i += 2; continue; }
    if (next >= '0' && next <= '7') {
      let j = i + 1;
      while (j < to && j < i + 4 && source[j] >= '0' && source[j] <= '7') j++;
      push(out, String.fromCharCode(parseInt(source.slice(i + 1, j), 8)), i);
      i = j;
      continue;
    }
    const hexLength = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLength && i + 2 + hexLength <= to) {
      const decoded = codePointText(source.slice(i + 2, i + 2 + hexLength));
      if (decoded !== undefined && /^[0-9a-fA-F]+$/.test(source.slice(i + 2, i + 2 + hexLength))) {
        push(out, decoded, i);
        i += 2 + hexLength;
        continue;
      }
    }
    // Unknown escapes (and \N{NAME}) stay as written, which is what Python does for unknown ones.
    push(out, ch, i);
    i++;
  }
  out.offsets.push(to);
  return out;
}

/** JavaScript string or template-literal content [from, to). */
export function decodeJavaScript(source: string, from: number, to: number): DecodedText {
  const out: DecodedText = { text: '', offsets: [] };
  let i = from;
  while (i < to) {
    const ch = source[i];
    if (ch !== '\\' || i + 1 >= to) {
      push(out, ch, i);
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === '\n' || next === '\u2028' || next === '\u2029') { i += 2; continue; }
    if (next === '\r') { i += source[i + 2] === '\n' ? 3 : 2; continue; }
    const simple = SIMPLE_ESCAPES_JS[next];
    if (simple !== undefined && !(next === '0' && /[0-9]/.test(source[i + 2] ?? ''))) {
      push(out, simple, i);
      i += 2;
      continue;
    }
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4))) {
      push(out, String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)), i);
      i += 4;
      continue;
    }
    if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 2, Math.min(to, i + 10)));
      if (braced) {
        const decoded = codePointText(braced[1]);
        if (decoded !== undefined) { push(out, decoded, i); i += 2 + braced[0].length; continue; }
      }
      if (/^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        push(out, String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)), i);
        i += 6;
        continue;
      }
    }
    push(out, next, i);
    i += 2;
  }
  out.offsets.push(to);
  return out;
}

export function literalInfo(language: SourceLanguage, quote: string, flags: Partial<LiteralInfo> = {}): LiteralInfo {
  return {
    language,
    quote,
    raw: false,
    fString: false,
    bracesAreSyntax: false,
    templateLiteral: false,
    ...flags,
  };
}
