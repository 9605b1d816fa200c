// The workspace index (issue 14): time and memory to build it for a generated 2,000-file workspace — Python and
// TypeScript services whose modules call an app wrapper defined elsewhere, import prompt constants and tables, and
// load Markdown prompt files — in this process, as the CLI's first pass does (buildCrossFileIndex); then for a
// 10,000-file tree where a tenth of the files are such services and the rest plain modules importing one another.
// The 10,000-file peak RSS is measured after the 2,000-file runs in the same process (the larger of the two).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCrossFileIndex } from '../../server/src/engine/audit/crossFileIndex';
import { clearFactsCache } from '../../server/src/engine/detection/workspace/factsOf';
import { type BenchResult } from './benchStats';

const FILES = 2_000;

function helpers(n: number, python: boolean): string[] {
  const out: string[] = [];
  for (let f = 0; f < 8; f++) {
    if (python) out.push(`def helper_${f}(value, scale=${f}):`, `    """Scale a value for report ${f}."""`, `    if value is None:`, `        raise ValueError("value for report ${f} is missing")`, `    return {"name": "item-${n}-${f}", "total": value * scale}`, '');
    else out.push(`export function helper${f}(value: number, scale = ${f}): { name: string; total: number } {`, `  if (value < 0) throw new Error("negative value for report ${f}");`, `  return { name: "item-${n}-${f}", total: value * scale };`, '}', '');
  }
  return out;
}

/** Writes the tree and returns its root. One service in 20 is Python+TS wrapper/prompt modules; the rest call them. */
export function generateWorkspace(files = FILES): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-xfile-'));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  let written = 0;
  for (let s = 0; written < files; s++) {
    const py = `svc${s}`;
    write(`${py}/__init__.py`, '');
    write(`${py}/llm.py`, ['from openai import OpenAI', '', 'class LLM:', '    def __init__(self, model="gpt-4o-mini"):', '        self.client = OpenAI()', '        self.model = model', '', '    def ask(self, prompt, system=None):', '        messages = []', '        if system:', '            messages.append({"role": "system", "content": system})', '        messages.append({"role": "user", "content": prompt})', '        return self.client.chat.completions.create(model=self.model, messages=messages)', ''].join('\n'));
    write(`${py}/texts.py`, [`RULES = "Answer questions about service ${s} in two sentences."`, `TABLE = {"summary": "Summarize the ticket for service ${s}.", "reply": "Draft a reply for service ${s}."}`, ''].join('\n'));
    write(`${py}/prompts/system.md`, `You are the assistant of service ${s}. Be brief.\n`);
    written += 4;
    for (let m = 0; m < 8 && written < files; m++, written++) {
      write(`${py}/feature_${m}.py`, ['from pathlib import Path', `from ${py}.llm import LLM`, `from ${py}.texts import RULES, TABLE`, '', 'llm = LLM()', `SYSTEM = (Path(__file__).parent / "prompts" / "system.md").read_text()`, '', ...helpers(m, true),
        `def run_${m}(ticket):`, '    return llm.ask(ticket, system=RULES)', '', `def summary_${m}(ticket):`, '    return llm.ask(ticket, system=TABLE["summary"])', '', `def greet_${m}(name):`, `    return llm.ask(f"Greet {name} from feature ${m}.", system=SYSTEM)`, ''].join('\n'));
    }
    const ts = `web${s}`;
    write(`${ts}/lib/ai.ts`, ['import OpenAI from "openai";', 'const client = new OpenAI();', 'export async function callModel(system: string, user: string) {', '  return client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "system", content: system }, { role: "user", content: user }] });', '}', ''].join('\n'));
    write(`${ts}/lib/guides.ts`, `export const GUIDE = "Review the change for service ${s}: bugs first, then naming.";\n`);
    written += 2;
    for (let m = 0; m < 6 && written < files; m++, written++) {
      write(`${ts}/app/page${m}.ts`, ['import { callModel } from "../lib/ai";', 'import { GUIDE } from "../lib/guides";', '', ...helpers(m, false), `export function review${m}(diff: string) {`, '  return callModel(GUIDE, diff);', '}', `export function title${m}(text: string) {`, `  return callModel("Write a title for page ${m} in six words.", text);`, '}', ''].join('\n'));
    }
  }
  return root;
}

