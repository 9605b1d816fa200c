// The status bar's text and tooltip (client/src/statusBar.ts statusBarView), loaded against a minimal `vscode`
// stand-in: only what the module touches at load time exists outside VS Code.
import { strict as assert } from 'assert';
import Module from 'module';
import type { AnalysisChangedParams } from '../../server/src/shared/protocol';

type Loader = (request: string, ...rest: unknown[]) => unknown;
const moduleLoader = Module as unknown as { _load: Loader };
const originalLoad = moduleLoader._load;
moduleLoader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return { EventEmitter: class { event = () => ({ dispose() {} }); fire() {} } };
  return originalLoad.call(this, request, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { statusBarView } = require('../../client/src/statusBar') as typeof import('../../client/src/statusBar');
moduleLoader._load = originalLoad;

function file(over: Partial<AnalysisChangedParams>): AnalysisChangedParams {
  return { uri: 'file:///w/app.py', version: 1, prompts: 2, monthlyCost: 63, unpricedPrompts: 0, models: { 'gpt-4o': 2 }, ...over } as AnalysisChangedParams;
}

describe('status bar item', () => {
  it('shows the file total, and the unpriced count beside it', () => {
    assert.equal(statusBarView(file({}), undefined)?.text, '$(credit-card) $63/mo');
    assert.equal(statusBarView(file({ unpricedPrompts: 1, monthlyCost: 40 }), undefined)?.text, '$(credit-card) $40/mo +1 unpriced');
  });

  it('a file whose prompts all lack a price reads "unpriced", never $0/mo', () => {
    const view = statusBarView(file({ prompts: 2, unpricedPrompts: 2, monthlyCost: 0, models: { 'acme-large': 2 } }), undefined);
    assert.equal(view?.text, '$(credit-card) 2 unpriced');
    assert.doesNotMatch(view!.tooltip, /\$0\/month/);
    assert.match(view!.tooltip, /This file: 2 prompts, no known price/);
  });

  it('names unpriced prompts of the last audit in the tooltip, and hides with nothing to show', () => {
    const view = statusBarView(undefined, { monthlyCost: 1212, prompts: 14, unpricedPrompts: 3 });
    assert.equal(view?.text, '$(credit-card) workspace $1,212/mo');
    assert.match(view!.tooltip, /14 prompts, \$1,212\/month \(3 without a known price, not counted\)/);
    assert.equal(statusBarView(undefined, undefined), undefined);
  });

  it('a last audit whose prompts all lack a price reads "unpriced", never workspace $0/mo', () => {
    const view = statusBarView(undefined, { monthlyCost: 0, prompts: 3, unpricedPrompts: 3 });
    assert.equal(view?.text, '$(credit-card) workspace 3 unpriced');
    assert.doesNotMatch(view!.tooltip, /\$0\/month/);
    assert.match(view!.tooltip, /Workspace \(last audit\): 3 prompts, no known price/);
  });

  it('lists the models in the tooltip as code, whatever characters their names hold', () => {
    const view = statusBarView(file({ models: { 'gpt-4o': 1, 'acme`[x](https://evil.example)': 1 } }), undefined);
    assert.match(view!.tooltip, /Models: `gpt-4o` ×1, `` acme`\[x\]\(https:\/\/evil\.example\) `` ×1/);
  });

  it('a file without prompts reads "0 prompts", so a running extension is never silent', () => {
    const view = statusBarView(file({ prompts: 0, monthlyCost: 0, models: {} }), undefined);
    assert.equal(view?.text, '$(credit-card) 0 prompts');
    assert.match(view!.tooltip, /This file: no prompts found/);
    assert.equal(statusBarView(file({ prompts: 0, monthlyCost: 0, models: {} }), { monthlyCost: 1212, prompts: 14 })?.text, '$(credit-card) 0 prompts · workspace $1,212/mo');
  });

  it('a skipped file says so, and the tooltip says why (as text, not Markdown)', () => {
    const reason = 'File is larger than the 2.0 MB size limit (setting promptCost.maxFileBytes); not analysed.';
    const view = statusBarView(file({ prompts: 0, monthlyCost: 0, models: {}, skipped: reason }), undefined);
    assert.equal(view?.text, '$(credit-card) not analysed');
    assert.ok(view!.tooltip.includes('This file was not analysed: File is larger than the 2.0 MB size limit (setting promptCost.maxFileBytes); not analysed.'), view!.tooltip);
    const odd = statusBarView(file({ prompts: 0, models: {}, skipped: 'Not a supported language: notes_*draft*.md' }), undefined);
    assert.ok(odd!.tooltip.includes('notes\\_\\*draft\\*.md'), odd!.tooltip);
  });

  it('a test file shows its own figure marked "test", and says whether the workspace total counts it', () => {
    const view = statusBarView(file({ uri: 'file:///w/tests/test_app.py', scope: 'test' }), undefined);
    assert.equal(view?.text, '$(credit-card) test $63/mo');
    assert.match(view!.tooltip, /This file \(a test or fixture file\): 2 prompts, \$63\/month/);
    assert.match(view!.tooltip, /Not counted in the workspace total or budget; the setting promptCost\.includeTests counts test files\./);
    const counted = statusBarView(file({ scope: 'test' }), undefined, { includeTests: true });
    assert.match(counted!.tooltip, /Counted in the workspace total and budget \(setting promptCost\.includeTests\)\./);
    assert.equal(statusBarView(file({}), undefined)?.text, '$(credit-card) $63/mo', 'an application file is not marked');
  });

  it('the workspace figure is the last audit\'s total without the tests, and the tooltip names what it leaves out', () => {
    const view = statusBarView(undefined, { monthlyCost: 87.48, prompts: 4, unpricedPrompts: 0, tests: { prompts: 4, monthlyCost: 232 }, includesTests: false });
    assert.equal(view?.text, '$(credit-card) workspace $87/mo');
    assert.match(view!.tooltip, /Leaves out 4 prompts in test files \(\$232\/month\)\./);
    const included = statusBarView(undefined, { monthlyCost: 320, prompts: 8, tests: { prompts: 4, monthlyCost: 232 }, includesTests: true });
    assert.match(included!.tooltip, /Includes 4 prompts in test files/);
  });
});
