// Builds the workspace index over files held in memory or over a fixture folder, and lists its findings compactly.
import * as fs from 'fs';
import * as path from 'path';
import { collectCrossFile, type CrossFileResult } from '../../server/src/engine/detection/workspace/crossFileFindings';
import { factsOf } from '../../server/src/engine/detection/workspace/factsOf';
import { WorkspaceIndex } from '../../server/src/engine/detection/workspace/workspaceIndex';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'crossfile');

export async function indexFiles(files: Record<string, string>): Promise<{ index: WorkspaceIndex; result: CrossFileResult }> {
  const index = new WorkspaceIndex({ readText: (rel) => files[rel], exists: (rel) => rel in files });
  for (const rel of Object.keys(files)) index.addFile(rel);
  for (const [rel, text] of Object.entries(files)) {
    const outcome = await factsOf(rel, text, 2_000_000);
    if ('facts' in outcome) index.setFacts(outcome.facts);
  }
  return { index, result: collectCrossFile(index) };
}

export function readFixture(name: string): Record<string, string> {
  const root = path.join(FIXTURES, name);
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(root, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** `file#symbol role model` per finding, sorted: what a test compares. */
export function summaryLines(result: CrossFileResult): string[] {
  const lines: string[] = [];
  for (const [file, findings] of result.byFile) {
    for (const f of findings) lines.push(`${file}#${f.symbol} ${f.role} ${f.model?.name ?? '-'}${f.callsPerDay !== undefined ? ` calls=${f.callsPerDay}` : ''}`);
  }
  return lines.sort();
}
