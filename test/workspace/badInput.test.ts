import { strict as assert } from 'assert';
import { readYamlFields } from '../../server/src/engine/detection/workspace/yamlFields';
import { indexFiles, summaryLines } from './workspaceHarness';

const SINK = 'from openai import OpenAI\nclient = OpenAI()\n';

describe('workspace index: bad input is bounded', function () {
  this.timeout(60000);

  it('import cycles between three modules terminate and still resolve', async () => {
    const { result } = await indexFiles({
      'a.py': `${SINK}from b import HELLO\nfrom c import relay\ndef send(text):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])\n`,
      'b.py': 'from c import relay\nfrom a import send\nHELLO = "Say hello to the new teammate and list three things to read first."\n',
      'c.py': 'from a import send\nfrom b import HELLO\ndef relay(text):\n    return send(text)\nrelay(HELLO)\n',
    });
    assert.deepEqual(summaryLines(result), ['b.py#HELLO user gpt-4o-mini']);
  });

  it('an import that names itself, or a name that re-exports itself, ends', async () => {
    const { result } = await indexFiles({
      'loop.py': 'from loop import LOOP\nLOOP = LOOP\nprint(LOOP)\n',
      'ts/x.ts': 'export { y as x } from "./y";\nimport { x } from "./x";\nexport const y = x;\nx("Tell me a joke about loops.");\n',
      'ts/y.ts': 'import { x } from "./x";\nexport const y = x;\n',
    });
    assert.deepEqual(summaryLines(result), []);
  });

  it('recursive and mutually recursive wrappers terminate with the summary they have', async () => {
    const { result } = await indexFiles({
      'llm.py': `${SINK}def ask(text, retries=3):\n    if retries:\n        return ask(text, retries - 1)\n    return client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": text}])\n\ndef ping(text):\n    return pong(text)\n\ndef pong(text):\n    if len(text) > 10:\n        return ping(text[:10])\n    return ask(text)\n`,
      'app.py': 'from llm import ping, ask\nping("Write a haiku about retries.")\nask("Write a limerick about recursion.")\n',
    });
    assert.deepEqual(summaryLines(result), [
      'app.py#ask.text user gpt-4.1',
      'app.py#ping.text user gpt-4.1',
    ]);
  });

  it('a wrapper chain deeper than the bound stops there (no hang, nothing invented)', async () => {
    const files: Record<string, string> = { 'w0.py': `${SINK}def w0(t):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": t}])\n` };
    for (let i = 1; i <= 40; i++) files[`w${i}.py`] = `from w${i - 1} import w${i - 1}\ndef w${i}(t):\n    return w${i - 1}(t)\n`;
    files['app.py'] = 'from w40 import w40\nfrom w3 import w3\nw40("Deep text that the bound does not reach.")\nw3("Shallow text within the bound.")\n';
    const { result } = await indexFiles(files);
    assert.deepEqual(summaryLines(result), ['app.py#w3.t user gpt-4o']);
  });

  it('a wrapper with 500 callers: every caller\'s text, quickly', async () => {
    const files: Record<string, string> = { 'core/llm.py': `${SINK}def ask(prompt):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])\n` };
    for (let i = 0; i < 500; i++) files[`features/f${i}.py`] = `from core.llm import ask\n\ndef run(x):\n    return ask("Describe item number ${i} for the catalogue in one line.")\n`;
    const started = Date.now();
    const { result } = await indexFiles(files);
    const lines = summaryLines(result);
    assert.equal(lines.length, 500);
    assert.ok(lines.every((l) => l.endsWith(' user gpt-4o-mini')));
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  });

  it('YAML: a huge file is read to a bounded number of lines; odd shapes are skipped, not guessed', () => {
    const huge = Array.from({ length: 300_000 }, (_, i) => `agent${i}:\n  role: Role ${i}`).join('\n');
    const doc = readYamlFields(huge);
    assert.ok(doc.entries.size <= 100_000, `entries: ${doc.entries.size}`);
    const odd = readYamlFields('a: &anchor\n  role: x\nb: *anchor\nc:\n  role: {flow: map}\n  goal: "escaped \\" quote"\n  backstory: plain text here\n');
    assert.deepEqual([...odd.entries.entries()].map(([k, v]) => [k, v.map((f) => `${f.name}=${f.text}`)]), [
      ['c', ['backstory=plain text here']],
    ]);
  });

  it('YAML block scalars: folded and literal text with offsets into the file', () => {
    const text = 'w:\n  goal: >\n    Find the\n    three things\n\n    Then stop.\n  backstory: |\n    Line one\n    Line two\n';
    const fields = readYamlFields(text).entries.get('w')!;
    assert.deepEqual(fields.map((f) => f.text), ['Find the three things\nThen stop.', 'Line one\nLine two']);
    for (const f of fields) {
      for (let i = 0; i < f.text.length; i++) if (!/\s/.test(f.text[i])) assert.equal(text[f.offsets[i]], f.text[i]);
    }
  });
});
