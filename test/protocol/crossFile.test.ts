// The workspace index in the language server: built in the background, hints for prompts that cross files, and
// callers re-analysed when a wrapper's model changes.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { readFixture } from '../workspace/workspaceHarness';

interface Analysis { prompts: { prompt: { id: string }; cost: { model: { id: string } } }[] }

async function analysisOf(session: LspSession, uri: string): Promise<string[]> {
  const analysis = (await session.request('promptCost/fileAnalysis', { uri })) as Analysis | null;
  // In the editor, ids start with the document's path (as per-file ids do): compared here relative to the folder.
  return (analysis?.prompts ?? []).map((p) => `${p.prompt.id.slice(session.folder.length + 1)} ${p.cost.model.id}`);
}

async function until<T>(probe: () => Promise<T>, test: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (test(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('protocol: prompts across files (workspace index)', function () {
  this.timeout(60000);
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('the hover of a caller priced through a wrapper names the wrapper and its file, not "model constant"', async () => {
    const files = readFixture('support_py');
    session = await LspSession.start({ files });
    const text = files['app/support.py'];
    const support = session.open('app/support.py', 'python', text);
    await session.waitFor('window/logMessage', (p) => /workspace index of/.test(p.message));
    await until(() => analysisOf(session, support), (ids) => ids.includes('app/support.py#SupportDesk.greet.ask.prompt gpt-4o-mini'));
    const at = text.indexOf("The customer's name");
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1);
    const hover = await session.request('textDocument/hover', { textDocument: { uri: support }, position: { line, character: character + 3 } });
    const headline = String(hover?.contents?.value ?? '').split('\n')[0];
    assert.equal(headline, '**Prompt cost** · `gpt-4o-mini` (from wrapper LLM.ask() in app/llm.py)');
  });

  it('a constant used by a wrapper in another file gets a hint at the wrapper\'s model; editing the wrapper re-publishes it', async () => {
    const files = readFixture('support_py');
    session = await LspSession.start({ files });
    const catalog = session.open('app/catalog.py', 'python', files['app/catalog.py']);
    await session.waitFor('window/logMessage', (p) => /workspace index of/.test(p.message));
    const found = await until(() => analysisOf(session, catalog), (ids) => ids.some((i) => i.startsWith('app/catalog.py#TRIAGE_RULES')));
    assert.deepEqual(found, [
      'app/catalog.py#TRIAGE_RULES gpt-4o-mini',
      'app/catalog.py#CANNED.summarize gpt-4o-mini',
      'app/catalog.py#escalation_note gpt-4o-mini',
    ]);
    // The loaded Markdown file has its own hint with the caller's model.
    const system = session.open('app/prompts/system.md', 'markdown', files['app/prompts/system.md']);
    assert.deepEqual(await analysisOf(session, system), ['app/prompts/system.md#prompt gpt-4o-mini']);

    // The wrapper's default model changes: the caller file is analysed again without being touched.
    const llmText = files['app/llm.py'];
    const llm = session.open('app/llm.py', 'python', llmText);
    const at = llmText.indexOf('"gpt-4o-mini"') + 1;
    const line = llmText.slice(0, at).split('\n').length - 1;
    const character = at - (llmText.lastIndexOf('\n', at - 1) + 1);
    const from = session.notifications.length;
    const started = Date.now();
    session.change(llm, { start: { line, character }, end: { line, character: character + 'gpt-4o-mini'.length } }, 'gpt-4.1-mini');
    await session.waitFor('textDocument/publishDiagnostics', (p) => p.uri === catalog, from);
    const elapsed = Date.now() - started;
    assert.deepEqual(await analysisOf(session, catalog), [
      'app/catalog.py#TRIAGE_RULES gpt-4.1-mini',
      'app/catalog.py#CANNED.summarize gpt-4.1-mini',
      'app/catalog.py#escalation_note gpt-4.1-mini',
    ]);
    if (process.env.PCL_SHOW_TIMINGS) console.log(`wrapper edit → caller re-published: ${elapsed} ms`);
    assert.ok(elapsed < 5000, `re-published after ${elapsed} ms`);
  });
});
