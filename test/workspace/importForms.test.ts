// Import forms beyond plain import statements (issue 14): re-exports, barrels, star imports with __all__, and dynamic
// imports — followed when the module name is a static string, listed as not followed (never guessed) otherwise.
import { strict as assert } from 'assert';
import { indexFiles, readFixture, summaryLines } from './workspaceHarness';

const PY_SINK = 'from openai import OpenAI\nclient = OpenAI()\ndef ask(text):\n    return client.chat.completions.create(model="gpt-4.1-nano", messages=[{"role": "user", "content": text}])\n';
const TS_SINK = 'import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function ask(text: string) {\n  return client.chat.completions.create({ model: "gpt-4.1-nano", messages: [{ role: "user", content: text }] });\n}\n';

describe('workspace index: re-exports, barrels and dynamic imports', function () {
  this.timeout(30000);

  it('TS barrels: export * from, export { a as b } from, export * as ns from — through two index files', async () => {
    const { result } = await indexFiles(readFixture('barrels_ts'));
    assert.deepEqual(summaryLines(result), [
      // BILLING_RULES (renamed re-export) and extra.REFUND_POLICY (namespace re-export) name the same constant
      'src/prompts/billing.ts#REFUND_POLICY system gpt-4.1-mini',
      // WELCOME_GUIDE through `export *`; complete through `export *`, ask through `export { complete as ask }`
      'src/prompts/onboarding.ts#WELCOME_GUIDE system gpt-4.1-mini',
    ]);
    const billing = result.byFile.get('src/prompts/billing.ts')!;
    assert.equal(billing[0].sites, 2);
    assert.deepEqual(result.problems, []);
  });

  it('Python: a package __init__ re-exporting its module, star imports limited by __all__ and by leading underscores', async () => {
    const { result } = await indexFiles(readFixture('reexports_py'));
    assert.deepEqual(summaryLines(result), [
      'shop/desk.py#where_is.chat.user user gpt-4o-mini',
      'shop/texts/orders.py#ORDER_STATUS system gpt-4o-mini',
      'shop/texts/returns.py#RETURN_STEPS system gpt-4o-mini',
      // SECRET_DRAFT (not in orders.__all__) and _HIDDEN_NOTE (private) are not what a star import brings in
    ]);
  });

  it('`export *` never re-exports a default, and a star cycle ends', async () => {
    const { result } = await indexFiles({
      'ai.ts': TS_SINK.replace('export async function ask', 'export default async function ask'),
      'a.ts': 'export * from "./b";\nexport * from "./ai";\n',
      'b.ts': 'export * from "./a";\n',
      'app.ts': 'import ask from "./a";\nimport { nothing } from "./b";\nask("Summarise the release notes in five bullet points.");\nnothing("Text for a name no module defines at all.");\n',
    });
    assert.deepEqual(summaryLines(result), []);
  });

  it('dynamic imports with a static name are followed: await import, require, import_module, __import__', async () => {
    const { result } = await indexFiles({
      'lib/ai.ts': TS_SINK,
      'lib/texts.ts': 'export const DIGEST = "Write a weekly digest of the merged pull requests for the team channel.";\n',
      'app/run.ts': 'export async function run() {\n  const ai = await import("../lib/ai");\n  const { DIGEST } = await import("../lib/texts");\n  return ai.ask(DIGEST);\n}\n',
      'app/legacy.js': 'const { ask } = require("../lib/ai");\nmodule.exports = () => ask("Translate the changelog into plain language for customers.");\n',
      'core/llm.py': PY_SINK,
      'core/__init__.py': '',
      'jobs/nightly.py': 'import importlib\nllm = importlib.import_module("core.llm")\nllm.ask("List yesterday\'s failed jobs with one line on each cause.")\n',
      'jobs/relative.py': 'from importlib import import_module\ndef run():\n    llm = import_module("..core.llm", package=__package__)\n    return llm.ask("Summarise the nightly report for the on-call engineer.")\n',
      'jobs/old.py': 'core = __import__("core.llm")\ncore.llm.ask("Describe the backup status in one sentence for the dashboard.")\n',
    });
    assert.deepEqual(summaryLines(result), [
      'app/legacy.js#exports.ask.text user gpt-4.1-nano',
      'jobs/nightly.py#ask.text user gpt-4.1-nano',
      'jobs/old.py#ask.text user gpt-4.1-nano',
      'jobs/relative.py#run.ask.text user gpt-4.1-nano',
      'lib/texts.ts#DIGEST user gpt-4.1-nano',
    ]);
    assert.deepEqual(result.problems, []);
  });

  it('dynamic imports of a computed name are skipped with a reason, and nothing is guessed', async () => {
    const { result } = await indexFiles({
      'core/llm.py': PY_SINK,
      'lib/ai.ts': TS_SINK,
      'plugins.py': 'import importlib\ndef load(name):\n    mod = importlib.import_module(name)\n    return mod.ask("Plugin text that must not be attributed to any module.")\nextra = __import__(f"core.{NAME}")\n',
      'plugins.ts': 'export async function load(name: string) {\n  const mod = await import(`../lib/${name}`);\n  const other = require(name);\n  return mod.ask("Plugin text the index cannot place.");\n}\n',
    });
    assert.deepEqual(summaryLines(result), []);
    assert.deepEqual(result.problems.map((p) => `${p.file}: ${p.reason}`).sort(), [
      'plugins.py: line 3: importlib.import_module(…) names its module at run time; not followed across files',
      'plugins.py: line 5: __import__(…) names its module at run time; not followed across files',
      'plugins.ts: line 2: import(…) names its module at run time; not followed across files',
      'plugins.ts: line 3: require(…) names its module at run time; not followed across files',
    ]);
  });
});
