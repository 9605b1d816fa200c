// Hand-made analyses for audit tests: a fake analyser that reports every `PROMPT = "..."` assignment as a prompt with
// fixed numbers, so discovery, notebooks, reports and fixes are tested without the detector or the tokenizer.
import type { Analyzer } from '../../server/src/engine/audit/auditFile';
import type { AnalyzedPrompt, DocumentAnalysis, Finding, SourceInput } from '../../server/src/engine/types';

/** USD per input token for the fake model: 1,000 tokens cost $0.0025 (gpt-4o's input price). */
const PRICE_PER_TOKEN = 2.5 / 1_000_000;
const CALLS_PER_DAY = 1000;

export function fakeAnalysis(input: SourceInput): DocumentAnalysis {
  const prompts: AnalyzedPrompt[] = [];
  const re = /(\w*PROMPT\w*)\s*=\s*"([^"\n]*)"/g;
  for (let m = re.exec(input.text); m; m = re.exec(input.text)) {
    const valueStart = m.index + m[0].indexOf('"');
    const valueEnd = valueStart + m[2].length + 2;
    const tokens = m[2].split(/\s+/).filter(Boolean).length;
    const perCall = tokens * PRICE_PER_TOKEN;
    const findings: Finding[] = [];
    const verbose = m[2].indexOf('in order to');
    if (verbose >= 0) {
      const start = valueStart + 1 + verbose;
      findings.push({
        ruleId: 'verbose-phrase',
        severity: 'warning',
        message: '"in order to" can be "to"',
        span: { start, end: start + 'in order to'.length },
        promptId: `${input.fileName}#${m[1]}`,
        savingsTokens: 2,
        savingsMonthly: 2 * PRICE_PER_TOKEN * CALLS_PER_DAY * 30,
        fix: { title: 'Use "to"', edits: [{ span: { start, end: start + 'in order to'.length }, newText: 'to' }], savingsTokens: 2 },
      });
    }
    const unpriced = m[1].includes('LOCAL');
    prompts.push({
      prompt: {
        id: `${input.fileName}#${m[1]}`,
        language: 'python',
        span: { start: valueStart, end: valueEnd },
        role: 'system',
        signals: [{ kind: 'name', detail: 'name' }],
        confidence: 0.9,
        parts: [],
        symbol: m[1],
        callParams: {},
      },
      cost: {
        model: { id: unpriced ? 'local-llm' : 'gpt-4o', provider: 'openai', requested: 'gpt-4o', source: 'default', ...(unpriced ? {} : { price: { inputPerMillion: 2.5, outputPerMillion: 10, source: 'test', date: '2026-01-01' } }) },
        tokens: { staticText: tokens, placeholders: 0, placeholderCount: 0, framing: 0, input: tokens, output: 0, outputSource: 'test', exact: true, encoding: 'o200k_base' },
        volume: { callsPerDay: CALLS_PER_DAY, source: 'default' },
        caching: { verdict: 'too-short', cachedTokens: 0, hitRate: 0, detail: '' },
        ...(unpriced ? {} : { costPerCall: perCall, costPerDay: perCall * CALLS_PER_DAY, costPerMonth: perCall * CALLS_PER_DAY * 30 }),
      },
      findings,
    });
  }
  const monthlyCost = prompts.reduce((s, p) => s + (p.cost.costPerMonth ?? 0), 0);
  return {
    uri: input.uri,
    language: 'python',
    prompts,
    documentFindings: [],
    totals: { monthlyCost, unpricedPrompts: prompts.filter((p) => p.cost.costPerMonth === undefined).length, prompts: prompts.length },
  };
}

export const fakeAnalyzer: Analyzer = async (input) => fakeAnalysis(input);
