// Which files are tests (config/testScope.ts), and what the editor's analysis does with one: it still reports the
// prompts (the hints show), marks the file "test" for the status bar, and drops the replies the test fakes.
import { strict as assert } from 'assert';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { DEFAULT_TEST_GLOBS, fileScope } from '../../server/src/engine/config/testScope';
import { emptyWorkspaceConfig, parseWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { analysisSummary } from '../../server/src/lsp/analysisNotifications';

describe('test scope', () => {
  it('the default globs: pytest, Jest/Vitest, fixtures, cassettes and mocks at any depth; application code is "app"', () => {
    const tests = [
      'tests/test_agent.py', 'pkg/tests/unit/helpers.py', 'test/agent.test.ts', 'src/__tests__/run.ts', 'src/run.test.ts',
      'web/app.spec.tsx', 'agents/test_prompts.py', 'agents/prompts_test.py', 'conftest.py', 'lib/conftest.py',
      'tests/fixtures/reply.py', 'fixtures/chat.ts', 'tests/cassettes/openai.py', 'src/__mocks__/openai.ts', 'integration-tests/worker/src/index.ts',
    ];
    const apps = ['app/agent.py', 'src/prompts.ts', 'src/testing_utils.py', 'latest/prompt.py', 'contest/judge.py', 'src/attest.ts', 'docs/test-plan.md'];
    for (const f of tests) assert.equal(fileScope(f, undefined), 'test', f);
    for (const f of apps) assert.equal(fileScope(f, undefined), 'app', f);
    assert.equal(fileScope(undefined, undefined), 'app');
    assert.ok(DEFAULT_TEST_GLOBS.length >= 11);
  });

  it('testGlobs in .promptcost.json replaces the defaults; [] means no test files; a wrong type is reported', () => {
    const own = parseWorkspaceConfig('{ "testGlobs": ["qa/**"] }', '.promptcost.json').config!;
    assert.equal(fileScope('qa/check.py', own), 'test');
    assert.equal(fileScope('tests/test_agent.py', own), 'app');
    const none = parseWorkspaceConfig('{ "testGlobs": [] }', '.promptcost.json').config!;
    assert.equal(fileScope('tests/test_agent.py', none), 'app');
    assert.equal(fileScope('tests/test_agent.py', emptyWorkspaceConfig()), 'test', 'no testGlobs: the defaults');
    const bad = parseWorkspaceConfig('{ "testGlobs": "tests/**" }', '.promptcost.json');
    assert.match(bad.errors[0].message, /^testGlobs: expected an array of strings/);
  });

  it('the editor still analyses a test file (hints show) and marks it; faked assistant turns are no input', async () => {
    const text = [
      'from app.agent import client',
      '',
      'def test_reply():',
      '    history = [',
      '        {"role": "system", "content": "You are a support assistant for Acme Cloud. Answer in two sentences."},',
      '        {"role": "user", "content": "How do I export my invoices as CSV files for the accounting team?"},',
      '        {"role": "assistant", "content": "You can export invoices from the billing page. Summarize the steps for the customer."},',
      '    ]',
      '    client.chat.completions.create(model="gpt-4o", messages=history)',
      '',
    ].join('\n');
    const ctx = { settings: defaultSettings() };
    const asTest = await analyzeDocument({ uri: 'file:///w/tests/test_reply.py', fileName: '/w/tests/test_reply.py', text }, { ...ctx, relativePath: 'tests/test_reply.py' });
    assert.equal(asTest.scope, 'test');
    assert.deepEqual(asTest.prompts.map((a) => a.prompt.role), ['system', 'user']);
    assert.equal(asTest.totals.prompts, 2, 'the file\'s own total: what its hints add up to');
    assert.equal(analysisSummary(asTest).scope, 'test');
    const asApp = await analyzeDocument({ uri: 'file:///w/app/reply.py', fileName: '/w/app/reply.py', text }, { ...ctx, relativePath: 'app/reply.py' });
    assert.equal(asApp.scope, undefined);
    assert.deepEqual(asApp.prompts.map((a) => a.prompt.role), ['system', 'user', 'assistant'], 'in application code an assistant turn sent with the request is input');
    assert.equal(analysisSummary(asApp).scope, undefined);
  });
});
