// The idle collector's policy with a stand-in heap and clock: it collects only after a burst of background analyses,
// only once the queue has stayed quiet, never while runs keep coming (keystrokes), and only when the heap has grown.
import { strict as assert } from 'assert';
import { BURST_ANALYSES, IdleCollector, MIN_HEAP_GROWTH, QUIET_MS, SHRINK_AFTER_MS, YOUNG_WORTH_SHRINKING, type CollectorHost } from '../../server/src/lsp/idleCollector';

const MB = 1024 * 1024;

function setup() {
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const collections: string[] = [];
  // The server starts small; the burst (before each test's first drain) grows the heap to 300 MB.
  const heap = { committed: 40 * MB, young: 32 * MB };
  const host: CollectorHost = {
    collect: (compact) => {
      collections.push(compact ? 'compacting' : 'plain');
      heap.committed = 100 * MB;
      if (!compact) heap.young = 1 * MB;
    },
    heapCommitted: () => heap.committed,
    youngCommitted: () => heap.young,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run, id: ++nextId };
      timers.push(timer);
      return timer.id;
    },
    clearTimer: (id) => {
      const at = timers.findIndex((t) => t.id === id);
      if (at >= 0) timers.splice(at, 1);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.run();
    }
    now = until;
  };
  const run = (background: boolean) => {
    collector.runStarted();
    collector.runFinished(background);
  };
  const collector = new IdleCollector(host);
  heap.committed = 300 * MB;
  return { collector, collections, heap, advance, run, pending: () => timers.length };
}

describe('idle collector', () => {
  it('collects once, compacting, after a burst of background analyses and a quiet spell, then shrinks the young generation', () => {
    const { collector, collections, advance, run } = setup();
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    advance(QUIET_MS - 1);
    assert.deepEqual(collections, []);
    advance(1);
    assert.deepEqual(collections, ['compacting']);
    advance(SHRINK_AFTER_MS);
    assert.deepEqual(collections, ['compacting', 'plain']);
    advance(60_000);
    assert.deepEqual(collections, ['compacting', 'plain'], 'nothing more while idle');
    assert.equal(collector.pauses.length, 2);
  });

  it('never collects for keystrokes, however many', () => {
    const { collector, collections, advance, run, pending } = setup();
    for (let i = 0; i < 500; i++) {
      run(false);
      collector.drained();
      advance(50);
    }
    advance(60_000);
    assert.deepEqual(collections, []);
    assert.equal(pending(), 0);
  });

  it('waits while runs keep starting: each run re-arms the quiet time', () => {
    const { collector, collections, advance, run } = setup();
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    for (let i = 0; i < 10; i++) {
      advance(QUIET_MS - 100);
      run(false); // the user starts typing before the quiet time is over
      collector.drained();
    }
    assert.deepEqual(collections, []);
    advance(QUIET_MS);
    assert.deepEqual(collections, ['compacting']);
  });

  it('a run between the two collections cancels the second one', () => {
    const { collector, collections, advance, run } = setup();
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    advance(QUIET_MS);
    run(false);
    collector.drained();
    advance(60_000);
    assert.deepEqual(collections, ['compacting']);
  });

  it('skips the collection when the heap has not grown since the last one, and the shrink when the young generation is small', () => {
    const { collector, collections, heap, advance, run } = setup();
    heap.young = YOUNG_WORTH_SHRINKING;
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    advance(QUIET_MS + SHRINK_AFTER_MS);
    assert.deepEqual(collections, ['compacting'], 'young generation already small: no second collection');
    heap.committed = 100 * MB + MIN_HEAP_GROWTH - 1;
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    advance(QUIET_MS + SHRINK_AFTER_MS);
    assert.deepEqual(collections, ['compacting'], 'heap grew less than MIN_HEAP_GROWTH');
    heap.committed = 100 * MB + MIN_HEAP_GROWTH;
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    advance(QUIET_MS);
    assert.deepEqual(collections, ['compacting', 'compacting']);
  });

  it('does nothing where no collection can be had, and a burst below the threshold does not arm it', () => {
    const { collector, collections, advance, run, pending } = setup();
    for (let i = 0; i < BURST_ANALYSES - 1; i++) run(true);
    collector.drained();
    assert.equal(pending(), 0);
    advance(60_000);
    assert.deepEqual(collections, []);
    const bare = new IdleCollector({ heapCommitted: () => 0, youngCommitted: () => 0, setTimer: () => assert.fail('no timer without gc'), clearTimer: () => undefined });
    for (let i = 0; i < 10; i++) bare.runFinished(true);
    bare.drained();
  });

  it("collects in this process with V8's own collector (the real host), without leaking gc into the main context", async () => {
    const real = new IdleCollector();
    const host = (real as unknown as { host: CollectorHost }).host;
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item ${i}` }));
    const weak = new WeakRef(garbage[0] as object);
    garbage = undefined;
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef holds its target until the current job ends
    host.collect!(true);
    host.collect!(false);
    assert.equal(weak.deref(), undefined, 'a full collection frees an unreachable object');
    assert.ok(host.heapCommitted() > 0 && host.youngCommitted() > 0);
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'gc must not leak into the main context');
    real.dispose();
  });

  it('never collects after keystrokes alone, even when a burst that was too small to collect came before', () => {
    const { collector, collections, heap, advance, run } = setup();
    heap.committed = 60 * MB; // a burst that grew the heap too little to be worth a collection
    for (let i = 0; i < BURST_ANALYSES; i++) run(true);
    collector.drained();
    advance(QUIET_MS);
    assert.deepEqual(collections, []);
    heap.committed = 400 * MB; // then typing alone grows the heap
    run(false);
    collector.drained();
    advance(QUIET_MS + SHRINK_AFTER_MS);
    assert.deepEqual(collections, [], 'the burst counter was spent by the skipped collection');
  });
});
