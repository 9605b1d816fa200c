// The engine around the rules: titles with measured savings, "Compress this prompt", severities, disable
// comments and the disable edit, applying edits.
import { strict as assert } from 'assert';
import { applySourceEdits, compressPromptFix, disableRuleEdit, runRules, type RuleContext } from '../../server/src/engine/rules';
import { countO200k } from './helpers/ruleTester';
import { promptFromSource } from './helpers/sourcePrompt';

const ctxFor = (code: string, extra: Partial<RuleContext> = {}): RuleContext => ({ documentText: code, countTokens: countO200k, ...extra });

describe('rules engine', () => {
  it('titles a phrase fix with tokens and dollars per month', () => {
    const code = 'PROMPT = "Read the text in order to answer."';
    const [f] = runRules(promptFromSource(code, 'python'), ctxFor(code, { monthlyCostPerInputToken: 20.5 }));
    assert.equal(f.ruleId, 'verbose-phrase');
    assert.equal(f.savingsTokens, 2);
    assert.equal(f.fix!.title, 'Replace "in order to" with "to" (−2 tokens · −$41/mo)');
    assert.equal(f.savingsMonthly, 41);
  });

  it('titles a fix with tokens only when no price is known', () => {
    const code = 'PROMPT = "Read the text in order to answer."';
    const [f] = runRules(promptFromSource(code, 'python'), ctxFor(code));
    assert.equal(f.fix!.title, 'Replace "in order to" with "to" (−2 tokens)');
  });

  it('turns a rule off through severities and changes its severity', () => {
    const code = 'PROMPT = "Please read the text in order to answer."';
    const prompt = promptFromSource(code, 'python');
    const all = runRules(prompt, ctxFor(code));
    assert.deepEqual(all.map((f) => f.ruleId).sort(), ['politeness', 'verbose-phrase']);
    const off = runRules(prompt, ctxFor(code, { severities: { politeness: 'off', 'verbose-phrase': 'warning' } }));
    assert.deepEqual(off.map((f) => [f.ruleId, f.severity]), [['verbose-phrase', 'warning']]);
  });

  it('compresses a whole prompt at once with the measured total', () => {
    const code = 'PROMPT = f"Please, in order to help {user}, you might want to read the text. Due to the fact that it is long, just skim it. Thank you!"';
    const prompt = promptFromSource(code, 'python');
    const ctx = ctxFor(code, { monthlyCostPerInputToken: 0.075 });
    const findings = runRules(prompt, ctx);
    const fix = compressPromptFix(prompt, findings, ctx)!;
    const after = applySourceEdits(code, fix.edits);
    assert.equal(after, 'PROMPT = f"To help {user}, read the text. Because it is long, skim it."');
    const before = countO200k(promptText(code));
    const measured = before - countO200k(promptText(after));
    assert.equal(fix.savingsTokens, measured);
    assert.match(fix.title, /^Compress this prompt \(−\d+ tokens · −\$\d+\.\d\d\/mo\)$/);
    // A second run finds nothing left to compress.
    const again = promptFromSource(after, 'python');
    assert.equal(compressPromptFix(again, runRules(again, ctxFor(after)), ctxFor(after)), undefined);
  });

  it('honours prompt-cost-disable-next-line above the finding and above a multi-line literal', () => {
    const one = '# prompt-cost-disable-next-line verbose-phrase\nPROMPT = "Read in order to answer. Please be brief."';
    assert.deepEqual(runRules(promptFromSource(one, 'python'), ctxFor(one)).map((f) => f.ruleId), ['politeness']);
    const multi = 'x = 1\n# prompt-cost-disable-next-line\nPROMPT = """Line one.\nRead in order to answer.\nPlease be brief."""';
    assert.deepEqual(runRules(promptFromSource(multi, 'python'), ctxFor(multi)), []);
  });

  it('honours prompt-cost-disable at the top of a file', () => {
    const code = '// prompt-cost-disable politeness, filler-words\nconst PROMPT = "Please just read it in order to answer.";';
    const ids = runRules(promptFromSource(code, 'typescript'), ctxFor(code)).map((f) => f.ruleId);
    assert.deepEqual(ids, ['verbose-phrase']);
  });

  it('inserts a disable comment with the language syntax and indentation', () => {
    const py = 'def f():\n    PROMPT = "Read in order to answer."\n';
    const edit = disableRuleEdit(py, 1, 'verbose-phrase', 'python');
    const after = applySourceEdits(py, [edit]);
    assert.equal(after, 'def f():\n    # prompt-cost-disable-next-line verbose-phrase\n    PROMPT = "Read in order to answer."\n');
    assert.deepEqual(runRules(promptFromSource(after, 'python'), ctxFor(after)), []);
    const ts = 'function f() {\n  const PROMPT = `a\n  in order to b`;\n}';
    assert.equal(
      applySourceEdits(ts, [disableRuleEdit(ts, 2, 'politeness', 'typescript')]),
      'function f() {\n  // prompt-cost-disable-next-line politeness\n  const PROMPT = `a\n  in order to b`;\n}',
    );
  });

  it('adds a rule to an existing disable-next-line comment', () => {
    const py = '# prompt-cost-disable-next-line politeness\nPROMPT = "Please read in order to answer."\n';
    const after = applySourceEdits(py, [disableRuleEdit(py, 1, 'verbose-phrase', 'python')]);
    assert.equal(after, '# prompt-cost-disable-next-line politeness, verbose-phrase\nPROMPT = "Please read in order to answer."\n');
    assert.deepEqual(runRules(promptFromSource(after, 'python'), ctxFor(after)), []);
  });

  it('applies edits given against the original text, skipping an overlap', () => {
    const text = 'abcdefgh';
    const out = applySourceEdits(text, [
      { span: { start: 6, end: 8 }, newText: 'X' },
      { span: { start: 0, end: 2 }, newText: '' },
      { span: { start: 1, end: 3 }, newText: 'overlap' },
      { span: { start: 4, end: 4 }, newText: '+' },
    ]);
    assert.equal(out, 'cd+efX');
  });
});

function promptText(code: string): string {
  return promptFromSource(code, 'python')
    .parts.map((p) => (p.kind === 'text' ? p.text : ' '))
    .join('');
}
