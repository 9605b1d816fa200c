#!/usr/bin/env node
// Runs every test/bench/*.bench.ts in its own fresh Node process (through tsx), collects their BenchResult rows,
// prints one table and writes bench-results/bench.json with the machine's details.
// Each bench file exports `async function run(): Promise<BenchResult[]>` with
// BenchResult = { name, median, unit, p95?, bar?, pass?, note? }.
// Usage: node test/bench/run-bench.js [name-filter ...]   (e.g. `tokens` runs only tokens.bench.ts)
// Exit code 1 when a bar is missed (pass === false) or a bench file fails.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const benchDir = __dirname;
const outDir = path.join(root, 'bench-results');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS) || 10 * 60 * 1000;

/** Runs in the child: loads one bench file, awaits run(), writes the rows as JSON to the file named in argv. */
const CHILD_SCRIPT = `
const fs = require('fs');
const [file, out] = process.argv.slice(-2);
(async () => {
  const mod = require(file);
  if (typeof mod.run !== 'function') throw new Error('exports no run() function');
  const rows = await mod.run();
  fs.writeFileSync(out, JSON.stringify(rows));
})().catch((e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
`;

function benchFiles(filters) {
  return fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
    .map((f) => path.join(benchDir, f));
}

function isResult(row) {
  return row && typeof row.name === 'string' && typeof row.median === 'number' && typeof row.unit === 'string';
}

function runFile(file) {
  const label = path.basename(file, '.bench.ts');
  const out = path.join(os.tmpdir(), `pcl-bench-${process.pid}-${label}.json`);
  fs.rmSync(out, { force: true });
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', CHILD_SCRIPT, file, out], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'inherit', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.status !== 0 || !fs.existsSync(out)) {
    const why = child.error ? child.error.message : (child.stderr || '').trim().split('\n').filter((l) => l.trim()).slice(0, 4).join(' | ');
    return { file: label, seconds, error: why || `exit code ${child.status}`, results: [] };
  }
  const rows = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  const bad = Array.isArray(rows) ? rows.filter((r) => !isResult(r)) : [rows];
  if (!Array.isArray(rows) || bad.length) return { file: label, seconds, error: `run() returned malformed rows: ${JSON.stringify(bad).slice(0, 200)}`, results: [] };
  return { file: label, seconds, results: rows };
}

function formatNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 1 ? n.toFixed(2) : abs >= 0.01 ? n.toFixed(3) : n.toPrecision(2);
}

function printTable(rows) {
  const header = ['bench', 'name', 'median', 'p95', 'unit', 'bar', 'pass'];
  const body = rows.map((r) => [
    r.file,
    r.name,
    formatNumber(r.median),
    formatNumber(r.p95),
    r.unit,
    r.bar || '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 3 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  const notes = rows.filter((r) => r.note);
  if (notes.length) {
    console.log('\nNotes:');
    for (const r of notes) console.log(`  ${r.file} / ${r.name}: ${r.note}`);
  }
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0] ? cpus[0].model.trim() : 'unknown',
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

function main() {
  const files = benchFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error(`No bench files matched in ${path.relative(root, benchDir)}/ (*.bench.ts).`);
    process.exit(1);
  }
  const machine = machineInfo();
  console.log(`Benchmarks on ${machine.cpus}× ${machine.model}, Node ${machine.node}\n`);
  const runs = [];
  for (const file of files) {
    process.stdout.write(`running ${path.basename(file)} … `);
    const run = runFile(file);
    console.log(run.error ? `FAILED after ${run.seconds} s: ${run.error}` : `${run.results.length} results in ${run.seconds} s`);
    runs.push(run);
  }
  const rows = runs.flatMap((r) =>
    r.error ? [{ file: r.file, name: '(bench failed)', median: NaN, unit: '', pass: false, note: r.error }] : r.results.map((x) => ({ file: r.file, ...x })),
  );
  console.log('');
  printTable(rows);
  fs.mkdirSync(outDir, { recursive: true });
  const report = {
    machine,
    files: runs.map((r) => ({ file: r.file, seconds: Number(r.seconds), error: r.error })),
    results: rows.map((r) => ({ ...r, median: Number.isFinite(r.median) ? r.median : null })),
  };
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  const failed = rows.filter((r) => r.pass === false);
  console.log(`\nWrote ${path.relative(root, path.join(outDir, 'bench.json'))}. ${failed.length ? `${failed.length} bar(s) missed.` : 'All bars met.'}`);
  process.exit(failed.length ? 1 : 0);
}

main();
