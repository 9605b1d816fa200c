import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseCallRate } from '../../server/src/engine/config/callRate';
import { matchesGlob } from '../../server/src/engine/config/glob';
import { parseWorkspaceConfig, WORKSPACE_CONFIG_FIELDS } from '../../server/src/engine/config/workspaceConfig';

const FILE = '/ws/.promptcost.json';

const GOOD = `{
  // JSONC: comments and trailing commas are fine
  "$schema": "./node_modules/prompt-cost-lens/schemas/promptcost.schema.json",
  "defaultModel": "gpt-4o-mini",
  "models": { "acme-large": { "inputPerMillion": 4, "outputPerMillion": 12, "aliases": ["acme-prod"] } },
  "aliases": { "prod-chat": "gpt-4o" },
  "volumes": { "default": 500, "prompts": { "app/chat.py#SYSTEM_PROMPT": "20000/day" }, "globs": { "jobs/**": "100/hour" } },
  "outputTokens": { "default": 300, "prompts": { "app/chat.py#SYSTEM_PROMPT": 120 } },
  "placeholders": { "document": 2000 },
  "budgets": { "monthly": 500, "prompts": { "app/chat.py#SYSTEM_PROMPT": 50 } },
  "exclude": ["**/tests/**"],
  "promptFileGlobs": ["prompts/**/*.txt"],
  "rules": { "politeness": "off", "long-prompt": "hint" },
  "phrases": [{ "phrase": "in order to", "replacement": "to" }],
  "cacheHitRate": 0.8,
}`;

describe('.promptcost.json', () => {
  it('parses every field of a valid file (JSONC)', () => {
    const { config, errors } = parseWorkspaceConfig(GOOD, FILE);
    assert.deepEqual(errors, []);
    assert.ok(config);
    assert.equal(config.defaultModel, 'gpt-4o-mini');
    assert.deepEqual(config.models['acme-large'].aliases, ['acme-prod']);
    assert.equal(config.aliases['prod-chat'], 'gpt-4o');
    assert.equal(config.volumes.default?.callsPerDay, 500);
    assert.equal(config.volumes.prompts['app/chat.py#SYSTEM_PROMPT'].callsPerDay, 20000);
    assert.equal(config.volumes.globs['jobs/**'].callsPerDay, 2400);
    assert.equal(config.outputTokens.prompts['app/chat.py#SYSTEM_PROMPT'], 120);
    assert.equal(config.placeholders.document, 2000);
    assert.equal(config.budgets.monthly, 500);
    assert.deepEqual(config.rules, { politeness: 'off', 'long-prompt': 'hint' });
    assert.deepEqual(config.phrases, [{ phrase: 'in order to', replacement: 'to' }]);
    assert.equal(config.cacheHitRate, 0.8);
  });

  it('a syntax error gives no config and a 1-based position', () => {
    const { config, errors } = parseWorkspaceConfig('{\n  "models": {\n    "x": { "inputPerMillion": 1 \n  }\n', FILE);
    assert.equal(config, undefined);
    assert.ok(errors.length >= 1);
    assert.equal(errors[0].file, FILE);
    assert.match(errors[0].message, /JSON syntax error/);
    assert.ok(errors[0].line >= 3);
  });

  it('wrong field types: file, line, column and field; the rest of the file still applies', () => {
    const text = '{\n  "cacheHitRate": 2,\n  "models": { "m": { "inputPerMillion": "cheap", "outputPerMillion": 1 } },\n  "volumes": { "prompts": { "a#b": "lots" } },\n  "rules": { "politeness": "loud" },\n  "volume": 3,\n  "defaultModel": "gpt-4o"\n}';
    const { config, errors } = parseWorkspaceConfig(text, FILE);
    assert.equal(config?.defaultModel, 'gpt-4o');
    assert.equal(config?.cacheHitRate, undefined);
    assert.deepEqual(config?.models.m, { outputPerMillion: 1 });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    assert.deepEqual([byField.cacheHitRate.line, byField.cacheHitRate.column], [2, 19]);
    assert.match(byField.cacheHitRate.message, /from 0 to 1, got number 2/);
    assert.deepEqual([byField['models.m.inputPerMillion'].line, byField['models.m.inputPerMillion'].column], [3, 41]);
    assert.match(byField['volumes.prompts.a#b'].message, /"20000\/day"/);
    assert.match(byField['rules.politeness'].message, /"error", "warning", "information", "hint", "off"/);
    assert.deepEqual([byField.volume.line, byField.volume.column], [6, 3]); // points at the unknown key
    assert.deepEqual(errors.map((e) => e.line), [...errors.map((e) => e.line)].sort((a, b) => a - b));
  });

  it('a non-object top level, an empty file and a BOM are handled', () => {
    assert.match(parseWorkspaceConfig('[1, 2]', FILE).errors[0].message, /expected a JSON object/);
    assert.deepEqual(parseWorkspaceConfig('   ', FILE).errors, []);
    const bom = parseWorkspaceConfig('\uFEFF{\n "cacheHitRate": "x"\n}', FILE);
    assert.deepEqual([bom.errors[0].line, bom.errors[0].column], [2, 18]);
  });

  it('never throws on odd input', () => {
    for (const t of ['{', '}', 'null', '"str"', '{"models": null}', '{"phrases": [null, 1, {"phrase": ""}]}', '{"volumes": {"globs": []}}', '/* only a comment */']) {
      const r = parseWorkspaceConfig(t, FILE);
      assert.ok(Array.isArray(r.errors));
    }
  });

  it('the JSON schema and the parser know the same top-level fields', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'promptcost.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).sort(), [...WORKSPACE_CONFIG_FIELDS].sort());
  });

  it('reasoningTokens: the schema and the parser accept the same fields and bounds', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'promptcost.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.reasoningTokens.properties).sort(), ['default', 'models', 'prompts']);
    const ok = parseWorkspaceConfig('{"reasoningTokens": {"default": 2000, "models": {"o3": 4000}, "prompts": {"app.py#SYSTEM": 500}}}', FILE);
    assert.deepEqual(ok.errors, []);
    assert.deepEqual(ok.config!.reasoningTokens, { default: 2000, models: { o3: 4000 }, prompts: { 'app.py#SYSTEM': 500 } });
    const bad = parseWorkspaceConfig('{"reasoningTokens": {"default": -1, "model": {}, "models": {"o3": "lots"}}}', FILE);
    assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['reasoningTokens.default', 'reasoningTokens.model', 'reasoningTokens.models.o3']);
    assert.deepEqual(bad.config!.reasoningTokens, { models: {}, prompts: {} });
  });

  it('package.json contributes the schema for .promptcost.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const entry = pkg.contributes.jsonValidation.find((j: { fileMatch: string }) => j.fileMatch === '.promptcost.json');
    assert.equal(entry.url, './schemas/promptcost.schema.json');
  });
});

