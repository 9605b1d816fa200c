// One compacting garbage collection when the server goes quiet after a burst of background analyses (opening many
// files, a settings change re-analysing all of them). Each full analysis of a large file allocates tens of MB that
// are garbage once it is done; V8 lets the old generation grow to a multiple of the live heap before collecting,
// and its own memory reducer gives the pages back only after ~20–30 s of idleness (measured: 50 files of 5,000
// lines, 355 MB RSS at the last file's diagnostics, 168 MB half a minute later). Collecting ourselves once the queue
// has been quiet for a few seconds returns the same memory sooner. Never per keystroke: only background runs count,
// any run re-arms the wait, and nothing happens unless the heap has grown well beyond what the last collection left.
// A second, cheaper collection a few seconds later lets V8 shrink the young generation, which it only does when the
// allocation rate since the previous collection is low (32 → 1 MB measured; the first collection, right after the
// burst, never qualifies).
import * as v8 from 'v8';
import * as vm from 'vm';

/** Background analyses since the last collection before one is worth its pause (~0.1–0.3 s measured on 60 MB live). */
export const BURST_ANALYSES = 4;
/** Quiet time before collecting: the queue drains between files while the editor is still opening them. */
export const QUIET_MS = 2000;
/** Quiet time after the collection before the second one that shrinks the young generation (~50 ms measured). */
export const SHRINK_AFTER_MS = 5000;
/** Committed young generation above which the second collection is worth it (V8's floor is 1 MB). */
export const YOUNG_WORTH_SHRINKING = 8 * 1024 * 1024;
/** Heap growth (committed bytes) since the last collection below which a collection is not worth it. */
export const MIN_HEAP_GROWTH = 48 * 1024 * 1024;

export interface CollectorHost {
  /** Runs a full collection, compacting or not; undefined where none can be had (then the collector does nothing). */
  collect?: (compact: boolean) => void;
  /** Bytes of heap V8 has committed now: all of it, and the young generation's. */
  heapCommitted: () => number;
  youngCommitted: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

export class IdleCollector {
  private backgroundRuns = 0;
  private timer: unknown;
  /** Committed heap after the last collection, or when the collector was made (growth is measured from there). */
  private committedAfterLast: number;
  /** Pauses of the collections so far (ms), for the design notes and tests. */
  readonly pauses: number[] = [];

  constructor(private readonly host: CollectorHost = processHost()) {
    this.committedAfterLast = host.heapCommitted();
  }

  /** An analysis is starting: whatever was waiting waits for the next quiet spell. */
  runStarted(): void {
    this.cancel();
  }

  runFinished(background: boolean): void {
    if (background) this.backgroundRuns++;
  }

  /** The analysis queue is empty. */
  drained(): void {
    this.cancel();
    if (!this.host.collect || this.backgroundRuns < BURST_ANALYSES) return;
    this.timer = this.host.setTimer(() => this.collectIfGrown(), QUIET_MS);
  }

  dispose(): void {
    this.cancel();
  }

  private collectIfGrown(): void {
    this.timer = undefined;
    // The burst is over either way: a later collection needs a new burst, so keystrokes alone never cause one.
    this.backgroundRuns = 0;
    if (this.host.heapCommitted() - this.committedAfterLast < MIN_HEAP_GROWTH) return;
    this.timed(true);
    this.timer = this.host.setTimer(() => this.shrinkYoung(), SHRINK_AFTER_MS);
  }

  private shrinkYoung(): void {
    this.timer = undefined;
    if (this.host.youngCommitted() > YOUNG_WORTH_SHRINKING) this.timed(false);
  }

  private timed(compact: boolean): void {
    const started = performance.now();
    this.host.collect!(compact);
    this.pauses.push(performance.now() - started);
    this.committedAfterLast = this.host.heapCommitted();
  }

  private cancel(): void {
    if (this.timer === undefined) return;
    this.host.clearTimer(this.timer);
    this.timer = undefined;
  }
}

/** The real process: V8's `gc` (exposed at the first collection, not at start-up: ~1 ms) and Node's timers. */
function processHost(): CollectorHost {
  let gc: (() => void) | undefined | null = null; // null = not asked yet
  return {
    collect: (compact) => {
      if (gc === null) gc = exposeGc();
      if (gc) compact ? compacting(gc) : gc();
    },
    heapCommitted: () => v8.getHeapStatistics().total_heap_size,
    youngCommitted: () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      timer.unref(); // never what keeps the server alive
      return timer;
    },
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  };
}

/**
 * `--expose-gc` set at run time only installs `gc` in contexts created afterwards, so one throw-away context hands
 * it over; the flag is switched off again. Undefined if this V8 refuses (the server then runs as before, and the
 * collector's timers do nothing).
 */
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    v8.setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A plain full collection frees the garbage but leaves most of it in half-empty pages (old space 196 → 108 MB
 * committed for 40 MB live, measured); with compaction switched on for this one collection the pages are emptied
 * and returned (→ 41 MB). Off again at once: V8's own collections keep their cheaper heuristics.
 */
function compacting(gc: () => void): void {
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
