// Token counting benchmarks: first load of each encoding (fresh process, bundled as shipped), counting 2 KB prompts,
// the worst input we know of, and the libraries we did not pick, for the record (docs/design/tokens.md).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clearTokenCountCache, countTokens } from '../../server/src/engine/tokens';
import { twoKilobytePrompt } from '../tokens/corpus';
import { type BenchResult, percentile, median } from './benchStats';


const root = path.resolve(__dirname, '..', '..');


/**
 * Bundles the tokens module the way esbuild.js bundles the server, with the rank tables copied beside it as in dist/,
 * so load times are those of the shipped code.
 */
async function bundleTokens(): Promise<{ file: string; dir: string }> {
  const esbuild = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-tokens-bench-'));
  const file = path.join(dir, 'tokens.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/engine/tokens/index.ts')],
    outfile: file, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'error',
  });
  // The tables exactly as the build writes them into dist/ (same function), so the bench loads what users load.
  const { RUNTIME_ASSETS, writeAsset } = require(path.join(root, 'esbuild.js')) as {
    RUNTIME_ASSETS: [string, string][];
    writeAsset(from: string, dest: string): void;
  };
  for (const [from, to] of RUNTIME_ASSETS.filter(([, to]) => to.startsWith('tokenizer/'))) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    writeAsset(from, path.join(dir, to));
  }
  return { file, dir };
}

/** Runs `script` in a fresh plain Node process `times` times; the script prints one JSON object per run. */
function inFreshProcess<T>(script: string, times: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < times; i++) {
    const stdout = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    out.push(JSON.parse(stdout.trim().split('\n').pop()!));
  }
  return out;
}

function firstLoad(bundle: string, model: string): { importMs: number[]; loadMs: number[]; lazy: boolean } {
  const runs = inFreshProcess<{ importMs: number; loadMs: number; loadedOnImport: number }>(`
    const t0 = performance.now();
    const tokens = require(${JSON.stringify(bundle)});
    const t1 = performance.now();
    const names = ['o200k_base', 'cl100k_base', 'llama3', 'qwen2', 'deepseek_v3', 'tekken', 'gemma3'];
    const loadedOnImport = names.filter((n) => tokens.isTokenizerLoaded(n)).length;
    tokens.countTokens('Hello there', ${JSON.stringify(model)});
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, loadedOnImport }));`, 7);
  return { importMs: runs.map((r) => r.importMs), loadMs: runs.map((r) => r.loadMs), lazy: runs.every((r) => r.loadedOnImport === 0) };
}

/** Times `count` over distinct 2 KB prompts (no cache hits), one call per sample. */
function timeDistinctPrompts(count: (text: string) => unknown, samples: number, offset: number): number[] {
  const prompts = Array.from({ length: samples }, (_, i) => twoKilobytePrompt(offset + i));
  for (let i = 0; i < 20; i++) count(twoKilobytePrompt(-1 - i)); // warm the JIT
  return prompts.map((p) => {
    const t0 = performance.now();
    count(p);
    return performance.now() - t0;
  });
}

function pseudoBase64(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = 12345;
  let s = '';
  while (s.length < length) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += alphabet[x % 64];
  }
  return s;
}

/** Inputs of 100,000 characters that stress the pre-tokenizer or byte-pair merging. */
const HOSTILE_INPUTS: Record<string, string> = {
  'one letter ×100k': 'x'.repeat(100_000),
  'base64 100k': pseudoBase64(100_000),
  'letters, no case change ×100k': 'abcdefghij'.repeat(10_000),
  'alternating case ×100k': 'aB'.repeat(50_000),
  'upper case ×100k': 'ABCDEFGHIJ'.repeat(10_000),
  'digits ×100k': '1234567890'.repeat(10_000),
  'spaces ×100k': ' '.repeat(100_000) + 'x',
  'newlines ×100k': '\n'.repeat(100_000),
  'CRLF + spaces ×100k': ' \r\n'.repeat(33_334),
  'equals signs ×100k': '='.repeat(100_000),
  'CJK ×100k': '提示词'.repeat(33_334),
  'emoji ZWJ ×100k': '👨‍👩‍👧'.repeat(12_500),
  'U+FEFF ×100k': '\uFEFF'.repeat(100_000),
  'combining marks ×100k': 'e\u0301'.repeat(50_000),
  'minified JSON 100k': JSON.stringify(Array.from({ length: 4000 }, (_, i) => ({ id: i, k: `v${i}` }))).slice(0, 100_000),
};

/** One model per open-weight vocabulary we ship. */
const OPEN_WEIGHT_MODELS: [string, string][] = [['llama3', 'llama-3.3-70b-versatile'], ['qwen2', 'qwen3-32b'], ['deepseek_v3', 'deepseek-v3'], ['tekken', 'open-mistral-nemo'], ['gemma3', 'gemini-2.5-flash']];

function worstCase(): BenchResult {
  let worst = { name: '', ms: 0 };
  const all: string[] = [];
  const models = ['gpt-4o', 'gpt-4', ...OPEN_WEIGHT_MODELS.map(([, m]) => m)];
  for (const [name, text] of Object.entries(HOSTILE_INPUTS)) {
    const times: number[] = [];
    for (const model of models) {
      clearTokenCountCache();
      const t0 = performance.now();
      countTokens(text, model);
      times.push(performance.now() - t0);
    }
    const ms = Math.max(...times);
    all.push(`${name} ${ms.toFixed(0)} ms`);
    if (ms > worst.ms) worst = { name, ms };
  }
  return {
    name: `slowest of ${Object.keys(HOSTILE_INPUTS).length} hostile 100,000-char inputs`,
    median: worst.ms, unit: 'ms', bar: '≤ 1000 ms', pass: worst.ms <= 1000,
    note: `slowest: ${worst.name}; all (max over o200k, cl100k, llama3, qwen2, deepseek_v3, tekken, gemma3): ${all.join(', ')}`,
  };
}

