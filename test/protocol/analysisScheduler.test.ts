// The server's analysis scheduler with a recording stand-in for the engine: caching per version, edits handed to
// the detector in order, edited documents ahead of background work, parse trees kept only for recent documents.
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisScheduler, type DocumentSnapshot } from '../../server/src/lsp/analysisScheduler';
import type { DocumentDetector, TextEdit0 } from '../../server/src/engine/detection/index';
import type { DocumentAnalysis } from '../../server/src/engine/types';

interface Call { uri: string; version: number; text: string; edits: TextEdit0[] | undefined; detector: number }

function setup(keptTrees = 6) {
  const calls: Call[] = [];
  const published: string[] = [];
  let detectors = 0;
  const disposed: number[] = [];
  const ids = new WeakMap<object, number>();
  const scheduler = new AnalysisScheduler(
    async (snapshot: DocumentSnapshot, detector, edits) => {
      calls.push({ uri: snapshot.uri, version: snapshot.version, text: snapshot.text, edits: edits && [...edits], detector: ids.get(detector)! });
      await new Promise((r) => setTimeout(r, 1));
      return { uri: snapshot.uri, prompts: [], documentFindings: [], totals: { monthlyCost: 0, unpricedPrompts: 0, prompts: 0 } } as DocumentAnalysis;
    },
    () => {
      const id = ++detectors;
      const detector = { dispose: () => disposed.push(id) } as unknown as DocumentDetector;
      ids.set(detector, id);
      return detector;
    },
    () => 0,
    (document) => published.push(`${document.uri}@${document.version}`),
    keptTrees,
  );
  return { scheduler, calls, published, disposed };
}

function edit(document: TextDocument, start: number, end: number, text: string): TextEdit0 {
  const e = { start, oldEnd: end, newText: text };
  TextDocument.update(document, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text }], document.version + 1);
  return e;
}

describe('analysis scheduler', () => {
  it('analyses a version once, however many features ask', async () => {
    const { scheduler, calls } = setup();
    const doc = TextDocument.create('file:///a.py', 'python', 1, 'PROMPT = "Be brief."');
    const [a, b] = await Promise.all([scheduler.get(doc), scheduler.get(doc)]);
    assert.equal(a, b);
    await scheduler.get(doc);
    assert.equal(calls.length, 1);
  });

  it('never publishes a run reset while it ran (settings changed under it); whoever waited gets the run after the reset', async () => {
    const { scheduler, calls, published } = setup();
    const doc = TextDocument.create('file:///a.py', 'python', 1, 'PROMPT = "Be brief."');
    const first = scheduler.get(doc);
    await new Promise((r) => setImmediate(r)); // the first run is under way
    assert.equal(calls.length, 1);
    scheduler.reset();
    scheduler.analyzeSoon(doc);
    const answer = await first;
    assert.equal(calls.length, 2, 'analysed again after the reset');
    assert.equal(answer, await scheduler.get(doc), 'the waiting caller got the analysis made after the reset');
    assert.deepEqual(published, ['file:///a.py@1'], 'one publication: the run after the reset');
  });

  it('hands the detector the edits since its last run, in order, and publishes only the latest version', async () => {
    const { scheduler, calls, published } = setup();
    const doc = TextDocument.create('file:///a.py', 'python', 1, 'PROMPT = "Be brief."');
    await scheduler.get(doc);
    scheduler.changed(doc, [edit(doc, 0, 0, '#')]);
    await scheduler.get(doc);
    const e1 = edit(doc, 11, 11, 'x');
    scheduler.changed(doc, [e1]);
    const e2 = edit(doc, 12, 12, 'y');
    scheduler.changed(doc, [e2]);
    await scheduler.get(doc);
    const last = calls[calls.length - 1];
    assert.equal(last.text, '#PROMPT = "xyBe brief."');
    const handed = calls.slice(2).flatMap((c) => c.edits ?? []);
    assert.deepEqual(handed, [e1, e2], 'every edit reaches the detector exactly once, in order');
    assert.equal(calls[0].edits, undefined, 'the first run parses from scratch');
    assert.equal(published[published.length - 1], 'file:///a.py@4');
  });

  it('runs an edited document before documents queued in the background', async () => {
    const { scheduler, calls } = setup();
    const docs = [1, 2, 3, 4].map((i) => TextDocument.create(`file:///bg${i}.py`, 'python', 1, `P${i} = "x"`));
    for (const d of docs) scheduler.analyzeSoon(d);
    const active = TextDocument.create('file:///active.py', 'python', 1, 'P = "y"');
    await scheduler.get(active);
    const order = calls.map((c) => c.uri);
    assert.ok(order.indexOf('file:///active.py') <= 1, `active document ran at position ${order.indexOf('file:///active.py')}: ${order}`);
  });

  it('keeps parse trees only for the most recently edited documents; an evicted one re-parses from scratch', async () => {
    const { scheduler, calls, disposed } = setup(2);
    const docs = [1, 2, 3].map((i) => TextDocument.create(`file:///d${i}.py`, 'python', 1, `P${i} = "x"`));
    for (const d of docs) {
      scheduler.changed(d, undefined);
      await scheduler.get(d);
    }
    assert.deepEqual(disposed, [1], 'the first document’s detector was freed');
    scheduler.changed(docs[0], [edit(docs[0], 0, 0, '#')]);
    await scheduler.get(docs[0]);
    const last = calls[calls.length - 1];
    assert.equal(last.uri, 'file:///d1.py');
    assert.equal(last.edits, undefined, 'no tree to edit: full parse');
    assert.equal(last.detector, 4, 'a fresh detector');
    assert.deepEqual(disposed, [1, 2], 'editing d1 again evicted the least recently edited other tree (d2)');
  });

  it('frees the tree of a document that was only opened; its first edit parses from scratch', async () => {
    const { scheduler, calls, disposed } = setup(2);
    const edited = TextDocument.create('file:///typing.py', 'python', 1, 'P = "x"');
    scheduler.changed(edited, undefined);
    await scheduler.get(edited);
    const opened = [1, 2, 3].map((i) => TextDocument.create(`file:///open${i}.py`, 'python', 1, `P${i} = "x"`));
    for (const d of opened) await scheduler.get(d);
    await new Promise((r) => setTimeout(r, 0)); // the running document's detector is freed right after its run
    assert.deepEqual(disposed, [2, 3, 4], 'each opened document freed its own detector after its run, the edited one kept its');
    scheduler.changed(edited, [edit(edited, 0, 0, '#')]);
    await scheduler.get(edited);
    assert.equal(calls[calls.length - 1].detector, 1, 'the edited document still has its tree');
    assert.equal(calls[calls.length - 1].edits?.length, 1);
    scheduler.changed(opened[0], [edit(opened[0], 0, 0, '#')]);
    await scheduler.get(opened[0]);
    assert.equal(calls[calls.length - 1].edits, undefined, 'no tree kept: full parse');
  });

  it('settles a queued request with null when its document closes', async () => {
    const { scheduler } = setup();
    const busy = TextDocument.create('file:///busy.py', 'python', 1, 'P = "x"');
    const doc = TextDocument.create('file:///closing.py', 'python', 1, 'P = "x"');
    const first = scheduler.get(busy);
    const pending = scheduler.get(doc);
    scheduler.close(doc.uri);
    assert.equal(await pending, null);
    await first;
  });
});
