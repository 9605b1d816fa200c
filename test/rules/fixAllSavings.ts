// Tokens and dollars "fix all" saves on whole source files, split by the side the rules work on (used by
// npm run eval:compression): input-side rules rewrite prompt text — measured by analysing the file again after the
// fix (request input tokens and monthly cost); output-side rules change the call (an output limit, a reasoning effort)
// — their findings' own figures for the fixes fix-all applies (the pricing keeps the configured output estimate
// after a limit is added, so re-analysis would not show that part), and model-tier's figure separately (no fix).
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { fixEdits } from '../../server/src/engine/audit/fixer';
import { readSettings } from '../../server/src/engine/config/settings';
import { detectionLanguage } from '../../server/src/engine/detection';
import { RULES, applySourceEdits, fixAllEdits } from '../../server/src/engine/rules';
import type { DocumentAnalysis } from '../../server/src/engine/types';

export interface SideSavings {
  files: number;
  prompts: number;
  input: { tokensBefore: number; tokensAfter: number; monthlyBefore: number; monthlyAfter: number; filesChanged: number };
  /** Per output-side rule: findings, fixes fix-all applies, tokens (output or reasoning) and USD/month they save. */
  output: Record<string, { findings: number; fixed: number; tokens: number; monthly: number }>;
}

const OUTPUT_RULES = RULES.filter((r) => r.meta.side === 'output').map((r) => r.meta.id);
const MAX_FILE_CHARS = 2_000_000;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) yield* sourceFiles(full);
    } else if (entry.isFile()) yield full;
  }
}

function inputTokens(analysis: DocumentAnalysis): number {
  return analysis.prompts.filter((a) => !a.prompt.fragmentOf).reduce((sum, a) => sum + a.cost.tokens.input, 0);
}

export async function fixAllSavings(dirs: string[]): Promise<SideSavings> {
  const settings = readSettings({}).settings;
  const out: SideSavings = {
    files: 0,
    prompts: 0,
    input: { tokensBefore: 0, tokensAfter: 0, monthlyBefore: 0, monthlyAfter: 0, filesChanged: 0 },
    output: Object.fromEntries(OUTPUT_RULES.map((id) => [id, { findings: 0, fixed: 0, tokens: 0, monthly: 0 }])),
  };
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      if (!detectionLanguage(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (text.length > MAX_FILE_CHARS) continue;
      const analyse = (t: string) => analyzeDocument({ uri: `file://${file}`, fileName: file, text: t }, { settings, relativePath: path.relative(dir, file) });
      const before = await analyse(text);
      if (!before.prompts.length) continue;
      out.files++;
      out.prompts += before.totals.prompts;
      out.input.tokensBefore += inputTokens(before);
      out.input.monthlyBefore += before.totals.monthlyCost;
      const edits = fixEdits(before, text, undefined, undefined, { input: true, output: false });
      const after = edits.length ? await analyse(applySourceEdits(text, edits)) : before;
      if (edits.length) out.input.filesChanged++;
      out.input.tokensAfter += inputTokens(after);
      out.input.monthlyAfter += after.totals.monthlyCost;
      // Output side: the fixes fix-all applies together (overlaps left out), and their findings' savings.
      const findings = before.prompts.flatMap((a) => a.findings).filter((f) => OUTPUT_RULES.includes(f.ruleId));
      const applied = new Set(fixAllEdits(findings.filter((f) => f.fix).map((f) => f.fix!)));
      for (const f of findings) {
        const row = out.output[f.ruleId];
        row.findings++;
        const fixed = f.fix !== undefined && f.fix.edits.every((e) => applied.has(e));
        if (fixed) row.fixed++;
        if (fixed || f.ruleId === 'model-tier' || f.ruleId === 'verbose-output-request') {
          row.tokens += f.savingsTokens ?? 0;
          row.monthly += f.savingsMonthly ?? 0;
        }
      }
    }
  }
  return out;
}

export function printSideSavings(label: string, s: SideSavings): void {
  const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
  const pct = (a: number, b: number) => (b > 0 ? `${((1 - a / b) * 100).toFixed(1)} %` : '–');
  console.log(`\n${label}: ${s.files} files with prompts, ${s.prompts} prompts (default settings: 250 output tokens, model and volume defaults)`);
  console.log(
    `  input side (prompt text, re-analysed): ${s.input.tokensBefore.toLocaleString('en-US')} → ${s.input.tokensAfter.toLocaleString('en-US')} input tokens per call set ` +
      `(${pct(s.input.tokensAfter, s.input.tokensBefore)}), ${usd(s.input.monthlyBefore)} → ${usd(s.input.monthlyAfter)}/mo ` +
      `(−${usd(s.input.monthlyBefore - s.input.monthlyAfter)}/mo) in ${s.input.filesChanged} files`,
  );
  for (const [id, row] of Object.entries(s.output)) {
    const applies = id === 'model-tier' || id === 'verbose-output-request' ? 'no fix; figure if acted on' : `${row.fixed} fixed by fix-all`;
    const tokens = id === 'reasoning-effort' ? 'reasoning tokens' : 'output tokens';
    console.log(`  output side, ${id}: ${row.findings} findings (${applies}): −${row.tokens.toLocaleString('en-US')} ${tokens} per call set, −${usd(row.monthly)}/mo`);
  }
}
