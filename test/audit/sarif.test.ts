import { strict as assert } from 'assert';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as path from 'path';
import { runAudit } from '../../server/src/engine/audit/runAudit';
import { buildAuditReport } from '../../server/src/engine/report/auditReport';
import { buildSarif, encodeUriPath } from '../../server/src/engine/report/formatSarif';
import { sarifRules } from '../../server/src/engine/report/ruleCatalog';
import { buildOnce, runCli, scratch } from '../cli/cliHarness';
import { SUPPORT_PY } from '../cli/fixtures';
import { fakeAnalyzer } from './fixtures';

// The SARIF 2.1.0 JSON schema (OASIS, rtm.5) as shipped in @microsoft/jest-sarif: no network at test time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validator() {
  // The published schema has one pattern that is not a valid `u`-flag regular expression; formats are checked.
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema) as ((data: unknown) => boolean) & { errors?: unknown };
}

describe('SARIF report', function () {
  this.timeout(60000);

  it('validates against the SARIF 2.1.0 schema, with relative URIs under %SRCROOT% and every rule described', async () => {
    const root = scratch({ 'src/a b/app.py': 'SYSTEM_PROMPT = "Read the text in order to answer."\n', 'src/ünï.py': 'USER_PROMPT = "Explain in order to teach."\n' });
    const run = await runAudit({ paths: ['.'], baseDir: root, analyze: fakeAnalyzer });
    const report = buildAuditReport(run, { version: '1.2.3', priceData: { source: 'test', date: '2026-01-01' } });
    const sarif = buildSarif(report, sarifRules()) as any;
    const validate = validator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const results = sarif.runs[0].results;
    assert.equal(results.length, 2);
    const uris = results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['src/a%20b/app.py', 'src/%C3%BCn%C3%AF.py']);
    for (const r of results) {
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      const rule = sarif.runs[0].tool.driver.rules[r.ruleIndex];
      assert.equal(rule.id, r.ruleId, 'ruleIndex points at the rule');
      assert.ok(rule.help.text.length > 10, 'rules carry help text');
      assert.ok(r.partialFingerprints['promptCostFinding/v1']);
    }
  });

  it('rejects what GitHub would reject (the validator is not a tautology)', () => {
    const validate = validator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('the CLI output for a real project validates too', () => {
    buildOnce();
    const root = scratch({ 'app/support.py': SUPPORT_PY });
    const result = runCli(['audit', '--format', 'sarif'], root);
    assert.equal(result.status, 0, result.stderr);
    const sarif = JSON.parse(result.stdout);
    const validate = validator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    assert.ok(sarif.runs[0].results.length > 0);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'app/support.py');
  });

  it('encodes path segments but keeps the separators', () => {
    assert.equal(encodeUriPath('a b/c#d/%.py'), 'a%20b/c%23d/%25.py');
    assert.equal(path.posix.basename(encodeUriPath('dir/file.py')), 'file.py');
  });
});
