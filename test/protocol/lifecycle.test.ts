// The server's LSP lifecycle and what it declares, as any editor's client sees it.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';

describe('protocol: lifecycle', () => {
  it('declares incremental sync, hover, inlay hints, code actions (incl. fixAll) and placeholder semantic tokens', async () => {
    const session = await LspSession.start();
    try {
      const caps = session.initializeResult.capabilities;
      assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
      assert.equal(caps.hoverProvider, true);
      assert.ok(caps.inlayHintProvider);
      assert.ok(caps.codeActionProvider.codeActionKinds.includes('quickfix'));
      assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.promptCost'));
      assert.deepEqual(caps.semanticTokensProvider.legend.tokenTypes, ['promptPlaceholder']);
    } finally {
      await session.shutdown();
    }
  });

  it('exits with code 0 after shutdown and exit', async () => {
    const session = await LspSession.start();
    assert.equal(await session.shutdown(), 0);
  });

  it('registers for settings changes and for .promptcost.json file events', async () => {
    const session = await LspSession.start();
    try {
      await session.waitForServerRequest('client/registerCapability');
    } finally {
      await session.shutdown();
    }
  });
});
