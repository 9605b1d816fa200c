// `--out FILE`: the report goes to a file, written atomically so CI never uploads a half-written report.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../engine/audit/atomicWrite';
import { UsageError } from './args';

export async function writeOutput(file: string, content: string): Promise<void> {
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target))) throw new UsageError(`--out ${file}: the directory ${path.dirname(file)} does not exist`);
  await writeFileAtomic(target, content);
}
