// The catalog must never fetch remote data: genai-prices only loads remote prices through updatePrices(), which we
// never call; and nothing in our pricing code may reference it or its remote URL.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { catalogModels, resolveModel } from '../../server/src/engine/pricing/catalog';
import { PRICE_DATA, PROVIDER_IDS } from '../../server/src/engine/pricing/priceData';

const root = path.join(__dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('price catalog is offline', () => {
  it('no engine or server source calls updatePrices, waitForUpdate or the remote data URL', () => {
    for (const file of sourcesUnder(path.join(root, 'server', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\b(updatePrices|waitForUpdate|REMOTE_DATA_JSON_URL)\b|raw\.githubusercontent\.com/, file);
    }
  });

  it('resolving models makes no network request', async () => {
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (async () => {
      calls++;
      throw new Error('network is not allowed');
    }) as typeof fetch;
    try {
      for (const name of ['gpt-4o', 'claude-sonnet-4-5', 'gemini-2.5-pro', 'unknown-model-x']) resolveModel(name, 'call-site');
      catalogModels();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      globalThis.fetch = original;
    }
    assert.equal(calls, 0);
  });

  it('PRICE_DATA names the installed genai-prices version', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@pydantic', 'genai-prices', 'package.json'), 'utf8'));
    assert.equal(installed.version, PRICE_DATA.version, 'genai-prices was upgraded: update PRICE_DATA (version and date) in pricing/priceData.ts');
    assert.equal(PRICE_DATA.source, `@pydantic/genai-prices ${installed.version}`);
    assert.match(PRICE_DATA.date, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('PROVIDER_IDS covers every provider in the bundled data', () => {
    const bundled = fs.readFileSync(path.join(root, 'node_modules', '@pydantic', 'genai-prices', 'dist', 'index.cjs'), 'utf8');
    const ids = new Set([...bundled.matchAll(/\{id:"([^"]+)",name:"[^"]*",(?:description:[^,]*,)?(?:pricing_urls|api_pattern)/g)].map((m) => m[1]));
    for (const id of PROVIDER_IDS) assert.ok(ids.has(id), id);
    assert.equal(PROVIDER_IDS.length, 43);
  });
});

describe('bundled server is offline', () => {
  it('dist/server.js and dist/cli.js (when built) carry no remote price URL', function () {
    const bundles = ['server.js', 'cli.js'].map((f) => path.join(root, 'dist', f)).filter((f) => fs.existsSync(f));
    if (!bundles.length) this.skip();
    for (const f of bundles) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /raw\.githubusercontent\.com\/pydantic\/genai-prices/, f);
  });
});
