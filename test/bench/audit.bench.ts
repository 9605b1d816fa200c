// Workspace audit throughput and memory, with the shipped CLI bundle (`node dist/cli.js audit`) end to end:
// a generated tree of 10,000 source files (files/second, and the ratio to ripgrep reading the same tree), RSS on
// 20,000 files, and a real package tree (node_modules/@azure).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface BenchResult {
  name: string;
  median: number;
  unit: string;
  p95?: number;
  bar?: string;
  pass?: boolean;
  note?: string;
}

const root = path.resolve(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');
const RUNS = 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Plain code most files are, and a prompt with an LLM call in every fifth one, in Python, TypeScript and JavaScript. */
function sourceFile(i: number): { name: string; text: string } {
  const kind = i % 3;
  const withPrompt = i % 5 === 0;
  const body: string[] = [];
  if (kind === 0) {
    body.push('import os', 'from openai import OpenAI', '', 'client = OpenAI()', '');
    if (withPrompt) body.push(`SYSTEM_PROMPT_${i} = """You are a support assistant for team ${i}.`, 'Read the message carefully in order to understand the question.', 'Answer briefly and politely."""', '');
    for (let f = 0; f < 12; f++) body.push(`def helper_${f}(value, scale=${f}):`, `    """Scale a value for report ${f}."""`, `    total = value * scale + ${i % 97}`, `    return {"name": "item-${f}", "total": total}`, '');
    if (withPrompt) body.push('def ask(question):', '    return client.chat.completions.create(', '        model="gpt-4o-mini",', `        messages=[{"role": "system", "content": SYSTEM_PROMPT_${i}}, {"role": "user", "content": question}],`, '    )');
    return { name: `pkg${i % 50}/module_${i}.py`, text: body.join('\n') + '\n' };
  }
  body.push("import OpenAI from 'openai';", 'const openai = new OpenAI();', '');
  if (withPrompt) body.push(`export const SYSTEM_PROMPT_${i} = \`You classify feedback for team ${i}.`, 'Make sure that you only answer with JSON.`;', '');
  for (let f = 0; f < 12; f++) body.push(`export function helper${f}(value${kind === 1 ? ': number' : ''}) {`, `  const label = 'item-${f}';`, `  return { label, total: value * ${f} + ${i % 97} };`, '}', '');
  if (withPrompt) body.push('export async function ask(q) {', "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: " + `SYSTEM_PROMPT_${i}` + " }, { role: 'user', content: q }] });", '}');
  return { name: `web${i % 50}/module_${i}.${kind === 1 ? 'ts' : 'js'}`, text: body.join('\n') + '\n' };
}

export function generateTree(files: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-audit-bench-'));
  for (let i = 0; i < files; i++) {
    const { name, text } = sourceFile(i);
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** One CLI audit: wall time, peak RSS (from a preload hook), and the JSON report's totals. */
function auditOnce(dir: string, threads?: number): { seconds: number; rssMb: number; files: number; prompts: number; skipped: number } {
  const hook = path.join(os.tmpdir(), 'pcl-rss-hook.js');
  fs.writeFileSync(hook, "process.on('exit', () => require('fs').writeSync(2, `\\nPCL_MAX_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");
  const out = path.join(os.tmpdir(), `pcl-audit-bench-${process.pid}.json`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', hook, CLI, 'audit', '.', '--format', 'json', '--out', out, '--no-gitignore', ...(threads === undefined ? [] : ['--threads', String(threads)])], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`audit failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  const rssKb = Number(/PCL_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return { seconds, rssMb: rssKb / 1024, files: report.totals.files, prompts: report.totals.prompts, skipped: report.skipped.length };
}

function ripgrepSeconds(dir: string): number | undefined {
  const start = process.hrtime.bigint();
  // Reads every file's content (a pattern that never matches forces a full scan), like the audit must.
  const result = spawnSync('rg', ['-uu', '--no-messages', '-c', 'zq_never_matches_qz', '.'], { cwd: dir, encoding: 'utf8' });
  if (result.error) return undefined;
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function run(): Promise<BenchResult[]> {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.js` first (npm run bench does)');
  const rows: BenchResult[] = [];
  const cores = os.cpus().length;

  const tree = generateTree(10_000);
  try {
    const runs = Array.from({ length: RUNS }, () => auditOnce(tree));
    const threaded = auditOnce(tree, 2);
    const seconds = median(runs.map((r) => r.seconds));
    const filesPerSecond = runs[0].files / seconds;
    rows.push({ name: `audit 10,000 generated files (${runs[0].prompts} prompts), CLI end to end (default: main thread)`, median: Math.round(filesPerSecond), unit: 'files/s', bar: '≥ 1,000 files/s on 2 cores', pass: filesPerSecond >= 1000, note: `${seconds.toFixed(2)} s wall, ${cores} cores, load ${os.loadavg()[0].toFixed(1)}, peak RSS ${Math.round(median(runs.map((r) => r.rssMb)))} MB` });
    rows.push({ name: 'same tree, --threads 2 (worker threads)', median: Math.round(threaded.files / threaded.seconds), unit: 'files/s', note: `${threaded.seconds.toFixed(2)} s wall, peak RSS ${Math.round(threaded.rssMb)} MB (workers included)` });
    const rg = median(Array.from({ length: RUNS }, () => ripgrepSeconds(tree) ?? NaN));
    if (Number.isFinite(rg)) {
      rows.push({ name: 'rg reading the same 10,000 files', median: Number(rg.toFixed(3)), unit: 's' });
      rows.push({ name: 'audit time / rg time (same tree)', median: Number((seconds / rg).toFixed(1)), unit: '×', bar: '≤ 5×', pass: seconds / rg <= 5 });
    }
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }

  const big = generateTree(20_000);
  try {
    const r = auditOnce(big);
    rows.push({ name: `peak RSS auditing 20,000 files (${r.prompts} prompts)`, median: Math.round(r.rssMb), unit: 'MB', bar: '≤ 300 MB', pass: r.rssMb <= 300, note: `${(r.files / r.seconds).toFixed(0)} files/s` });
  } finally {
    fs.rmSync(big, { recursive: true, force: true });
  }

  // Real code: the largest package tree among this repository's dependencies (1,847 JS files). The whole of
  // node_modules (11,000 files, many of them 0.5–1 MB bundles) takes minutes and would stretch the bench.
  const real = path.join(root, 'node_modules', '@azure');
  const r = auditOnce(real);
  rows.push({ name: `audit ${path.relative(root, real)} (real code: ${r.files} files read, ${r.skipped} skipped, ${r.prompts} prompts)`, median: Math.round(r.files / r.seconds), unit: 'files/s', note: `${r.seconds.toFixed(1)} s, peak RSS ${Math.round(r.rssMb)} MB` });
  return rows;
}
