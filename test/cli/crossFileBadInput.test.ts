// `prompt-cost audit` with the workspace index on files it cannot read as text (issue 14, bad input): a loaded YAML,
// a loaded Markdown prompt or a caller that is UTF-16, Latin-1 or binary, a 50 MB loaded YAML, and an import whose
// module name is computed — each listed once in the report's skipped list with its reason, no prompt from it, exit 0.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildOnce, runCli, scratch } from './cliHarness';

const CREW = path.resolve(__dirname, '..', 'fixtures', 'crossfile', 'crew_py');
const AGENTS = 'src/research_crew/config/agents.yaml';
const TASKS = 'src/research_crew/config/tasks.yaml';

function crew(extra: Record<string, string | Buffer>): string {
  const files: Record<string, string | Buffer> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else files[path.relative(CREW, abs).split(path.sep).join('/')] = fs.readFileSync(abs);
    }
  };
  walk(CREW);
  return scratch({ ...files, ...extra });
}

function audit(cwd: string): { prompts: { id: string; file: string }[]; skipped: { file: string; reason: string }[] } {
  const result = runCli(['audit', '--format', 'json'], cwd);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('prompt-cost audit: unreadable files across files', function () {
  this.timeout(180000);
  before(buildOnce);

  it('UTF-16 (with BOM) agents.yaml and a tasks.yaml with NUL bytes: skipped with their reasons, no prompt from them', () => {
    const original = fs.readFileSync(path.join(CREW, AGENTS), 'utf8');
    const root = crew({
      [AGENTS]: utf16(original),
      [TASKS]: Buffer.concat([Buffer.from('research_task:\n  description: Find the facts\n'), Buffer.from([0, 0, 0, 7, 0])]),
    });
    try {
      const report = audit(root);
      assert.deepEqual(report.prompts.filter((p) => p.file.endsWith('.yaml')), []);
      const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
      assert.equal(reasons[AGENTS], 'binary file (contains NUL bytes)');
      assert.equal(reasons[TASKS], 'binary file (contains NUL bytes)');
      assert.equal(report.skipped.filter((s) => s.file === AGENTS).length, 1, 'listed once');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a Latin-1 prompt file loaded by code and a Latin-1 caller are skipped; the UTF-8 wrapper still works', () => {
    const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
    const root = scratch({
      'app/llm.py': 'from openai import OpenAI\nclient = OpenAI()\n\ndef ask(system, user):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": system}, {"role": "user", "content": user}])\n',
      'app/menu.py': 'from pathlib import Path\nfrom app.llm import ask\n\nSYSTEM = (Path(__file__).parent / "carte.txt").read_text()\n\ndef suggest(dish):\n    return ask(SYSTEM, dish)\n',
      'app/carte.txt': latin1('Vous êtes le sommelier du café. Proposez un vin pour chaque plat, en une phrase précise.\n'),
      'app/legacy.py': latin1('# -*- coding: latin-1 -*-\nfrom app.llm import ask\n\ndef greet(nom):\n    return ask("Réponds en français, poliment et brièvement.", nom)\n'),
      'app/fresh.py': 'from app.llm import ask\n\ndef greet(name):\n    return ask("Answer in English, politely and briefly.", name)\n',
    });
    try {
      const report = audit(root);
      assert.deepEqual(report.prompts.map((p) => p.id), ['app/fresh.py#greet.ask.system']);
      const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
      assert.deepEqual(reasons, { 'app/carte.txt': 'not valid UTF-8 text', 'app/legacy.py': 'not valid UTF-8 text' });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a 50 MB agents.yaml: skipped as over the size limit, without reading it whole; the tasks still come out', () => {
    const root = crew({});
    const agents = path.join(root, AGENTS);
    const fd = fs.openSync(agents, 'w');
    const block = Buffer.from('filler:\n  role: Filler agent whose text only pads the file to fifty megabytes\n'.repeat(10_000));
    for (let written = 0; written < 50_000_000; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    try {
      const report = audit(root);
      assert.ok(!report.prompts.some((p) => p.file === AGENTS));
      assert.ok(report.prompts.some((p) => p.file === TASKS), 'tasks.yaml is read as before');
      const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
      assert.match(reasons[AGENTS], /^over the size limit \(5\d\.\d MB > 2\.0 MB\)$/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('an import of a computed module name is in the skipped list as not followed', () => {
    const root = scratch({
      'plugins.py': 'import importlib\nfrom openai import OpenAI\nclient = OpenAI()\n\ndef load(name):\n    return importlib.import_module(name)\n',
    });
    try {
      const report = audit(root);
      assert.deepEqual(report.skipped, [{ file: 'plugins.py', reason: 'cross-file: line 6: importlib.import_module(…) names its module at run time; not followed across files' }]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