/**
 * A 10,000-file tree as large repositories are: the generated services above for `relevant` of the files, and for
 * the rest plain modules (utilities importing one another in chains and cycles, tests, scripts) that never reach a model.
 */
export function generateLargeWorkspace(files = 10_000, relevant = 1_000): string {
  const root = generateWorkspace(relevant);
  const plain = files - relevant;
  for (let i = 0; i < plain; i++) {
    const dir = `lib/pkg${Math.floor(i / 100)}`;
    const next = (i + 2) % plain; // same language: two long import cycles
    const rel = i % 2 ? `${dir}/util_${i}.py` : `${dir}/util_${i}.ts`;
    const text = i % 2
      ? [`from lib.pkg${Math.floor(next / 100)}.util_${next} import *`, '', ...helpers(i, true), `def describe_${i}(item):`, `    return f"item {item} of module ${i}"`, ''].join('\n')
      : [`import { helper0 } from "../pkg${Math.floor(next / 100)}/util_${next}";`, '', ...helpers(i, false), `export const label${i} = (x: number) => \`module ${i}: \${helper0(x).name}\`;`, ''].join('\n');
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Median of three cold builds of the index over a generated tree, with CPU time and peak RSS. */
async function measure(root: string): Promise<{ seconds: number; times: number[]; cpu: number[]; parsed: number; peakMb: number; rssBeforeMb: number }> {
  const rssBefore = process.memoryUsage().rss;
  const times: number[] = [];
  const cpu: number[] = [];
  let parsed = 0;
  let peak = rssBefore;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  for (let i = 0; i < 3; i++) {
    clearFactsCache(); // cold each time: every file parsed (the grammars stay loaded after the first run)
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const index = await buildCrossFileIndex({ paths: [root], baseDir: root, maxFileBytes: 2_000_000 });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    parsed = index.files;
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: [...times].sort((a, b) => a - b)[1] / 1000, times, cpu, parsed, peakMb: Math.round(peak / 1e6), rssBeforeMb: Math.round(rssBefore / 1e6) };
}

async function large(): Promise<BenchResult[]> {
  const root = generateLargeWorkspace();
  try {
    const m = await measure(root);
    return [
      { name: `workspace index, 10,000 generated files (1,000 in services that call models, ${m.parsed} code files parsed)`, median: Number(m.seconds.toFixed(2)), unit: 's', note: `median of 3 cold runs (${m.times.map((t) => (t / 1000).toFixed(2)).join(', ')} s wall; CPU ${m.cpu.map((t) => (t / 1000).toFixed(2)).join(', ')} s); no bar in issue 14 beyond bounded, load ${os.loadavg()[0].toFixed(1)}` },
      { name: 'workspace index, 10,000 files: peak RSS of the process', median: m.peakMb, unit: 'MB', note: `RSS before ${m.rssBeforeMb} MB` },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await twoThousand()), ...(await large())];
}

async function twoThousand(): Promise<BenchResult[]> {
  const root = generateWorkspace();
  try {
    const m = await measure(root);
    return [
      { name: `workspace index, ${FILES.toLocaleString('en-US')} generated files (${m.parsed} code files parsed), first pass of the audit`, median: Number(m.seconds.toFixed(2)), unit: 's', bar: '≤ 10 s on 2 cores', pass: m.seconds <= 10, note: `median of 3 cold runs (${m.times.map((t) => (t / 1000).toFixed(2)).join(', ')} s wall; CPU ${m.cpu.map((t) => (t / 1000).toFixed(2)).join(', ')} s; every file is relevant here, the worst case), load ${os.loadavg()[0].toFixed(1)}` },
      { name: 'workspace index: peak RSS of the process', median: m.peakMb, unit: 'MB', bar: '≤ 300 MB', pass: m.peakMb <= 300, note: `RSS before ${m.rssBeforeMb} MB` },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
