// Reuse of an unchanged prompt's cost and rule findings between analyses of one open document: a keystroke changes
// one prompt, and re-pricing and re-checking the other 49 of a big file cost far more than detection. An entry is
// keyed by everything its results can depend on, written relative to the prompt's start, so a prompt that only
// moved (text typed above it) is reused with its spans shifted.
import { shiftFix } from './rules/fixes';
import type { CostBreakdown, DetectedPrompt, Finding, SourceSpan } from './types';

/** Document text read around a prompt: the line above (annotations) and what the rules look at beside the literal. */
const CONTEXT_CHARS = 64;

export interface CachedPromptResult {
  /** The prompt's start when the results were computed. */
  start: number;
  cost: CostBreakdown;
  /** runRulesBeforeDisableComments' findings (disable comments are applied on every analysis). */
  ruleFindings: Finding[];
}

/** The inputs of a document's analysis other than its text: any change drops every entry. */
export interface CacheScope {
  settings: unknown;
  workspaceConfig: unknown;
  relativePath?: string;
  uri: string;
}

export class PromptResultCache {
  private scope?: CacheScope;
  private entries = new Map<string, CachedPromptResult>();
  private next = new Map<string, CachedPromptResult>();

  /** Starts an analysis: entries survive only if the scope is the same objects as last time. */
  begin(scope: CacheScope): void {
    const same =
      this.scope !== undefined &&
      this.scope.settings === scope.settings &&
      this.scope.workspaceConfig === scope.workspaceConfig &&
      this.scope.relativePath === scope.relativePath &&
      this.scope.uri === scope.uri;
    if (!same) this.entries.clear();
    this.scope = scope;
    this.next = new Map();
  }

  /** The cached results moved to `prompt`'s position, or undefined. */
  lookup(key: string, prompt: DetectedPrompt): { cost: CostBreakdown; ruleFindings: Finding[] } | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.next.set(key, hit);
    const delta = prompt.span.start - hit.start;
    // Unmoved (the prompts before an edit): the stored copies are handed out as they are; nothing mutates findings
    // (analyzeDocument spreads each into a new object), and only moved ones need new spans.
    if (delta === 0) return { cost: hit.cost, ruleFindings: hit.ruleFindings };
    return { cost: hit.cost, ruleFindings: hit.ruleFindings.map((f) => shiftFinding(f, delta)) };
  }

  /** Remembers fresh results, unless a finding or edit reaches outside the prompt (an import line, a model name). */
  store(key: string, prompt: DetectedPrompt, cost: CostBreakdown, ruleFindings: Finding[]): void {
    const inside = (s: SourceSpan) => s.start >= prompt.span.start && s.end <= prompt.span.end;
    const local = ruleFindings.every((f) => inside(f.span) && (f.fix?.edits ?? []).every((e) => inside(e.span)));
    if (!local) return;
    this.next.set(key, { start: prompt.span.start, cost, ruleFindings: ruleFindings.map((f) => shiftFinding(f, 0)) });
  }

  /** Ends an analysis: only the prompts of the latest text stay (a typed-over prompt's old versions go). */
  end(): void {
    this.entries = this.next;
    this.next = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A copy moved by `delta`: callers get their own objects, never ones a later analysis hands out again. */
function shiftFinding(finding: Finding, delta: number): Finding {
  const moved: Finding = { ...finding, span: { start: finding.span.start + delta, end: finding.span.end + delta } };
  if (finding.fix) moved.fix = shiftFix(finding.fix, delta);
  return moved;
}

/** Import lines of a Python file: a dedent fix writes `textwrap.dedent` or `dedent` depending on them. */
export function pythonImportLines(text: string): string {
  return (text.match(/^[ \t]*(?:from|import)[ \t][^\n]*/gm) ?? []).join('\n');
}

/**
 * Everything the prompt's cost and rule findings depend on, with offsets relative to its start: the prompt as
 * detected (parts, role, model reference, call parameters, annotation, id, request position), the source text of
 * the prompt and around it, its request siblings, and what else of the document the rules read.
 */
export function promptResultKey(prompt: DetectedPrompt, text: string, siblings: DetectedPrompt[] | undefined, extra: string): string {
  const base = prompt.span.start;
  const lineStart = text.lastIndexOf('\n', base - 1) + 1;
  const lineAboveStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  const from = Math.max(0, Math.min(lineAboveStart, base - CONTEXT_CHARS));
  const to = Math.min(text.length, prompt.span.end + CONTEXT_CHARS);
  return [
    extra,
    String(base - from),
    text.slice(from, to),
    relativeJson(prompt, base),
    siblings ? siblings.map((s) => relativeJson(s, base)).join('\u0001') : '-',
  ].join('\u0000');
}

/**
 * Serialisation of a detected prompt with every span relative to `base`. Line numbers (signals, model reference) are
 * left out: neither pricing nor the rules read them; so is the request id (it names the call's line), only whether
 * there is one counts (the request's members are in the key). Per-character `offsets` are left out: they follow
 * from the part's source text (in the key) and its relative span. Written by hand rather than by JSON.stringify
 * with a replacer (a callback per value made it most of the key's cost); every field is still walked generically,
 * so a field added to DetectedPrompt later is part of the key without a change here.
 */
function relativeJson(prompt: DetectedPrompt, base: number): string {
  const out: string[] = [];
  writeValue(prompt, base, out);
  return out.join('');
}

/**
 * A parts array's relative serialisation, by identity: detection hands out the same array for a statement it kept
 * in place, so the prompts before an edit serialise their (largest) field once. Keyed by `base` too, since the
 * spans are written relative to it.
 */
const PARTS_JSON = new WeakMap<object, { base: number; json: string }>();

function writeValue(value: unknown, base: number, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(typeof value === 'string' ? JSON.stringify(value) : String(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out.push(',');
      writeValue(value[i], base, out);
    }
    out.push(']');
    return;
  }
  out.push('{');
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    if (field === undefined || typeof field === 'function' || key === 'offsets' || key === 'line') continue;
    out.push(key, ':');
    if (key === 'requestId') out.push('1');
    else if (key === 'span' && typeof field === 'object' && field !== null) {
      const span = field as SourceSpan;
      out.push('[', String(span.start - base), ',', String(span.end - base), ']');
    } else if (key === 'parts' && Array.isArray(field)) {
      let memo = PARTS_JSON.get(field);
      if (!memo || memo.base !== base) {
        const parts: string[] = [];
        writeValue(field, base, parts);
        memo = { base, json: parts.join('') };
        PARTS_JSON.set(field, memo);
      }
      out.push(memo.json);
    } else writeValue(field, base, out);
    out.push(',');
  }
  out.push('}');
}
