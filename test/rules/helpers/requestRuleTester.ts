// ESLint-style case tables for the request rules (unbounded-output, reasoning-effort, model-tier,
// verbose-output-request): each case is a small source file analysed end to end (detection → pricing → rules), since
// these rules read the call and the priced request; `output` is the file after applying the rule's fixes until stable.
import { strict as assert } from 'assert';
import { analyzeDocument } from '../../../server/src/engine/analyze';
import { readSettings } from '../../../server/src/engine/config/settings';
import { applySourceEdits, fixAllEdits } from '../../../server/src/engine/rules';
import type { Finding } from '../../../server/src/engine/types';

export interface RequestCase {
  /** File name: its extension picks the language. */
  file: string;
  code: string;
  name?: string;
  settings?: Record<string, unknown>;
}

export interface InvalidRequestCase extends RequestCase {
  errors: (string | RegExp)[];
  /** The file after applying the rule's fixes until nothing changes; null when no fix is offered. */
  output: string | null;
}

export async function requestFindings(ruleId: string, c: RequestCase, code = c.code): Promise<Finding[]> {
  const settings = readSettings({ ...c.settings }).settings;
  const analysis = await analyzeDocument({ uri: `file:///w/${c.file}`, fileName: `/w/${c.file}`, text: code }, { settings, relativePath: c.file });
  return analysis.prompts.flatMap((p) => p.findings).filter((f) => f.ruleId === ruleId);
}

export async function fixRequestUntilStable(ruleId: string, c: RequestCase): Promise<string> {
  let code = c.code;
  for (let pass = 0; pass < 5; pass++) {
    const fixes = (await requestFindings(ruleId, c, code)).filter((f) => f.fix).map((f) => f.fix!);
    if (!fixes.length) break;
    const next = applySourceEdits(code, fixAllEdits(fixes));
    if (next === code) break;
    code = next;
  }
  return code;
}

export function requestRuleCases(ruleId: string, table: { valid: RequestCase[]; invalid: InvalidRequestCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const c of table.valid) {
        it(c.name ?? c.code.slice(0, 70), async () => {
          assert.deepEqual((await requestFindings(ruleId, c)).map((f) => f.message), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) {
        it(c.name ?? c.code.slice(0, 70), async () => {
          const findings = await requestFindings(ruleId, c);
          assert.equal(findings.length, c.errors.length, `findings: ${JSON.stringify(findings.map((f) => f.message))}`);
          findings.forEach((f, i) => {
            const want = c.errors[i];
            if (typeof want === 'string') assert.equal(f.message, want);
            else assert.match(f.message, want);
          });
          if (c.output === null) assert.equal(findings.filter((f) => f.fix).length, 0, 'expected no fix');
          else assert.equal(await fixRequestUntilStable(ruleId, c), c.output);
        });
      }
    });
  });
}
