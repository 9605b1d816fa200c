// Writing decoded text back into a source literal, and checking that an edited literal still means what the
// parser will read: the same quotes, no new placeholder, no escape cut in half. A fix that fails these checks is
// not offered.
import type { LiteralInfo } from '../types';

/** Source text that decodes to `text` inside a literal of this kind, or undefined when it cannot be written there. */
export function encodeForLiteral(text: string, literal: LiteralInfo): string | undefined {
  if (literal.readOnly) return undefined;
  const q = literal.quote;
  const triple = q.length === 3;
  let out = text;
  if (literal.language === 'prompt' || q === '') return out;
  if (literal.templateLiteral) {
    if (literal.raw) return /[\\`]|\$\{/.test(text) ? undefined : text;
    out = out.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
    return out;
  }
  if (literal.raw) {
    if (text.includes('\\') || text.includes(q[0]) || (!triple && /[\r\n]/.test(text))) return undefined;
  } else {
    out = out.replace(/\\/g, '\\\\');
    out = triple ? escapeQuoteRuns(out, q[0]) : out.split(q[0]).join('\\' + q[0]);
    if (!triple) out = out.replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  }
  if (literal.language === 'python' && (literal.fString || literal.bracesAreSyntax)) {
    out = out.replace(/\{/g, '{{').replace(/\}/g, '}}');
  }
  return out;
}

/**
 * True when `content` (the source between two placeholders or quotes of one text part) tokenises as plain
 * literal text: no unescaped closing quote, no line break in a one-line string, no lone brace where braces are
 * syntax, no `${` in a template literal, no trailing lone backslash.
 */
export function isValidLiteralContent(content: string, literal: LiteralInfo, endsLiteral = true): boolean {
  if (literal.language === 'prompt' || literal.quote === '') return true;
  const q = literal.quote;
  const triple = q.length === 3;
  const braces = literal.language === 'python' && (literal.fString || literal.bracesAreSyntax);
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '\\') {
      if (i + 1 >= content.length) return false;
      i++;
      continue;
    }
    if (literal.templateLiteral) {
      if (c === '`') return false;
      if (c === '$' && content[i + 1] === '{') return false;
      continue;
    }
    if (!triple && (c === '\n' || c === '\r')) return false;
    if (c === q[0]) {
      if (!triple) return false;
      if (content.startsWith(q, i)) return false;
      // `"""ab""""` closes early: text right before the closing quotes may not end with the quote character.
      if (endsLiteral && i === content.length - 1) return false;
    }
    if (braces && (c === '{' || c === '}')) {
      if (content[i + 1] !== c) return false;
      i++;
    }
  }
  return true;
}

/** In a triple-quoted string a lone quote is fine; quotes next to another quote or at the end are escaped. */
function escapeQuoteRuns(text: string, q: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const risky = c === q && (text[i - 1] === q || text[i + 1] === q || i === text.length - 1 || i === 0);
    out += risky ? '\\' + c : c;
  }
  return out;
}
