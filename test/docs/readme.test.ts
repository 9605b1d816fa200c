// The README documents what package.json declares: every setting (package.json is the source) and every npm script
// its quick start names. Keeps the two from drifting apart.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('README', () => {
  it('lists every promptCost setting with its default', () => {
    for (const [key, schema] of Object.entries<{ default?: unknown }>(manifest.contributes.configuration.properties)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
      assert.ok(row, `README settings table has ${key}`);
      assert.ok(row.includes(`\`${JSON.stringify(schema.default)}\``), `README shows the default of ${key}`);
    }
  });

  it('names only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]);
    assert.ok(named.includes('demo'));
    for (const script of named) assert.ok(manifest.scripts[script], `package.json has the script ${script}`);
  });

  it('links only to files that exist', () => {
    for (const [, target] of readme.matchAll(/\]\(((?:docs|examples)\/[^)#]+)/g)) {
      assert.ok(fs.existsSync(path.join(root, target)), `${target} exists`);
    }
  });
});
