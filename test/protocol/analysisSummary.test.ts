// `promptCost/analysisChanged` for files the status bar must not leave silent: none found, or not analysed and why.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

describe('protocol: analysisChanged for files without prompts', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('a file with no prompts is reported with 0 prompts and no reason; a file over the size limit carries the reason', async () => {
    session = await LspSession.start({ settings: { maxFileBytes: 1000 } });
    const plain = 'import math\n\ndef area(r):\n    return math.pi * r * r\n';
    const plainUri = session.open('geometry.py', 'python', plain);
    const none = await session.waitFor('promptCost/analysisChanged', (p) => p.uri === plainUri);
    assert.equal(none.prompts, 0);
    assert.equal(none.skipped, undefined);

    const big = `${SUPPORT_BOT_PY}\n${'# padding\n'.repeat(200)}`;
    const bigUri = session.open('big_bot.py', 'python', big);
    const skipped = await session.waitFor('promptCost/analysisChanged', (p) => p.uri === bigUri);
    assert.equal(skipped.prompts, 0);
    assert.match(skipped.skipped, /size limit .*setting promptCost\.maxFileBytes/);
  });
});
