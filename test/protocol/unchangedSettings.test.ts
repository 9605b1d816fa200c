// VS Code's language client sends workspace/didChangeConfiguration as soon as it registers for it, right after
// start-up. Re-analysing every open document for settings that did not change threw away the first analysis of the
// file being opened, so its first hint waited for two analyses (seen in the workbench's trace, issue 17).
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

describe('protocol: a configuration notification with unchanged settings', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('re-analyses nothing and asks for no refresh; a real change still does both', async () => {
    session = await LspSession.start({ settings: { defaultCallsPerDay: 1000 } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    await session.diagnosticsFor(uri);
    // The workspace index is built in the background after start-up and may refine the file once (its class's model):
    // let that happen first, so only the configuration notification's effect is measured below.
    await session.waitFor('window/logMessage', (p) => /workspace index of/.test(p.message));
    await new Promise((r) => setTimeout(r, 500));
    const from = session.notifications.length;
    const requestsBefore = session.serverRequests.length;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 1500));
    const published = session.notifications.slice(from).filter((n) => n.method === 'textDocument/publishDiagnostics');
    assert.equal(published.length, 0, 'no re-analysis');
    assert.ok(!session.serverRequests.slice(requestsBefore).includes('workspace/inlayHint/refresh'), 'no hint refresh');

    session.settings = { ...session.settings, defaultCallsPerDay: 2000 };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.diagnosticsFor(uri, undefined, from);
    await session.waitForServerRequest('workspace/inlayHint/refresh');
  });
});
