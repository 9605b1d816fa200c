// Scopes through the language server: an open test file is analysed (its hints show) and reported as "test" to the
// status bar; the workspace audit leaves test files out of its totals unless the setting promptCost.includeTests.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { SUPPORT_PY } from '../cli/fixtures';

const TEST_PY = `from app.support import answer


def test_grader():
    grader_messages = [
        {"role": "system", "content": "You are grading support answers for Acme Cloud. Give each answer a score from 1 to 5."},
        {"role": "user", "content": answer("How do I reset my password?")},
    ]
    assert len(grader_messages) == 2
`;

describe('scopes in the language server', function () {
  this.timeout(60000);
  const sessions: LspSession[] = [];
  after(async () => {
    for (const s of sessions) await s.shutdown().catch(() => s.process.kill());
  });
  const start = async (settings: Record<string, unknown> = {}) => {
    const session = await LspSession.start({ settings, files: { 'app/support.py': SUPPORT_PY, 'tests/test_support.py': TEST_PY } });
    sessions.push(session);
    return session;
  };

  it('an open test file gets hints and its analysisChanged says scope "test"; an app file none', async () => {
    const session = await start();
    const testUri = session.open('tests/test_support.py', 'python', TEST_PY);
    const appUri = session.open('app/support.py', 'python', SUPPORT_PY);
    const testSummary = await session.waitFor('promptCost/analysisChanged', (p) => p.uri === testUri);
    assert.equal(testSummary.scope, 'test');
    assert.equal(testSummary.prompts, 1);
    const hints = await session.request('textDocument/inlayHint', { textDocument: { uri: testUri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.equal(hints.length, 1, 'the hint shows in a test file');
    const appSummary = await session.waitFor('promptCost/analysisChanged', (p) => p.uri === appUri);
    assert.equal(appSummary.scope, undefined);
  });

  it('the audit leaves the test file out of its totals, and counts it with promptCost.includeTests', async () => {
    const plain = (await (await start()).request('promptCost/audit', {})).report;
    assert.equal(plain.totals.includesTests, false);
    assert.deepEqual(plain.prompts.map((p: { file: string; scope: string }) => `${p.file}:${p.scope}`).filter((x: string) => x.startsWith('tests/')), ['tests/test_support.py:test']);
    assert.equal(plain.totals.tests.prompts, 1);
    const appOnly = plain.prompts.filter((p: { scope: string; fragmentOf?: string }) => p.scope === 'app' && !p.fragmentOf).length;
    assert.equal(plain.totals.prompts, appOnly);
    const included = (await (await start({ includeTests: true })).request('promptCost/audit', {})).report;
    assert.equal(included.totals.includesTests, true);
    assert.equal(included.totals.prompts, appOnly + 1);
    assert.ok(included.totals.monthlyCost > plain.totals.monthlyCost);
  });
});
