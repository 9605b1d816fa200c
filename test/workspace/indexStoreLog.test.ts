// The editor's workspace index says in the server log what it could not follow across files (issue 14, bad input):
// an import of a computed module name, a loaded file that is missing — one line each, bounded for a large tree.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WorkspaceIndexStore } from '../../server/src/lsp/workspaceIndexStore';

function folderWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-store-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

async function buildLog(root: string): Promise<string[]> {
  const log: string[] = [];
  const store = new WorkspaceIndexStore({
    folders: () => [root],
    excludesFor: () => undefined,
    promptFileGlobsFor: () => undefined,
    maxFileBytes: () => 2_000_000,
    openText: () => undefined,
    reanalyze: () => undefined,
    log: (m) => log.push(m),
  });
  try {
    await store.start();
  } finally {
    store.dispose();
  }
  return log.filter((m) => m.includes('not followed'));
}

const SINK = 'from openai import OpenAI\nclient = OpenAI()\n';

describe('workspace index in the editor: the log names what is not followed', function () {
  this.timeout(60000);

  it('a computed import and a missing loaded file, one line each', async () => {
    const root = folderWith({
      'app/plugins.py': `${SINK}import importlib\n\ndef load(name):\n    return importlib.import_module(name)\n`,
      'app/chat.py': `${SINK}SYSTEM = open("prompts/missing.md").read()\n\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}])\n`,
    });
    try {
      assert.deepEqual(await buildLog(root), [
        'Prompt Cost Lens: not followed across files: app/chat.py: line 3: loads prompts/missing.md, which is not in the workspace',
        'Prompt Cost Lens: not followed across files: app/plugins.py: line 6: importlib.import_module(…) names its module at run time; not followed across files',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('many problems: the first 20 and a count of the rest', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`plugins/p${i}.py`] = `${SINK}import importlib\nmod = importlib.import_module(NAMES[${i}])\n`;
    const root = folderWith(files);
    try {
      const log = await buildLog(root);
      assert.equal(log.length, 21);
      assert.equal(log[20], 'Prompt Cost Lens: … and 10 more not followed across files (prompt-cost audit lists them all).');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
