// Background work that must not compete with the editor's first analyses: started once the analysis queue has been
// empty for `quietMs` (any run re-arms the wait). The workspace index used to start a fixed 1 s after `initialized`;
// on a loaded machine the first analysis of a large file takes longer than that, and the index build (a full parse of
// every code file) then ran between the analysis's steps, delaying the first hint (docs/design/editor.md).
import type { RunObserver } from './analysisScheduler';

export class StartWhenQuiet implements RunObserver {
  private armed = false;
  private started = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly quietMs: number,
    private readonly start: () => void,
    /** True while no analysis runs or waits. */
    private readonly idle: () => boolean,
  ) {}

  /** From now on, start at the next quiet spell (at once-plus-quietMs when nothing is running). */
  arm(): void {
    this.armed = true;
    if (this.idle()) this.wait();
  }

  runStarted(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  runFinished(): void {
    // The queue may hold more: `drained` says when it is empty.
  }

  drained(): void {
    if (this.armed && !this.started) this.wait();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private wait(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.started || !this.idle()) return;
      this.started = true;
      this.start();
    }, this.quietMs);
  }
}
