// Scratch copies of fixture trees, and reports compared without their timestamp.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A copy of `source` in a new temporary directory (the tests change files in it). */
export function copyTree(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-tree-'));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** A JSON report without `generatedAt`, the one field two runs over the same tree may differ in. */
export function reportWithoutTime(json: string): Record<string, unknown> {
  const report = JSON.parse(json);
  delete report.generatedAt;
  return report;
}
