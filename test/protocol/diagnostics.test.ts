// Diagnostics over real LSP: source, rule code, documentation link, incremental edits, unknown models, severities.
import { strict as assert } from 'assert';
import { LspSession, positionOf } from './lspHarness';
import { SUPPORT_BOT_PY, UNKNOWN_MODEL_PY } from './fixtures';

describe('protocol: diagnostics', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('publishes prompt-cost findings with a rule code and a link to the rule page', async () => {
    session = await LspSession.start();
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const { diagnostics, version } = await session.diagnosticsFor(uri);
    assert.equal(version, 1);
    const verbose = diagnostics.find((d: any) => d.code === 'verbose-phrase');
    assert.ok(verbose, `expected a verbose-phrase finding, got ${JSON.stringify(diagnostics.map((d: any) => d.code))}`);
    assert.equal(verbose.source, 'prompt-cost');
    assert.match(verbose.codeDescription.href, /\/blob\/main\/docs\/rules\/verbose-phrase\.md$/);
    assert.deepEqual(verbose.range.start, positionOf(SUPPORT_BOT_PY, 'in order to'));
    for (const d of diagnostics) assert.equal(d.source, 'prompt-cost');
  });

  it('re-publishes for the new version after an incremental edit removes the wordy phrase', async () => {
    session = await LspSession.start();
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    await session.diagnosticsFor(uri, 1);
    const start = positionOf(SUPPORT_BOT_PY, 'in order to');
    const from = session.notifications.length;
    const version = session.change(uri, { start, end: { line: start.line, character: start.character + 'in order to'.length } }, 'to');
    const { diagnostics } = await session.diagnosticsFor(uri, version, from);
    assert.equal(diagnostics.filter((d: any) => d.code === 'verbose-phrase').length, 0);
  });

  it('reports a model without a known price instead of pricing it at $0', async () => {
    session = await LspSession.start();
    const uri = session.open('classify.py', 'python', UNKNOWN_MODEL_PY);
    const { diagnostics } = await session.diagnosticsFor(uri);
    const unknown = diagnostics.find((d: any) => /acme-internal-llm-7/.test(d.message));
    assert.ok(unknown, `expected a diagnostic naming the unknown model, got ${JSON.stringify(diagnostics)}`);
    assert.ok(typeof unknown.code === 'string' && unknown.code.length > 0);
  });

  it('applies per-rule severities from promptCost.severity ("off" hides the rule)', async () => {
    session = await LspSession.start({ settings: { severity: { 'verbose-phrase': 'error', politeness: 'off' } } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const { diagnostics } = await session.diagnosticsFor(uri);
    const verbose = diagnostics.find((d: any) => d.code === 'verbose-phrase');
    assert.equal(verbose?.severity, 1, 'error');
    assert.equal(diagnostics.filter((d: any) => d.code === 'politeness').length, 0);
  });

  it('clears diagnostics when the document closes', async () => {
    session = await LspSession.start();
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    await session.diagnosticsFor(uri, 1);
    const from = session.notifications.length;
    session.close(uri);
    const cleared = await session.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, from);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
