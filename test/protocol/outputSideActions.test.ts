// The output-side rules through the language server: unbounded-output's fix is a quickfix that adds the call's limit,
// model-tier's action opens the sidebar for the prompt (a command, no edit).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LspSession, type Range } from './lspHarness';

/** Applies LSP text edits (ranges into `text`) from last to first. */
function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

const TRIAGE_PY = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'e2e', 'output_limits', 'triage.py'), 'utf8');

describe('protocol: output-side rule actions', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('offers "Add max_tokens=16" as a quickfix and the model-tier sidebar command', async () => {
    session = await LspSession.start({ settings: {} });
    const uri = session.open('triage.py', 'python', TRIAGE_PY);
    const { diagnostics } = await session.diagnosticsFor(uri);
    const unbounded = diagnostics.find((d: any) => d.code === 'unbounded-output');
    const tier = diagnostics.find((d: any) => d.code === 'model-tier');
    assert.ok(unbounded && tier, `diagnostics: ${JSON.stringify(diagnostics.map((d: any) => d.code))}`);
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: unbounded.range,
      context: { diagnostics: [unbounded, tier], only: ['quickfix'] },
    });
    const titles = actions.map((a: any) => a.title);
    const add = actions.find((a: any) => /^Add max_tokens=16 \(−234 output tokens · −\$\d+\/mo\)$/.test(a.title));
    assert.ok(add, `no "Add max_tokens=16" among ${JSON.stringify(titles)}`);
    const fixed = applyEdits(TRIAGE_PY, add.edit.changes[uri]);
    assert.ok(fixed.includes('        temperature=0,  # the same ticket always lands in the same queue\n        max_tokens=16,\n    )'), fixed);
    const open = actions.find((a: any) => a.command?.command === 'promptCost.showSidebar');
    assert.ok(open, `no sidebar action among ${JSON.stringify(titles)}`);
    assert.equal(open.title, 'Compare gpt-4o with gpt-4.1-mini in the sidebar');
    assert.deepEqual(open.command.arguments, [{ uri, promptId: tier.data.promptId }]);
  });
});
