import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCrossFileIndex } from '../../server/src/engine/audit/crossFileIndex';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-relevance-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('workspace index: only relevant files are parsed', function () {
  this.timeout(30000);

  it('parses the wrapper, its callers through two layers and the texts they import; skips unrelated modules', async () => {
    const files: Record<string, string> = {
      'core/llm.py': 'from openai import OpenAI\nclient = OpenAI()\ndef ask(prompt):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])\n',
      'core/relay.py': 'from core.llm import ask\ndef relay(text):\n    return ask(text)\n',
      'core/texts.py': 'WELCOME = "Greet the new member and point them to the handbook."\n',
      'features/onboarding.py': 'from core.relay import relay\nfrom core.texts import WELCOME\ndef onboard():\n    return relay(WELCOME)\n',
    };
    for (let i = 0; i < 20; i++) files[`util/helper_${i}.py`] = `import json\n\ndef load_${i}(path):\n    with open(path) as fh:\n        return json.load(fh)\n`;
    const root = tree(files);
    try {
      const index = await buildCrossFileIndex({ paths: [root], baseDir: root, maxFileBytes: 2_000_000 });
      assert.equal(index.files, 4, 'the 20 helpers are not parsed');
      assert.deepEqual((index.findingsFor('core/texts.py') ?? []).map((f) => `${f.symbol} ${f.model?.name}`), ['WELCOME gpt-4o-mini']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
