// What the terminal can show: colour and progress only on a TTY (never in pipes, files or CI logs).
// NO_COLOR (https://no-color.org) turns colour off; FORCE_COLOR=1 turns it on for a pipe.

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY);
}

/** The audit's summary line when it ends. */
export interface AuditDone {
  files: number;
  prompts: number;
  seconds: number;
  /** `--cache`: how many files' results were reused. */
  cache?: { hits: number; misses: number };
}

/**
 * A one-line progress display on stderr, redrawn at most every 100 ms, and a final summary line; nothing at all off
 * a TTY. The caller creates it only for a TTY; the checks here keep a redirected stream safe anyway.
 */
export class ProgressBar {
  private last = 0;
  private drawn = false;
  /** When the auditing phase began and how many files were done then (the rate counts this phase only). */
  private phaseStart?: { at: number; done: number };
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  /** The walk: no bar yet, only how many files it found (a bar against a growing total would mislead). */
  finding(found: number): void {
    this.draw(`finding files… ${found}`);
  }

  /** The workspace index's pass (cross-file facts). */
  indexing(done: number, total: number): void {
    this.draw(`reading cross-file facts… ${done}/${total} files`);
  }

  /** The audit against the walk's fixed total, with the rate so far and the time left at that rate. */
  update(done: number, total: number, prompts: number): void {
    const width = 24;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    this.phaseStart ??= { at: this.now(), done };
    const seconds = (this.now() - this.phaseStart.at) / 1000;
    const rate = seconds > 0.2 ? (done - this.phaseStart.done) / seconds : 0;
    const speed = rate > 0 ? `, ${Math.round(rate).toLocaleString('en-US')} files/s, ETA ${formatSeconds((total - done) / rate)}` : '';
    this.draw(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files, ${prompts} prompts${speed}`);
  }

  /** Clears the progress line and prints the summary: `Audited 2,712 files, 874 prompts in 3.4 s`. */
  finish(done: AuditDone): void {
    this.clear();
    if (!this.stream.isTTY) return;
    const n = (x: number): string => x.toLocaleString('en-US');
    const cache = done.cache ? ` (cache: ${n(done.cache.hits)} of ${n(done.cache.hits + done.cache.misses)} files unchanged)` : '';
    this.stream.write(`Audited ${n(done.files)} file${done.files === 1 ? '' : 's'}, ${n(done.prompts)} prompt${done.prompts === 1 ? '' : 's'} in ${done.seconds.toFixed(1)} s${cache}\n`);
  }

  private draw(line: string): void {
    if (!this.stream.isTTY) return;
    const now = this.now();
    if (now - this.last < 100) return;
    this.last = now;
    // A pseudo-terminal may report 0 columns: then 80.
    this.stream.write(`\r${line.slice(0, (this.stream.columns || 80) - 1)}\u001b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
