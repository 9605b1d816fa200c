// Runs a composite action's steps locally as a GitHub runner would: inputs with their defaults, `${{ }}` expressions
// in `if:`, `env:` and `with:` (inputs, github, runner, env and steps contexts — the subset action.yml uses), each
// `run:` step as `bash --noprofile --norc -eo pipefail` with its env, GITHUB_ENV / GITHUB_OUTPUT files carried from
// step to step. `uses:` steps cannot run here: they are recorded with their evaluated `with:` for the test to check.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Step { name: string; id?: string; if?: string; shell?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }
interface ActionFile { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }

export interface StepResult { name: string; skipped: boolean; status?: number | null; stdout?: string; stderr?: string; uses?: string; with?: Record<string, string> }

export interface ActionRun {
  steps: StepResult[];
  /** False when a step failed (later steps did not run). */
  success: boolean;
  outputs: Record<string, Record<string, string>>;
  env: Record<string, string>;
}

export function runCompositeAction(actionFile: string, options: { inputs: Record<string, string>; github: Record<string, string>; workspace: string }): ActionRun {
  const action = yaml.load(fs.readFileSync(actionFile, 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = options.inputs[name] ?? String(spec.default ?? '');
  for (const name of Object.keys(options.inputs)) if (!(name in action.inputs)) throw new Error(`unknown input ${name}`);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-runner-'));
  const github = { action_path: path.dirname(actionFile), workspace: options.workspace, ...options.github };
  const runner = { os: 'Linux', temp };
  const env: Record<string, string> = {};
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const context: Record<string, Record<string, unknown>> = { inputs, github, runner, env, steps };
  const lookup = (pathText: string): unknown => pathText.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), context);
  const evaluate = (expr: string): unknown => {
    const js = expr.replace(/\b(inputs|github|runner|env|steps)((?:\.[\w-]+)+)/g, (m) => `lookup(${JSON.stringify(m)})`).replace(/\balways\(\)/g, 'true');
    return new Function('lookup', `return (${js});`)(lookup);
  };
  const interpolate = (text: string): string => String(text).replace(/\$\{\{\s*([\s\S]+?)\s*\}\}/g, (_, e) => String(evaluate(e) ?? ''));
  const results: StepResult[] = [];
  let success = true;
  for (const step of action.runs.steps) {
    if (!success || (step.if !== undefined && !evaluate(step.if.replace(/^\$\{\{|\}\}$/g, '')))) {
      results.push({ name: step.name, skipped: true });
      continue;
    }
    if (step.uses) {
      results.push({ name: step.name, skipped: false, uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(v)])) });
      continue;
    }
    const files = { GITHUB_ENV: path.join(temp, `env-${results.length}`), GITHUB_OUTPUT: path.join(temp, `out-${results.length}`) };
    for (const f of Object.values(files)) fs.writeFileSync(f, '');
    const script = path.join(temp, `step-${results.length}.sh`);
    fs.writeFileSync(script, step.run ?? '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(v)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: options.workspace,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', RUNNER_TEMP: temp, GITHUB_WORKSPACE: options.workspace, ...env, ...stepEnv, ...files },
      maxBuffer: 64 * 1024 * 1024,
    });
    results.push({ name: step.name, skipped: false, status: r.status, stdout: r.stdout, stderr: r.stderr });
    Object.assign(env, parseKeyValues(fs.readFileSync(files.GITHUB_ENV, 'utf8')));
    if (step.id) steps[step.id] = { outputs: parseKeyValues(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')) };
    if (r.status !== 0) success = false;
  }
  return { steps: results, success, outputs: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.outputs])), env };
}

/** `KEY=value` lines (the form the action writes; GitHub's heredoc form is not used). */
function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