/** The libraries we did not pick, measured the same way (no bars: for docs/design/tokens.md). */
function comparisons(): BenchResult[] {
  const rows: BenchResult[] = [];
  const libraries: [string, string, string][] = [
    ['js-tiktoken 1.0.21', `const { getEncoding } = require('js-tiktoken');`, `const enc = getEncoding('o200k_base'); const count = (t) => enc.encode(t, [], []).length;`],
    ['gpt-tokenizer 4.0.0 (stock)', `const g = require('gpt-tokenizer/cjs/encoding/o200k_base');`, `const opts = { disallowedSpecial: new Set() }; const count = (t) => g.countTokens(t, opts);`],
    ['tiktoken 1.0.22 (WASM reference)', `const { get_encoding } = require('tiktoken');`, `const enc = get_encoding('o200k_base'); const count = (t) => enc.encode_ordinary(t).length;`],
  ];
  const corpusModule = JSON.stringify(path.join(root, 'test/tokens/corpus.ts'));
  for (const [label, importLine, setup] of libraries) {
    const runs = inFreshProcess<{ loadMs: number; promptMs: number[]; runMs: number }>(`
      require('tsx/cjs');
      const { twoKilobytePrompt } = require(${corpusModule});
      const t0 = performance.now();
      ${importLine}
      ${setup}
      count('Hello there');
      const loadMs = performance.now() - t0;
      for (let i = 0; i < 20; i++) count(twoKilobytePrompt(-1 - i));
      const promptMs = [];
      for (let i = 0; i < 200; i++) { const p = twoKilobytePrompt(5000 + i); const s = performance.now(); count(p); promptMs.push(performance.now() - s); }
      const run = 'x'.repeat(5000); const r0 = performance.now(); count(run); const runMs = performance.now() - r0;
      console.log(JSON.stringify({ loadMs, promptMs, runMs }));`, 3);
    rows.push({ name: `compare: ${label} first load (o200k)`, median: median(runs.map((r) => r.loadMs)), p95: Math.max(...runs.map((r) => r.loadMs)), unit: 'ms' });
    const prompt = runs.flatMap((r) => r.promptMs);
    rows.push({ name: `compare: ${label} count 2 KB prompt`, median: median(prompt), p95: percentile(prompt, 0.95), unit: 'ms' });
    rows.push({ name: `compare: ${label} 5,000-char run`, median: median(runs.map((r) => r.runMs)), unit: 'ms' });
  }
  return rows;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const { file: bundle, dir: bundleDir } = await bundleTokens();
  try {
    for (const [encoding, model] of [['o200k_base', 'gpt-4o'], ['cl100k_base', 'gpt-4']]) {
      const { importMs, loadMs, lazy } = firstLoad(bundle, model);
      if (encoding === 'o200k_base') {
        results.push({
          name: 'import tokens module (bundled)', median: median(importMs), p95: Math.max(...importMs), unit: 'ms',
          bar: 'no encoding loaded on import', pass: lazy, note: `bundle ${(fs.statSync(bundle).size / 1e3).toFixed(0)} KB, rank tables beside it; 7 fresh processes`,
        });
      }
      const m = median(loadMs);
      results.push({ name: `first load + first count, ${encoding}`, median: m, p95: Math.max(...loadMs), unit: 'ms', bar: '≤ 400 ms', pass: m <= 400, note: '7 fresh processes' });
    }
    // The open-weight vocabularies (only ever loaded for a model of their family): the first-Gemini-count bar.
    for (const [encoding, model] of OPEN_WEIGHT_MODELS) {
      const { loadMs } = firstLoad(bundle, model);
      const m = median(loadMs);
      results.push({ name: `first load + first count, ${encoding}`, median: m, p95: Math.max(...loadMs), unit: 'ms', bar: '≤ 150 ms', pass: m <= 150, note: `${model}; 7 fresh processes` });
    }
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }

  countTokens('warm up', 'gpt-4o');
  countTokens('warm up', 'gpt-4');
  for (const [, model] of OPEN_WEIGHT_MODELS) countTokens('warm up', model);
  const counted: [string, string, number][] = [['o200k_base', 'gpt-4o', 0], ['cl100k_base', 'gpt-4', 100_000], ...OPEN_WEIGHT_MODELS.map(([e, m], i): [string, string, number] => [e, m, 200_000 + i * 100_000])];
  for (const [encoding, model, offset] of counted) {
    const times = timeDistinctPrompts((t) => countTokens(t, model), 1000, offset);
    const m = median(times);
    results.push({ name: `count a 2 KB prompt, ${encoding} (1,000 distinct)`, median: m, p95: percentile(times, 0.95), unit: 'ms', bar: '≤ 0.7 ms', pass: m <= 0.7 });
  }

  const cachedPrompt = twoKilobytePrompt(424242);
  countTokens(cachedPrompt, 'gpt-4o');
  const cached = Array.from({ length: 2000 }, () => {
    const t0 = performance.now();
    countTokens(cachedPrompt, 'gpt-4o');
    return performance.now() - t0;
  });
  results.push({ name: 'count an unchanged 2 KB prompt (cache hit)', median: median(cached), p95: percentile(cached, 0.95), unit: 'ms' });

  results.push(worstCase());
  if (process.env.BENCH_SKIP_COMPARISONS !== '1') results.push(...comparisons());
  return results;
}
