// Where the time to the first hint goes (issue 17): a traced client gets the server's wall-clock `[timing]` marks in
// its output channel (window/logMessage), from the process start to each document's first inlayHint answer, in order;
// an untraced client gets none.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

const TIMING = /^\[timing\] (\d+) server: (.+)$/;

function timingMarks(session: LspSession): { at: number; event: string }[] {
  return session.notifications
    .filter((n) => n.method === 'window/logMessage')
    .map((n) => TIMING.exec(n.params.message))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ at: Number(m[1]), event: m[2] }));
}

async function firstHints(session: LspSession): Promise<{ uri: string; hints: unknown[] }> {
  const uri = session.open('bot.py', 'python', SUPPORT_BOT_PY);
  const range = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
  const hints = await session.request<unknown[]>('textDocument/inlayHint', { textDocument: { uri }, range });
  // A second request after the first hint: not part of the document's timeline any more.
  await session.request('textDocument/inlayHint', { textDocument: { uri }, range });
  await new Promise((r) => setTimeout(r, 200));
  return { uri, hints };
}

describe('protocol: startup timeline', function () {
  this.timeout(60000);
  const sessions: LspSession[] = [];
  after(async () => {
    for (const s of sessions) await s.shutdown().catch(() => s.process.kill());
  });

  it('writes wall-clock marks from the process start to the first hint answer, in order, when traced', async () => {
    const before = Date.now();
    const session = await LspSession.start({ trace: 'messages' });
    sessions.push(session);
    const { uri, hints } = await firstHints(session);
    assert.ok(hints.length > 0);
    const marks = timingMarks(session);
    const events = marks.map((m) => m.event.replace(` ${uri}`, ''));
    const expected = [
      'process started',
      'bootstrap started (Node ready)',
      'modules loaded',
      'initialize received',
      'initialized received',
      'settings read',
      'didOpen received',
      'analysis started',
      'inlayHint requested',
      `inlayHint answered (${hints.length} hints)`,
    ];
    for (const e of expected) assert.ok(events.includes(e), `no "${e}" in ${JSON.stringify(events)}`);
    assert.ok(events.some((e) => /^bundle compiled \(code cache (hit|miss)\)$/.test(e)), 'the code cache state is named');
    assert.ok(events.some((e) => /^analysis finished \(\d+ prompts\)$/.test(e)));
    assert.equal(events.filter((e) => e.startsWith('inlayHint answered')).length, 1, 'the document is followed until its first hint only');
    const at = (e: string) => marks[events.indexOf(e)].at;
    // What must come before what (a didOpen may arrive before the settings are read; the analysis waits for them).
    const chains = [
      ['process started', 'bootstrap started (Node ready)', 'modules loaded', 'initialize received', 'initialized received', 'settings read', 'analysis started'],
      ['didOpen received', 'analysis started', `inlayHint answered (${hints.length} hints)`],
      ['inlayHint requested', `inlayHint answered (${hints.length} hints)`],
    ];
    for (const chain of chains) for (let i = 1; i < chain.length; i++) assert.ok(at(chain[i - 1]) <= at(chain[i]), `${chain[i - 1]} before ${chain[i]}`);
    // Wall-clock epoch times (the clock the extension host's log and the browser share), not process-relative ones.
    assert.ok(at('process started') >= before - 1000 && at('inlayHint answered (' + hints.length + ' hints)') <= Date.now());
  });

  it('writes nothing when the client does not trace the server', async () => {
    const session = await LspSession.start({ trace: 'off' });
    sessions.push(session);
    await firstHints(session);
    assert.deepEqual(timingMarks(session), []);
  });
});
