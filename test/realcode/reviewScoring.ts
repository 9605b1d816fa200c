// Scores detections against a hand-labelled real-code review set (review-set-session4.json or -session5.json; rules in README.md).
// Pure: the caller reads the files and runs the engine; this file decides which labelled line each detection
// claims and counts true/false positives and misses overall, per language and per pattern.
import type { DetectedPrompt } from '../../server/src/engine/types';
import { lineAt, lineStartsOf } from '../../server/src/engine/text/lineIndex';

export type ReviewLabelKind = 'prompt' | 'none' | 'ignore';

export interface ReviewLabel {
  repo: string;
  commit: string;
  path: string;
  /** 1-based line where the labelled string expression starts. */
  line: number;
  label: ReviewLabelKind;
  /** For prompts: the issue-14 pattern (direct-sink, wrapper, assembled-pieces, cross-module, loaded-file, framework-sink, other). */
  pattern?: string;
  language: string;
  note?: string;
}

/** A file labelled only between these lines: detections wholly outside are not counted. */
export interface ReviewScope {
  repo: string;
  path: string;
  fromLine: number;
  toLine: number;
}

export interface ReviewSet {
  repositories: Record<string, { commit: string; auditRoots?: string[] }>;
  scopes: ReviewScope[];
  labels: ReviewLabel[];
}

/** What the engine reported for one labelled file, or why it reported nothing. */
export interface FileDetections {
  repo: string;
  path: string;
  text: string;
  prompts: DetectedPrompt[];
  /** Set when the file was not analysed (not a file the audit reads, skipped, mirror missing…). */
  notAnalysed?: string;
}

export interface LabelOutcome extends ReviewLabel {
  detected: boolean;
}

export interface UnlabelledHit {
  repo: string;
  path: string;
  language: string;
  /** 1-based first line of the detection. */
  line: number;
  preview: string;
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface ReviewScore {
  outcomes: LabelOutcome[];
  unlabelled: UnlabelledHit[];
  overall: Tally;
  byLanguage: Record<string, Tally>;
  /** Recall per pattern (false positives have no pattern: precision is reported overall and per language only). */
  byPattern: Record<string, Tally>;
  byRepository: Record<string, Tally>;
}

const CODE_LANGUAGES = new Set(['python', 'typescript', 'tsx', 'javascript', 'jsx']);

/** 1-based line of a UTF-16 offset. */
function lineFinder(text: string): (offset: number) => number {
  const starts = lineStartsOf(text);
  return (offset) => lineAt(starts, offset) + 1;
}

/**
 * The lines a detection claims. In code: the line its span starts on, and the line of every text part that opens a
 * literal (the source just before the part is the literal's opening quote), so each piece of an assembled prompt
 * claims its own line but the text after a `${…}` inside a template does not claim the line of the placeholder.
 * In prompt files (text, YAML): every line the detection covers.
 */
export function claimedLines(prompt: DetectedPrompt, text: string, isCode: boolean, lineOf = lineFinder(text)): number[] {
  const first = lineOf(prompt.span.start);
  if (!isCode) {
    const last = lineOf(Math.max(prompt.span.start, prompt.span.end - 1));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
  const lines = new Set<number>([first]);
  for (const part of prompt.parts) {
    if (part.kind !== 'text') continue;
    const quote = part.literal.quote;
    if (quote && text.slice(part.span.start - quote.length, part.span.start) !== quote) continue;
    lines.add(lineOf(part.span.start));
  }
  return [...lines].sort((a, b) => a - b);
}

function tally(tp: number, fp: number, fn: number): Tally {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? NaN : tp / (tp + fp),
    recall: tp + fn === 0 ? NaN : tp / (tp + fn),
  };
}

function previewOf(prompt: DetectedPrompt): string {
  return prompt.parts.map((p) => (p.kind === 'text' ? p.text : p.source)).join('').trim().slice(0, 60);
}

export function scoreReview(set: ReviewSet, files: FileDetections[]): ReviewScore {
  const key = (repo: string, path: string) => `${repo}\u0000${path}`;
  const labelsByFile = new Map<string, ReviewLabel[]>();
  for (const label of set.labels) {
    const list = labelsByFile.get(key(label.repo, label.path)) ?? [];
    list.push(label);
    labelsByFile.set(key(label.repo, label.path), list);
  }
  const outcomes: LabelOutcome[] = [];
  const unlabelled: UnlabelledHit[] = [];
  for (const file of files) {
    const labels = labelsByFile.get(key(file.repo, file.path)) ?? [];
    const language = labels[0]?.language ?? 'unknown';
    const isCode = CODE_LANGUAGES.has(language);
    const scope = set.scopes.find((s) => s.repo === file.repo && s.path === file.path);
    const inScope = (line: number) => !scope || (line >= scope.fromLine && line <= scope.toLine);
    const labelled = new Map(labels.map((l) => [l.line, l]));
    const claimed = new Set<number>();
    const lineOf = lineFinder(file.text);
    for (const prompt of file.prompts) {
      const lines = claimedLines(prompt, file.text, isCode, lineOf).filter(inScope);
      if (lines.length === 0) continue;
      lines.forEach((l) => claimed.add(l));
      if (!lines.some((l) => labelled.has(l))) {
        unlabelled.push({ repo: file.repo, path: file.path, language, line: lines[0], preview: previewOf(prompt) });
      }
    }
    for (const label of labels) outcomes.push({ ...label, detected: claimed.has(label.line) });
  }

  const group = (keyOf: (o: { language: string; pattern?: string; repo: string }) => string | undefined, withUnlabelled = true) => {
    const groups: Record<string, [number, number, number]> = {};
    const add = (k: string | undefined, i: 0 | 1 | 2) => {
      if (k === undefined) return;
      (groups[k] ??= [0, 0, 0])[i]++;
    };
    for (const o of outcomes) {
      if (o.label === 'prompt') add(keyOf(o), o.detected ? 0 : 2);
      else if (o.label === 'none' && o.detected) add(keyOf(o), 1);
    }
    if (withUnlabelled) for (const u of unlabelled) add(keyOf(u), 1);
    return Object.fromEntries(Object.entries(groups).sort().map(([k, [tp, fp, fn]]) => [k, tally(tp, fp, fn)]));
  };
  const overall = group(() => 'all').all ?? tally(0, 0, 0);
  return {
    outcomes,
    unlabelled,
    overall,
    byLanguage: group((o) => o.language),
    byPattern: group((o) => o.pattern, false),
    byRepository: group((o) => o.repo),
  };
}
