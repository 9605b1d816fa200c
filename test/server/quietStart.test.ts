// The workspace index waits for the editor's first analyses: StartWhenQuiet starts its work once the analysis queue
// has been empty for the quiet time, with the real scheduler telling it when runs start and the queue drains.
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisScheduler, observeAll, type RunObserver } from '../../server/src/lsp/analysisScheduler';
import { StartWhenQuiet } from '../../server/src/lsp/quietStart';
import type { DocumentDetector } from '../../server/src/engine/detection/index';
import type { DocumentAnalysis } from '../../server/src/engine/types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls (bounded): the machine may be loaded, so no test reads a timer's exact moment. */
async function until(test: () => boolean, timeoutMs = 3000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !test() && Date.now() < deadline; ) await sleep(5);
}

function schedulerWith(observer: RunObserver, runMs: number): AnalysisScheduler {
  return new AnalysisScheduler(
    async (snapshot) => {
      await sleep(runMs);
      return { uri: snapshot.uri, prompts: [], documentFindings: [], totals: { monthlyCost: 0, unpricedPrompts: 0, prompts: 0 } } as unknown as DocumentAnalysis;
    },
    () => ({ dispose: () => undefined }) as unknown as DocumentDetector,
    () => 0,
    () => undefined,
    2,
    observer,
  );
}

describe('start when the analysis queue is quiet (workspace index)', () => {
  it('waits for a long first analysis and the quiet time after it, not a fixed delay from start-up', async () => {
    const started: number[] = [];
    const t0 = Date.now();
    // eslint-disable-next-line prefer-const
    let scheduler: AnalysisScheduler;
    const quiet = new StartWhenQuiet(30, () => started.push(Date.now() - t0), () => scheduler.idle);
    const events: string[] = [];
    scheduler = schedulerWith(observeAll(quiet, { runStarted: () => events.push('run'), runFinished: () => undefined, drained: () => events.push('drained') }), 120);
    scheduler.analyzeSoon(TextDocument.create('file:///big.py', 'python', 1, 'x = 1'));
    quiet.arm(); // `initialized` arrives while the first analysis runs
    await sleep(100);
    assert.deepEqual(started, [], 'not during the analysis');
    await until(() => started.length > 0);
    assert.equal(started.length, 1, 'once the queue has been quiet for 30 ms');
    assert.ok(started[0] >= 150, `after the analysis (120 ms) and the quiet time (30 ms): ${started[0]} ms`);
    assert.deepEqual(events, ['run', 'drained'], 'both observers were told');
    // Later quiet spells start nothing again.
    scheduler.analyzeSoon(TextDocument.create('file:///other.py', 'python', 1, 'y = 2'));
    await sleep(200);
    assert.equal(started.length, 1);
  });

  it('a run starting during the quiet time puts the start off; armed while idle, it starts after the quiet time', async () => {
    let started = 0;
    // eslint-disable-next-line prefer-const
    let scheduler: AnalysisScheduler;
    const quiet = new StartWhenQuiet(400, () => started++, () => scheduler.idle);
    scheduler = schedulerWith(quiet, 20);
    const armedAt = Date.now();
    quiet.arm();
    await sleep(50);
    scheduler.analyzeSoon(TextDocument.create('file:///a.py', 'python', 1, 'x = 1')); // runs 20 ms, then 400 ms quiet again
    await until(() => started > 0);
    assert.equal(started, 1);
    assert.ok(Date.now() - armedAt >= 450, `the run re-armed the wait: started ${Date.now() - armedAt} ms after arm()`);
    quiet.dispose();
  });
});
