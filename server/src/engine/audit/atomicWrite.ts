// Writes a file so that a crash, a full disk or a kill mid-write never leaves it half-written: the new content goes
// to a temporary file in the same directory (same file system), is flushed, takes the original's mode, then is
// renamed over the original in one step.
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

export async function writeFileAtomic(file: string, content: Buffer | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = (await fs.promises.stat(file).catch(() => undefined))?.mode;
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(temp, 'wx', mode !== undefined ? mode & 0o7777 : 0o644);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
