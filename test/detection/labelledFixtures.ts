// Reads the labelled detection fixtures (test/fixtures/detection) and scores the detector against them.
// Labelling scheme (documented in docs/design/detection.md):
//  - code files: a comment line `expect: prompt` or `expect: none` directly above the line where a string expression
//    starts; every detected prompt must start on a line labelled `prompt` (anything else is a false positive);
//  - prompt files and other non-code files: labels.json maps the path to `prompt` or `none`.
import * as fs from 'fs';
import * as path from 'path';
import { detectPrompts, detectionLanguage } from '../../server/src/engine/detection';
import type { CrossFileFinding } from '../../server/src/engine/detection/workspace/crossFileFindings';
import { withCrossFile } from '../../server/src/engine/detection/workspace/crossFilePrompts';
import type { DetectedPrompt } from '../../server/src/engine/types';
import { indexFiles } from '../workspace/workspaceHarness';

export const FIXTURE_ROOT = path.join(__dirname, '..', 'fixtures', 'detection');
const LABEL = /(?:#|\/\/|\/\*)\s*expect:\s*(prompt|none)\b/;

export interface LabelOutcome {
  file: string;
  line: number;
  expected: 'prompt' | 'none';
  detected: boolean;
  prompt?: DetectedPrompt;
}

export interface FixtureScore {
  outcomes: LabelOutcome[];
  /** Detected prompts on lines without a `prompt` label. */
  unlabelled: { file: string; line: number; prompt: DetectedPrompt }[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  byLanguage: Record<string, { positives: number; negatives: number }>;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.name !== 'labels.json') out.push(full);
  }
  return out.sort();
}

/** Each folder under `workspaces/` is a small multi-file app: its files are scored with the workspace index applied. */
async function workspaceFindings(): Promise<Map<string, readonly CrossFileFinding[]>> {
  const out = new Map<string, readonly CrossFileFinding[]>();
  const root = path.join(FIXTURE_ROOT, 'workspaces');
  for (const name of fs.existsSync(root) ? fs.readdirSync(root).sort() : []) {
    const dir = path.join(root, name);
    const files = Object.fromEntries(listFiles(dir).map((f) => [path.relative(dir, f).replace(/\\/g, '/'), fs.readFileSync(f, 'utf8')]));
    const { result } = await indexFiles(files);
    for (const [file, findings] of result.byFile) out.set(`workspaces/${name}/${file}`, findings);
  }
  return out;
}

export async function scoreFixtures(options: { crossFile?: boolean } = {}): Promise<FixtureScore> {
  const crossFile = options.crossFile === false ? new Map<string, readonly CrossFileFinding[]>() : await workspaceFindings();
  const labels: Record<string, 'prompt' | 'none'> = JSON.parse(fs.readFileSync(path.join(FIXTURE_ROOT, 'labels.json'), 'utf8')).files;
  const outcomes: LabelOutcome[] = [];
  const unlabelled: FixtureScore['unlabelled'] = [];
  const byLanguage: FixtureScore['byLanguage'] = {};
  for (const full of listFiles(FIXTURE_ROOT)) {
    const rel = path.relative(FIXTURE_ROOT, full).replace(/\\/g, '/');
    const text = fs.readFileSync(full, 'utf8');
    const language = detectionLanguage(rel) ?? 'other';
    const input = { uri: rel, fileName: rel, text };
    const result = withCrossFile(input, await detectPrompts(input), crossFile.get(rel));
    const tally = (byLanguage[language] ??= { positives: 0, negatives: 0 });
    if (labels[rel]) {
      outcomes.push({ file: rel, line: 0, expected: labels[rel], detected: result.prompts.length > 0, prompt: result.prompts[0] });
      tally[labels[rel] === 'prompt' ? 'positives' : 'negatives']++;
      continue;
    }
    const lines = text.split('\n');
    const starts = new Map<number, DetectedPrompt>();
    let offset = 0;
    const lineStarts = lines.map((l) => { const s = offset; offset += l.length + 1; return s; });
    const lineOf = (o: number) => { let lo = 0, hi = lineStarts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= o) lo = mid; else hi = mid - 1; } return lo; };
    for (const p of result.prompts) starts.set(lineOf(p.span.start), p);
    const labelledLines = new Set<number>();
    lines.forEach((line, i) => {
      const m = LABEL.exec(line);
      if (!m) return;
      const target = i + 1;
      const expected = m[1] as 'prompt' | 'none';
      labelledLines.add(target);
      tally[expected === 'prompt' ? 'positives' : 'negatives']++;
      // A value may start on the next line after `X =` / `f(`.
      const continued = /[=(\[,]\s*$/.test(lines[target] ?? '') && !starts.has(target) && starts.has(target + 1) ? target + 1 : target;
      if (continued !== target) labelledLines.add(continued);
      outcomes.push({ file: rel, line: target + 1, expected, detected: starts.has(continued), prompt: starts.get(continued) });
    });
    for (const [line, prompt] of starts) if (!labelledLines.has(line)) unlabelled.push({ file: rel, line: line + 1, prompt });
  }
  const truePositives = outcomes.filter((o) => o.expected === 'prompt' && o.detected).length;
  const falseNegatives = outcomes.filter((o) => o.expected === 'prompt' && !o.detected).length;
  const falsePositives = outcomes.filter((o) => o.expected === 'none' && o.detected).length + unlabelled.length;
  return {
    outcomes,
    unlabelled,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    byLanguage,
  };
}
