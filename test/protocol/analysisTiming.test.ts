// Keystroke → diagnostics measured in the server: a client that asks (initializationOptions.reportAnalysisTimings)
// gets one `promptCost/analysisTiming` per publication that follows a change, for that version; others get none.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

describe('protocol: analysis timings', function () {
  this.timeout(60000);
  const sessions: LspSession[] = [];
  after(async () => {
    for (const s of sessions) await s.shutdown().catch(() => s.process.kill());
  });

  async function typeOneCharacter(session: LspSession) {
    const uri = session.open('bot.py', 'python', SUPPORT_BOT_PY);
    await session.diagnosticsFor(uri, 1);
    const from = session.notifications.length;
    const version = session.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '#');
    await session.diagnosticsFor(uri, version, from);
    await new Promise((r) => setTimeout(r, 100));
    // The first publication's (cold start) timing may arrive after `from`: only keystroke timings count here.
    const timings = session.notifications.slice(from).filter((n) => n.method === 'promptCost/analysisTiming').map((n) => n.params as any);
    return { uri, version, timings: timings.filter((t) => t.initializeToDiagnosticsMs === undefined) };
  }

  it('reports the time from didChange to the diagnostics of that version, when asked', async () => {
    const session = await LspSession.start({ initializationOptions: { reportAnalysisTimings: true } });
    sessions.push(session);
    const { uri, version, timings } = await typeOneCharacter(session);
    assert.equal(timings.length, 1, 'one timing for the one publication after the change');
    assert.equal(timings[0].uri, uri);
    assert.equal(timings[0].version, version);
    assert.ok(timings[0].changeToDiagnosticsMs > 0 && timings[0].changeToDiagnosticsMs < 60000);
    const all = session.notifications.filter((n) => n.method === 'promptCost/analysisTiming').map((n) => n.params as any);
    assert.equal(all.length, 2, 'the cold start (first publication) and the keystroke');
    assert.equal(all[0].version, 1);
    assert.equal(all[0].changeToDiagnosticsMs, undefined, 'opening a document is not a keystroke');
    assert.ok(all[0].initializeToDiagnosticsMs > 0 && all[0].processStartToDiagnosticsMs > all[0].initializeToDiagnosticsMs);
  });

  it('sends nothing to a client that did not ask', async () => {
    const session = await LspSession.start();
    sessions.push(session);
    assert.deepEqual((await typeOneCharacter(session)).timings, []);
  });
});
