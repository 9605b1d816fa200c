// Settings and .promptcost.json apply live: through workspace/configuration, didChangeConfiguration and file events.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hints, LspSession, positionOf } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

function monthly(label: string): number {
  const m = /\$([\d.,]+)([kM]?)\/mo/.exec(label);
  assert.ok(m, `no monthly figure in ${label}`);
  return Number(m[1].replace(/,/g, '')) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1);
}

async function systemHint(session: LspSession, uri: string): Promise<string> {
  const line = positionOf(SUPPORT_BOT_PY, 'SYSTEM_PROMPT = ').line;
  const hint = (await hints(session, uri)).find((h) => h.position.line === line);
  assert.ok(hint, 'no hint on the SYSTEM_PROMPT line');
  return hint.label;
}

describe('protocol: configuration', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('re-prices open documents when promptCost.defaultCallsPerDay changes, and asks the editor to refresh hints', async () => {
    session = await LspSession.start({ settings: { defaultCallsPerDay: 1000 } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const before = monthly(await systemHint(session, uri));

    session.settings = { ...session.settings, defaultCallsPerDay: 10000 };
    const from = session.notifications.length;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.diagnosticsFor(uri, undefined, from); // re-analysed and re-published
    await session.waitForServerRequest('workspace/inlayHint/refresh');
    const after = monthly(await systemHint(session, uri));
    assert.ok(after / before > 9 && after / before < 11, `monthly ${before} → ${after} should grow tenfold`);
  });

  it('promptCost.maxFileBytes applies live to open files, and the editor and the audit share one limit', async () => {
    // 1.5 MB: under the default limit (2 MB) of both the editor and the audit; the audit used to stop at 1 MB.
    const big = `${SUPPORT_BOT_PY}\n\nCSV_ROWS = """\n${'2026-11-01,eu-west,42.50\n'.repeat(60_000)}"""\n`;
    session = await LspSession.start({ settings: {}, files: { 'big_bot.py': big } });
    const uri = session.open('big_bot.py', 'python', big);
    await session.diagnosticsFor(uri);
    const analysed = await session.request('promptCost/fileAnalysis', { uri });
    assert.equal(analysed.skipped, undefined, 'analysed in the editor');
    assert.ok(analysed.prompts.length > 0);
    const audit = await session.request('promptCost/audit', {});
    assert.deepEqual(audit.report.skipped, [], 'and by the audit');
    assert.ok(audit.report.prompts.some((p: { file: string }) => p.file === 'big_bot.py'), 'the audit lists its prompts');

    session.settings = { ...session.settings, maxFileBytes: 1_000_000 };
    // The race the server must win: an analysis (here of an edit; in the wild the workspace index's refinement) ran
    // under the old limit, and the editor answers the settings read slowly. A request made after the change waits
    // for the new settings, and the document's last publication is the one that read them.
    session.connection.onRequest('workspace/configuration', async (params: { items: { section?: string }[] }) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return params.items.map((item) => (item.section === 'promptCost' ? session.settings : null));
    });
    const version = session.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# edited\n');
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const skipped = await session.request('promptCost/fileAnalysis', { uri });
    assert.match(String(skipped.skipped?.reason ?? skipped.skipped), /larger than the 1\.0 MB size limit \(1\.5 MB, setting promptCost\.maxFileBytes\)/);
    const published = session.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.equal(published[published.length - 1].params.version, version);
    assert.deepEqual(published[published.length - 1].params.diagnostics, [], 'the last publication is of the skipped file (no findings)');
  });

  it('a raised promptCost.maxFileBytes lets the audit read what the editor reads', async () => {
    // 2.5 MB: above the default limit, under the 3 MB the user set.
    const big = `${SUPPORT_BOT_PY}\n\nCSV_ROWS = """\n${'2026-11-01,eu-west,42.50\n'.repeat(100_000)}"""\n`;
    session = await LspSession.start({ settings: { maxFileBytes: 3_000_000 }, files: { 'big_bot.py': big } });
    const uri = session.open('big_bot.py', 'python', big);
    await session.diagnosticsFor(uri);
    const analysed = await session.request('promptCost/fileAnalysis', { uri });
    assert.equal(analysed.skipped, undefined, 'analysed in the editor');
    const audit = await session.request('promptCost/audit', {});
    assert.deepEqual(audit.report.skipped, [], 'and by the audit');
    assert.ok(audit.report.prompts.some((p: { file: string }) => p.file === 'big_bot.py'), 'the audit lists its prompts');
  });

  it('warns once about an invalid setting and keeps working with the default', async () => {
    session = await LspSession.start({ settings: { defaultCallsPerDay: 'lots', inlineHints: 'everything' } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    await session.diagnosticsFor(uri);
    const warning = await session.waitFor('window/showMessage');
    assert.equal(warning.type, 2, 'a warning');
    assert.match(warning.message, /defaultCallsPerDay/);
    assert.match(warning.message, /inlineHints/);
    assert.match(await systemHint(session, uri), /\/mo$/, 'defaults: full hints');
    const reads = session.serverRequests.filter((m) => m === 'workspace/configuration').length;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Re-read (unchanged, so nothing is re-analysed): the server pulls the settings again.
    for (let i = 0; i < 500 && session.serverRequests.filter((m) => m === 'workspace/configuration').length === reads; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(session.notifications.filter((n) => n.method === 'window/showMessage').length, 1, 'the same warning is not repeated');
  });

  it('reads .promptcost.json, reports a malformed edit on the file itself and keeps the last valid volumes', async () => {
    session = await LspSession.start({ files: { '.promptcost.json': JSON.stringify({ volumes: { default: 10000 } }) } });
    const configPath = path.join(session.folder, '.promptcost.json');
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const withConfig = monthly(await systemHint(session, uri));

    fs.writeFileSync(configPath, '{ "volumes": { "default": 10 } }}'); // would price at 10 calls/day if it were read
    const from = session.notifications.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('.promptcost.json'), type: 2 }] });
    const problems = await session.waitFor('textDocument/publishDiagnostics', (p) => p.uri === session.uri('.promptcost.json') && p.diagnostics.length > 0, from);
    assert.equal(problems.diagnostics[0].source, 'prompt-cost');
    assert.equal(monthly(await systemHint(session, uri)), withConfig, 'last valid configuration stays');

    fs.unlinkSync(configPath);
    const from2 = session.notifications.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('.promptcost.json'), type: 3 }] });
    await session.diagnosticsFor(uri, undefined, from2);
    const withoutConfig = monthly(await systemHint(session, uri));
    assert.ok(withConfig / withoutConfig > 9, `deleting the file falls back to the 1,000 calls/day default (${withConfig} → ${withoutConfig})`);
  });

  it('marks a misspelt rule id in .promptcost.json on the file itself, with the id it probably means', async () => {
    session = await LspSession.start({ files: { '.promptcost.json': '{\n  "rules": { "verbose-phrases": "off" }\n}\n' } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    await session.diagnosticsFor(uri);
    const problems = await session.waitFor('textDocument/publishDiagnostics', (p) => p.uri === session.uri('.promptcost.json') && p.diagnostics.length > 0);
    assert.equal(problems.diagnostics.length, 1);
    assert.equal(problems.diagnostics[0].range.start.line, 1);
    assert.match(problems.diagnostics[0].message, /unknown rule id "verbose-phrases" \(did you mean "verbose-phrase"\?\)/);
  });
});
