// Standalone prompt files (.prompt, .prompty, .prompt.md, Jinja/Handlebars/Mustache, prompts/*.txt|md): the body
// after any front matter is one prompt. Front matter `model:` (a name, or a mapping with `name`/`id`/
// `azure_deployment`) prices it; `max_tokens`-style and `temperature` keys become call parameters.
import type { CallParameters, DetectedPrompt, ModelReference, PromptRole, TextPart } from '../types';
import { literalInfo } from './literals';
import { splitPlaceholders } from './placeholders';
import { CALL_PARAMETER_NAMES } from './sinks';
import { parseAnnotation } from './annotations';
import { lineIndex, type LineIndex } from '../text/lineIndex';
import { contentEvidence, wordCount } from './heuristics';

interface FrontMatter {
  end: number;
  model?: ModelReference;
  callParams: CallParameters;
}

const MODEL_KEYS_IN_MAPPING = ['name', 'id', 'model', 'azure_deployment', 'deployment', 'deployment_name'];

function readFrontMatter(text: string, lines: LineIndex): FrontMatter | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return undefined;
  const yamlStart = open[0].length;
  const yaml = rest.slice(0, m.index);
  const result: FrontMatter = { end: yamlStart + m.index + m[0].length, callParams: {} };
  let inModelBlock = false;
  let offset = yamlStart;
  for (const line of yaml.split('\n')) {
    const entry = /^(\s*)([\w.-]+)\s*:\s*(.*?)\s*\r?$/.exec(line);
    if (entry) {
      const [, indent, key, rawValue] = entry;
      const valueStart = offset + line.indexOf(rawValue, indent.length + key.length);
      const unquoted = rawValue.replace(/^(["'])(.*)\1$/, '$2').replace(/\s+#.*$/, '');
      const quoteShift = unquoted !== rawValue && /^["']/.test(rawValue) ? 1 : 0;
      if (indent.length === 0) inModelBlock = key === 'model' && rawValue === '';
      const isModelKey = (indent.length === 0 && key === 'model') || (inModelBlock && MODEL_KEYS_IN_MAPPING.includes(key));
      if (isModelKey && unquoted && !result.model) {
        result.model = {
          name: unquoted,
          source: 'front-matter',
          span: { start: valueStart + quoteShift, end: valueStart + quoteShift + unquoted.length },
          literal: true,
          line: lines.lineOf(valueStart),
        };
      }
      const param = CALL_PARAMETER_NAMES[key];
      const numeric = Number(unquoted);
      if (param && unquoted && Number.isFinite(numeric) && result.callParams[param] === undefined) result.callParams[param] = numeric;
    }
    offset += line.length + 1;
  }
  return result;
}

function roleOfBody(body: string): PromptRole {
  const first = /^\s*(system|user|assistant|developer)\s*:/i.exec(body);
  return first ? (first[1].toLowerCase() as PromptRole) : 'unknown';
}

/** Markup (HTML views) or configuration (nginx, YAML, INI): a template of that shape is not a prompt. */
function looksLikeMarkupOrConfig(body: string): boolean {
  const t = body.trim();
  if (/^</.test(t)) return true;
  const tags = t.match(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?>/g);
  if (tags && tags.length >= 3) return true;
  const lines = t.split('\n').map((l) => l.trim()).filter((l) => l && !/^(?:\{%[^%]*%\}|\{\{[#/^!][^}]*\}\}|#.*)$/.test(l));
  if (!lines.length) return true;
  const configLines = lines.filter((l) => /^[\w.-]+\s*(?::|=)\s*\S|^[\w.-]+\s*:\s*$|^[\w.-]+(?:\s+\S+)*\s*\{$|^[{}\][;,]+$|^\[[\w.-]+\]$|;$/.test(l));
  return configLines.length >= 2 && configLines.length * 3 >= lines.length * 2;
}

/** Instruction-like content, for template files that are not in a prompts folder. */
function promptLikeTemplate(body: string): boolean {
  if (looksLikeMarkupOrConfig(body)) return false;
  const plain = body.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' ');
  const evidence = contentEvidence(body);
  return wordCount(plain) >= 5 && evidence.score >= 2;
}

export function detectPromptFile(fileName: string, text: string, options: { requireContent?: boolean } = {}): DetectedPrompt[] {
  const lines = lineIndex(text);
  const front = readFrontMatter(text, lines);
  const bodyStart = front?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const body = text.slice(bodyStart);
  if (!body.trim()) return [];
  const firstLine = body.split('\n', 1)[0];
  const forced = /prompt-cost\s*:\s*prompt/i.test(firstLine);
  if (options.requireContent && !forced && !promptLikeTemplate(body)) return [];
  const annotation = /prompt-cost\s*:/i.test(firstLine) ? parseAnnotation(firstLine) : undefined;
  if (annotation?.ignore) return [];
  const file = fileName.replace(/\\/g, '/');
  const base = {
    language: 'prompt' as const,
    signals: options.requireContent
      ? [{ kind: 'prompt-file' as const, detail: 'template file whose text reads like an instruction', line: lines.lineOf(bodyStart) }]
      : [{ kind: 'prompt-file' as const, detail: 'prompt file: the whole body is one prompt', line: lines.lineOf(bodyStart) }],
    confidence: options.requireContent ? 0.75 : 1,
    model: annotation?.model ? { name: annotation.model, source: 'annotation' as const } : front?.model,
    annotation,
  };
  const sections = /\.prompty$/i.test(file) ? roleSections(text, bodyStart) : undefined;
  if (sections) {
    // Several messages of one request: one prompt per role section, named by role (a repeated role gets ~2, ~3).
    const seen = new Map<PromptRole, number>();
    return sections.map((section) => {
      const n = (seen.get(section.role) ?? 0) + 1;
      seen.set(section.role, n);
      return {
        ...base,
        id: `${file}#${section.role}${n > 1 ? `~${n}` : ''}`,
        span: { start: section.start, end: section.end },
        role: section.role,
        signals: [{ kind: 'prompt-file' as const, detail: `${section.role} message of a prompt file`, line: lines.lineOf(section.start) }],
        parts: splitPlaceholders(textPart(text, section.start, section.end), 'template', text),
        callParams: { ...(front?.callParams ?? {}) },
        requestId: `${file}#prompty`,
      };
    });
  }
  return [
    {
      ...base,
      id: `${file}#prompt`,
      span: { start: bodyStart, end: text.length },
      role: roleOfBody(body),
      parts: splitPlaceholders(textPart(text, bodyStart, text.length), 'template', text),
      callParams: front?.callParams ?? {},
    },
  ];
}

function textPart(text: string, start: number, end: number): TextPart {
  const offsets = new Array<number>(end - start + 1);
  for (let i = 0; i <= end - start; i++) offsets[i] = start + i;
  return { kind: 'text', text: text.slice(start, end), span: { start, end }, offsets, literal: literalInfo('prompt', '', { raw: true, bracesAreSyntax: true }) };
}

/** A `.prompty` role line: `system:`, `user:`, `assistant:` alone on its line. */
const ROLE_LINE = /^[ \t]*(system|user|assistant|developer)[ \t]*:[ \t]*\r?$/gim;

/**
 * The messages of a `.prompty` body: the text after each role line up to the next, without surrounding blank
 * space; text before the first role line is a system message (as Prompty reads it). Undefined when the body has no
 * role line (then the whole body is one prompt).
 */
function roleSections(text: string, bodyStart: number): { role: PromptRole; start: number; end: number }[] | undefined {
  const body = text.slice(bodyStart);
  const marks: { role: PromptRole; lineStart: number; textStart: number }[] = [];
  for (const m of body.matchAll(ROLE_LINE)) {
    const lineEnd = body.indexOf('\n', m.index!);
    marks.push({ role: m[1].toLowerCase() as PromptRole, lineStart: bodyStart + m.index!, textStart: lineEnd < 0 ? text.length : bodyStart + lineEnd + 1 });
  }
  if (!marks.length) return undefined;
  const sections: { role: PromptRole; start: number; end: number }[] = [];
  marks.unshift({ role: 'system', lineStart: bodyStart, textStart: bodyStart });
  marks.forEach((mark, i) => {
    let start = mark.textStart;
    let end = i + 1 < marks.length ? marks[i + 1].lineStart : text.length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) sections.push({ role: mark.role, start, end });
  });
  return sections.length ? sections : undefined;
}
