// What the terminal can show: colour and a progress bar only on a TTY (never in pipes, files or CI logs).
// NO_COLOR (https://no-color.org) turns colour off; FORCE_COLOR=1 turns it on for a pipe.

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY);
}

/** A one-line progress bar on stderr, redrawn at most every 100 ms; a no-op off a TTY. */
export class ProgressBar {
  private last = 0;
  private drawn = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** The walk: no bar yet, only how many files it found (a bar against a growing total would mislead). */
  finding(found: number): void {
    this.draw(`finding files… ${found}`);
  }

  /** The audit against the walk's fixed total. */
  update(done: number, total: number, prompts: number): void {
    const width = 24;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    this.draw(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files, ${prompts} prompts`);
  }

  private draw(line: string): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 80) - 1)}\u001b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
