// Code actions over real LSP: a finding's fix, "Disable <rule> for this line", "Compress this prompt", fix-all.
import { strict as assert } from 'assert';
import { LspSession, positionOf, type Range } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

/** Applies LSP text edits (ranges into `text`) from last to first. */
function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

describe('protocol: code actions', () => {
  let session: LspSession;
  let uri: string;
  let diagnostics: any[];
  beforeEach(async () => {
    session = await LspSession.start();
    uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    ({ diagnostics } = await session.diagnosticsFor(uri));
  });
  afterEach(async () => session && (await session.shutdown()));

  it("offers the finding's own fix as a quickfix tied to its diagnostic", async () => {
    const verbose = diagnostics.find((d) => d.code === 'verbose-phrase');
    assert.ok(verbose, 'fixture has a verbose-phrase finding');
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: verbose.range,
      context: { diagnostics: [verbose], only: ['quickfix'] },
    });
    const fix = actions.find((a: any) => a.diagnostics?.[0]?.code === 'verbose-phrase' && !/^Disable/.test(a.title));
    assert.ok(fix, `no fix among ${JSON.stringify(actions.map((a: any) => a.title))}`);
    assert.equal(fix.kind, 'quickfix');
    const fixed = applyEdits(SUPPORT_BOT_PY, fix.edit.changes[uri]);
    assert.ok(!fixed.includes('in order to resolve'), 'the wordy phrase is gone');
    assert.ok(fixed.includes('to resolve their issue'), 'the instruction stays');
    for (const a of actions) assert.equal(a.kind, 'quickfix', 'only the requested kind');
  });

  it('offers "Disable <rule> for this line" with a comment edit', async () => {
    const verbose = diagnostics.find((d) => d.code === 'verbose-phrase');
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: verbose.range,
      context: { diagnostics: [verbose] },
    });
    const disable = actions.find((a: any) => a.title === 'Disable verbose-phrase for this line');
    assert.ok(disable, `no disable action among ${JSON.stringify(actions.map((a: any) => a.title))}`);
    const edited = applyEdits(SUPPORT_BOT_PY, disable.edit.changes[uri]);
    assert.match(edited, /prompt-cost/);
    assert.ok(edited.includes('in order to'), 'the prompt text itself is unchanged');
  });

  it('offers "Compress this prompt" anywhere inside a prompt with findings', async () => {
    const inside = positionOf(SUPPORT_BOT_PY, 'hosting company');
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: inside, end: inside },
      context: { diagnostics: [] },
    });
    const compress = actions.find((a: any) => a.title.startsWith('Compress this prompt'));
    assert.ok(compress, `no compress action among ${JSON.stringify(actions.map((a: any) => a.title))}`);
    const compressed = applyEdits(SUPPORT_BOT_PY, compress.edit.changes[uri]);
    assert.ok(compressed.length < SUPPORT_BOT_PY.length);
    assert.ok(!compressed.includes('in order to'));
  });

  it('answers source.fixAll.promptCost with every compatible fix of the file', async () => {
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.promptCost');
    const fixedCount = diagnostics.filter((d) => d.code === 'verbose-phrase').length;
    assert.ok(actions[0].edit.changes[uri].length >= fixedCount);
    assert.ok(!applyEdits(SUPPORT_BOT_PY, actions[0].edit.changes[uri]).includes('in order to'));
  });
});
