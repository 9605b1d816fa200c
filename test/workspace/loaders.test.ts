import { strict as assert } from 'assert';
import { indexFiles } from './workspaceHarness';

const WRAPPER = 'from openai import OpenAI\nclient = OpenAI()\ndef ask(system, user="Go."):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": system}, {"role": "user", "content": user}])\n';

async function loadedFiles(files: Record<string, string>): Promise<string[]> {
  const { result } = await indexFiles(files);
  return [...result.byFile.values()].flat().filter((f) => f.kind === 'file').map((f) => `${f.file}${f.key ? `:${f.key}` : ''} ${f.loader} ${f.model?.name ?? '-'}`).sort();
}

describe('workspace index: loader calls with static paths', function () {
  this.timeout(20000);

  it('Python: open().read(), os.path.join(dirname(__file__)), Path.read_text through module constants', async () => {
    assert.deepEqual(await loadedFiles({
      'svc/llm.py': WRAPPER,
      'svc/app.py': [
        'import os',
        'from pathlib import Path',
        'from .llm import ask',
        'BASE = os.path.dirname(os.path.abspath(__file__))',
        'PROMPT_DIR = Path(__file__).resolve().parent / "text"',
        'def a(q):',
        '    with open(os.path.join(BASE, "text", "a.txt")) as f:',
        '        system = f.read()',
        '    return ask(system, q)',
        'def b(q):',
        '    return ask(open(os.path.join(BASE, "text/b.md")).read(), q)',
        'def c(q):',
        '    return ask((PROMPT_DIR / "c.md").read_text(), q)',
        'def d(q):',
        '    return ask(Path(__file__).with_name("d.txt").read_text(), q)',
        '',
      ].join('\n'),
      'svc/text/a.txt': 'Answer as the billing desk.',
      'svc/text/b.md': 'Answer as the bug desk.',
      'svc/text/c.md': 'Answer as the account desk.',
      'svc/d.txt': 'Answer as the front desk.',
    }), [
      'svc/d.txt text gpt-4o-mini',
      'svc/text/a.txt text gpt-4o-mini',
      'svc/text/b.md text gpt-4o-mini',
      'svc/text/c.md text gpt-4o-mini',
    ]);
  });

  it('Python: importlib.resources.files(pkg), Jinja get_template, LangChain load_prompt', async () => {
    assert.deepEqual(await loadedFiles({
      'pkg/__init__.py': '',
      'pkg/llm.py': WRAPPER,
      'pkg/prompts/__init__.py': '',
      'pkg/prompts/plan.md': 'Plan the trip day by day.',
      'pkg/templates/review.j2': 'Review {{ doc }} for tone.',
      'pkg/chains/summary.yaml': '_type: prompt\ninput_variables: [text]\ntemplate: "Summarize {text} in one paragraph."\n',
      'pkg/app.py': [
        'from importlib.resources import files',
        'from jinja2 import Environment, FileSystemLoader',
        'from langchain.prompts import load_prompt',
        'from pkg.llm import ask',
        'env = Environment(loader=FileSystemLoader("pkg/templates"))',
        'def plan(q):',
        '    return ask(files("pkg.prompts").joinpath("plan.md").read_text(), q)',
        'def review(doc):',
        '    return ask(env.get_template("review.j2").render(doc=doc))',
        'def summary(text):',
        '    return ask(load_prompt("pkg/chains/summary.yaml").format(text=text))',
        '',
      ].join('\n'),
    }), [
      'pkg/chains/summary.yaml langchain-prompt gpt-4o-mini',
      'pkg/prompts/plan.md text gpt-4o-mini',
      'pkg/templates/review.j2 template gpt-4o-mini',
    ]);
  });

  it('JavaScript: readFileSync(path.join(__dirname, …)), fs.promises.readFile(new URL(…, import.meta.url))', async () => {
    assert.deepEqual(await loadedFiles({
      'src/ai.js': 'import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function chat(system, user) {\n  return client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "system", content: system }, { role: "user", content: user }] });\n}\n',
      'src/a.js': 'const fs = require("fs");\nconst path = require("path");\nconst { chat } = require("./ai");\nconst SYSTEM = fs.readFileSync(path.join(__dirname, "..", "prompts", "a.md"), "utf8");\nmodule.exports = (q) => chat(SYSTEM, q);\n',
      'src/b.mjs': 'import { readFile } from "fs/promises";\nimport { chat } from "./ai.js";\nexport async function b(q) {\n  const system = await readFile(new URL("./b.txt", import.meta.url), "utf8");\n  return chat(system, q);\n}\n',
      'prompts/a.md': 'You are the changelog bot.',
      'src/b.txt': 'You are the release bot.',
    }), [
      'prompts/a.md text gpt-4.1-mini',
      'src/b.txt text gpt-4.1-mini',
    ]);
  });

  it('a loader naming a missing file is reported as a problem, not a crash', async () => {
    const { result } = await indexFiles({
      'llm.py': WRAPPER,
      'app.py': 'from pathlib import Path\nfrom llm import ask\ndef a(q):\n    return ask((Path(__file__).parent / "gone.md").read_text(), q)\n',
    });
    assert.deepEqual(result.problems, [{ file: 'app.py', reason: 'line 4: loads gone.md, which is not in the workspace' }]);
  });
});
