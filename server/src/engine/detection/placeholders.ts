// Splits decoded literal text into static text and run-time placeholders, for the placeholder syntax a
// context implies: `.format`/PromptTemplate braces, printf `%`, string.Template `$`, or template engines.
import type { PlaceholderSyntax, PromptPart, TextPart } from '../types';

/**
 * - `format`: `{x}` fields; `{{`/`}}` are escaped braces (str.format, PromptTemplate).
 * - `template`: `{{x}}`, `{% %}`, `${x}` and bare `{identifier}` (templates formatted elsewhere, prompt files).
 * - `printf`: `%s`, `%(x)s`; `%%` is a percent sign.
 * - `dollar`: string.Template `$x`, `${x}`; `$$` is a dollar sign.
 * - `none`: no placeholder syntax (f-string literal text, whose fields are separate nodes).
 */
export type PlaceholderMode = 'format' | 'template' | 'printf' | 'dollar' | 'none';

interface Match {
  index: number;
  length: number;
  /** Placeholder, or undefined for an escape that stands for `literal`. */
  syntax?: PlaceholderSyntax;
  name?: string;
  literal?: string;
}

const IDENTIFIER_FIELD = /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*|\[[^\]\n]{0,40}\])*(?:![rsa])?(?::[^{}\n]{0,20})?$/;

function scanFormat(text: string): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
      found.push({ index: i, length: 2, literal: ch });
      i++;
      continue;
    }
    if (ch !== '{') continue;
    const close = text.indexOf('}', i + 1);
    if (close < 0) break;
    const inner = text.slice(i + 1, close);
    if (inner === '' || IDENTIFIER_FIELD.test(inner.trim()) || /^\d+$/.test(inner)) {
      found.push({ index: i, length: close - i + 1, syntax: '{x}', name: fieldName(inner) });
      i = close;
    }
  }
  return found;
}

function fieldName(inner: string): string {
  return inner.trim().replace(/![rsa]$/, '').replace(/:.*$/, '') || '{}';
}

const TEMPLATE_PATTERN = /\{\{-?\s*([^{}]*?)\s*-?\}\}|\{%-?\s*([\s\S]*?)\s*-?%\}|\$\{([^{}\n]{1,80})\}|\{([A-Za-z_][\w.]{0,60})\}/g;

function scanTemplate(text: string): Match[] {
  const found: Match[] = [];
  TEMPLATE_PATTERN.lastIndex = 0;
  for (let m = TEMPLATE_PATTERN.exec(text); m; m = TEMPLATE_PATTERN.exec(text)) {
    if (m[1] !== undefined) {
      // Handlebars/Mustache sections, closers, partials and comments (`{{#each items}}`, `{{/each}}`, `{{> card}}`,
      // `{{! note}}`, `{{else}}`) are block tags like Jinja `{% %}`, not values.
      const block = /^(?:[#/^>!]|else\b)\s*([\w.-]*)/.exec(m[1]);
      if (block) found.push({ index: m.index, length: m[0].length, syntax: '{% %}', name: block[1] || (m[1].startsWith('else') ? 'else' : m[1].slice(0, 1)) });
      else found.push({ index: m.index, length: m[0].length, syntax: '{{x}}', name: m[1] || '{{}}' });
    }
    else if (m[2] !== undefined) found.push({ index: m.index, length: m[0].length, syntax: '{% %}', name: m[2].split(/\s+/)[0] || '%' });
    else if (m[3] !== undefined) found.push({ index: m.index, length: m[0].length, syntax: '${expr}', name: m[3].trim() });
    else found.push({ index: m.index, length: m[0].length, syntax: '{x}', name: m[4] });
  }
  return found;
}

const PRINTF_PATTERN = /%%|%\(([^)\n]{1,40})\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]/g;

function scanPrintf(text: string): Match[] {
  const found: Match[] = [];
  PRINTF_PATTERN.lastIndex = 0;
  for (let m = PRINTF_PATTERN.exec(text); m; m = PRINTF_PATTERN.exec(text)) {
    if (m[0] === '%%') found.push({ index: m.index, length: 2, literal: '%' });
    else if (m[1] !== undefined) found.push({ index: m.index, length: m[0].length, syntax: '%(x)s', name: m[1] });
    else found.push({ index: m.index, length: m[0].length, syntax: '%s', name: m[0] });
  }
  return found;
}

const DOLLAR_PATTERN = /\$\$|\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g;

function scanDollar(text: string): Match[] {
  const found: Match[] = [];
  DOLLAR_PATTERN.lastIndex = 0;
  for (let m = DOLLAR_PATTERN.exec(text); m; m = DOLLAR_PATTERN.exec(text)) {
    if (m[0] === '$$') found.push({ index: m.index, length: 2, literal: '$' });
    else if (m[1] !== undefined) found.push({ index: m.index, length: m[0].length, syntax: '${expr}', name: m[1] });
    else found.push({ index: m.index, length: m[0].length, syntax: '$x', name: m[2] });
  }
  return found;
}

const SCANNERS: Record<PlaceholderMode, (text: string) => Match[]> = {
  format: scanFormat,
  template: scanTemplate,
  printf: scanPrintf,
  dollar: scanDollar,
  none: () => [],
};

/** Splits one text part; escapes are folded into the text (mapped to their first source character). */
export function splitPlaceholders(part: TextPart, mode: PlaceholderMode, source: string): PromptPart[] {
  const matches = SCANNERS[mode](part.text);
  if (!matches.length) return [part];
  const result: PromptPart[] = [];
  let text = '';
  let offsets: number[] = [];
  let spanStart = part.offsets[0];
  const flushText = (endOffset: number) => {
    if (text.length) {
      result.push({ kind: 'text', text, span: { start: spanStart, end: endOffset }, offsets: [...offsets, endOffset], literal: part.literal });
    }
    text = '';
    offsets = [];
  };
  let cursor = 0;
  for (const m of matches) {
    for (let k = cursor; k < m.index; k++) {
      if (!text.length) spanStart = part.offsets[k];
      text += part.text[k];
      offsets.push(part.offsets[k]);
    }
    const matchStart = part.offsets[m.index];
    const matchEnd = part.offsets[m.index + m.length];
    if (m.literal !== undefined) {
      if (!text.length) spanStart = matchStart;
      text += m.literal;
      offsets.push(matchStart);
    } else {
      flushText(matchStart);
      result.push({
        kind: 'placeholder',
        name: m.name ?? '',
        syntax: m.syntax!,
        span: { start: matchStart, end: matchEnd },
        source: source.slice(matchStart, matchEnd),
      });
    }
    cursor = m.index + m.length;
  }
  for (let k = cursor; k < part.text.length; k++) {
    if (!text.length) spanStart = part.offsets[k];
    text += part.text[k];
    offsets.push(part.offsets[k]);
  }
  flushText(part.offsets[part.text.length]);
  return result;
}