describe('call rates', () => {
  const cases: [unknown, number | undefined][] = [
    [1000, 1000], ['20000/day', 20000], ['500/hour', 12000], ['10000/month', 10000 / 30], ['1,200 per day', 1200],
    ['70/week', 10], ['3 a minute', 4320], ['42', 42], ['lots', undefined], ['-5/day', undefined], [-1, undefined], ['5/fortnight', undefined],
    ['20k/day', 20000], ['1.5M/month', 50000], ['2/s', 172800], ['2/secs', 172800], ['5m', 5e6], ['5min', 7200], ['3/hrs', 72], ['2k', 2000],
  ];
  for (const [input, perDay] of cases) {
    it(`${JSON.stringify(input)} → ${perDay ?? 'invalid'}`, () => {
      const r = parseCallRate(input);
      if (perDay === undefined) assert.equal(r, undefined);
      else assert.ok(r && Math.abs(r.callsPerDay - perDay) < 1e-9, JSON.stringify(r));
    });
  }
});

describe('globs', () => {
  const cases: [string, string, boolean][] = [
    ['app/chat.py', 'app/**', true],
    ['app/deep/x/chat.py', 'app/**/*.py', true],
    ['app/chat.py', 'app/**/*.py', true],
    ['lib/app/chat.py', 'app/**', false],
    ['src/tests/a.ts', '**/tests/**', true],
    ['tests/a.ts', '**/tests/**', true],
    ['prompts/a.txt', '*.txt', true],
    ['prompts/a.md', 'prompts/*.{txt,md}', true],
    ['prompts/sub/a.md', 'prompts/*.md', false],
    ['app\\win\\chat.py', 'app/**', true],
    ['a.py', 'a?py', true],
    ['fileXpy', 'file.py', false],
  ];
  for (const [file, glob, expected] of cases) it(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.equal(matchesGlob(file, glob), expected));
});

describe('call rates: the schema agrees with the parser', () => {
  // The editor's squiggles (schemas/promptcost.schema.json) and the server's reading must accept the same spellings.
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'promptcost.schema.json'), 'utf8'));
  const patterns = new Set<string>();
  JSON.stringify(schema, (key, value) => {
    if (key === 'pattern' && typeof value === 'string' && value.includes('per')) patterns.add(value);
    return value;
  });
  it('has one volume pattern, used for every volume field', () => assert.equal(patterns.size, 1));
  const pattern = new RegExp([...patterns][0]);
  for (const written of ['20000/day', '500/hour', '10000/month', '1,200 per day', '70/week', '3 a minute', '42', '20k/day', '1.5M/month', '2/s', '2/secs', '5m', '5min', '3/hrs', '7/wks', 'lots', '-5/day', '5/fortnight', '5/k', '1.2.3/day']) {
    it(`${written}: ${parseCallRate(written) ? 'valid' : 'invalid'} for both`, () => assert.equal(pattern.test(written), parseCallRate(written) !== undefined));
  }
});
