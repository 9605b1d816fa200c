// The analysis scheduler tells its run observer (the idle collector) when runs start and finish, which of them were
// background work, and when the queue is empty: the collector's policy rests on these calls.
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisScheduler, type RunObserver } from '../../server/src/lsp/analysisScheduler';
import type { DocumentDetector } from '../../server/src/engine/detection/index';
import type { DocumentAnalysis } from '../../server/src/engine/types';

describe('analysis scheduler run observer', () => {
  it('reports each run as background or not and the drained queue once the work is done', async () => {
    const events: string[] = [];
    const observer: RunObserver = {
      runStarted: () => events.push('start'),
      runFinished: (background) => events.push(background ? 'background' : 'urgent'),
      drained: () => events.push('drained'),
    };
    const scheduler = new AnalysisScheduler(
      async (snapshot) => {
        await new Promise((r) => setTimeout(r, 1));
        return { uri: snapshot.uri, prompts: [], documentFindings: [], totals: { monthlyCost: 0, unpricedPrompts: 0, prompts: 0 } } as unknown as DocumentAnalysis;
      },
      () => ({ dispose: () => undefined }) as unknown as DocumentDetector,
      () => 0,
      () => undefined,
      2,
      observer,
    );
    const a = TextDocument.create('file:///a.py', 'python', 1, 'x = 1');
    const b = TextDocument.create('file:///b.py', 'python', 1, 'y = 2');
    scheduler.analyzeSoon(a);
    scheduler.analyzeSoon(b);
    await new Promise((r) => setTimeout(r, 40)); // no get(): asking for a result would make the run urgent
    assert.deepEqual(events, ['start', 'background', 'start', 'background', 'drained']);
    events.length = 0;
    TextDocument.update(a, [{ text: 'x = 10' }], 2);
    scheduler.changed(a, undefined);
    await scheduler.get(a);
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(events, ['start', 'urgent', 'drained']);
  });
});
