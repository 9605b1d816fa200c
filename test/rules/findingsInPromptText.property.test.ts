// Rules only read prompt text: every finding of every rule lies inside one text part of the prompt it belongs to —
// never on the code around it (a quote, `dedent(`, a leading `${intro}`, a sandbox manifest's JavaScript). Checked
// with fast-check over random compositions of real-looking code blocks (our fixtures, the detection fixtures and the
// examples) and random long-prompt thresholds, through the editor's own analysis.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { detectionLanguage } from '../../server/src/engine/detection/language';
import { RULES } from '../../server/src/engine/rules';
import type { DocumentAnalysis } from '../../server/src/engine/types';

const ROOT = path.resolve(__dirname, '..', '..');
const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codeFiles(full));
    else if (['python', 'typescript', 'tsx', 'javascript', 'jsx'].includes(detectionLanguage(full) ?? '')) out.push(full);
  }
  return out.sort();
}

/** Top-level blocks (a line at column 0 after a blank line starts one): the pieces the property recombines. */
function blocks(text: string): string[] {
  return text.split(/\n\s*\n(?=\S)/).filter((b) => b.trim());
}

/** Every rule finding that does not lie inside one text part of its prompt, described. */
function outsideText(analysis: DocumentAnalysis, text: string): string[] {
  const bad: string[] = [];
  for (const { prompt, findings } of analysis.prompts) {
    for (const f of findings) {
      if (!RULE_IDS.has(f.ruleId)) continue;
      const inside = prompt.parts.some((p) => p.kind === 'text' && f.span.start >= p.span.start && f.span.end <= p.span.end && f.span.start < p.span.end);
      if (!inside) bad.push(`${f.ruleId} on ${JSON.stringify(text.slice(f.span.start, f.span.end + 1))} (${prompt.id})`);
    }
  }
  return bad;
}

async function analyze(fileName: string, text: string, longPromptTokens: number): Promise<DocumentAnalysis> {
  const settings = { ...defaultSettings(), longPromptTokens };
  return analyzeDocument({ uri: `file:///w/${fileName}`, fileName, text }, { settings, relativePath: fileName });
}

describe('rules only report on prompt text', function () {
  this.timeout(180_000);
  const ours = codeFiles(path.join(ROOT, 'test', 'fixtures', 'rules-in-text'));
  const others = [...codeFiles(path.join(ROOT, 'test', 'fixtures', 'detection')), ...codeFiles(path.join(ROOT, 'examples')), ...codeFiles(path.join(ROOT, 'test', 'fixtures', 'scopes'))];

  it('in each fixture file as written, with a long-prompt threshold every prompt passes', async () => {
    let findings = 0;
    for (const file of [...ours, ...others]) {
      const text = fs.readFileSync(file, 'utf8');
      const analysis = await analyze(path.basename(file), text, 1);
      findings += analysis.prompts.reduce((n, a) => n + a.findings.filter((f) => RULE_IDS.has(f.ruleId)).length, 0);
      assert.deepEqual(outsideText(analysis, text), [], path.relative(ROOT, file));
    }
    assert.ok(findings >= 40, `only ${findings} rule findings: the fixtures no longer exercise the rules`);
  });

  it('in random compositions of fixture blocks, at random long-prompt thresholds', async () => {
    const pools = new Map<string, string[]>();
    for (const file of [...ours, ...others]) {
      const ext = path.extname(file) === '.py' ? 'py' : path.extname(file) === '.tsx' ? 'tsx' : 'ts';
      if (ext === 'ts' && !/\.(ts|js|mjs)$/.test(file)) continue;
      const list = pools.get(ext) ?? [];
      list.push(...blocks(fs.readFileSync(file, 'utf8')));
      pools.set(ext, list);
    }
    // Our fixtures' blocks are the ones built to trip the rules at the edges: each composition holds at least one.
    const edgy = new Map<string, string[]>();
    for (const file of ours) {
      const ext = path.extname(file) === '.py' ? 'py' : 'ts';
      edgy.set(ext, [...(edgy.get(ext) ?? []), ...blocks(fs.readFileSync(file, 'utf8'))]);
    }
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('py', 'ts'),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 400 }),
        async (ext, seed, picks, threshold) => {
          const pool = pools.get(ext)!;
          const sure = edgy.get(ext)!;
          const pieces = [sure[seed % sure.length], ...picks.map((i) => pool[i % pool.length])];
          const text = pieces.join('\n\n\n') + '\n';
          const analysis = await analyze(`composed.${ext}`, text, threshold);
          checked += analysis.prompts.length;
          const bad = outsideText(analysis, text);
          assert.deepEqual(bad, [], `threshold ${threshold}:\n${text}`);
        },
      ),
      { numRuns: 120, seed: 17 },
    );
    assert.ok(checked > 100, `only ${checked} prompts checked`);
  });
});
