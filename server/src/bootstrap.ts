// Entry of `dist/server.js`: runs the language server bundle (dist/server-main.js) through a V8 code cache, so a
// start after the first one skips most of compiling the 1.9 MB bundle (Node 20 has no module.enableCompileCache).
// The cache is a per-user file keyed by the bundle's content, the Node version and the architecture; any problem
// (no cache directory, a stale or rejected cache) falls back to compiling as usual. PROMPT_COST_NO_CODE_CACHE=1
// turns it off.
import * as crypto from 'crypto';
import * as fs from 'fs';
import Module = require('module');
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { BOOTSTRAP_MARKS_KEY, type BootstrapMarks } from './shared/startupMarks';

const bundle = path.join(__dirname, 'server-main.js');
const startedAt = Date.now();

/** For the server's startup timeline (lsp/startupTimeline.ts): read once the bundle runs. */
function leaveMarks(codeCache: BootstrapMarks['codeCache']): void {
  const marks: BootstrapMarks = { startedAt, compiledAt: Date.now(), codeCache };
  (globalThis as Record<string, unknown>)[BOOTSTRAP_MARKS_KEY] = marks;
}

/** The per-user cache directory (never a shared temp dir: a planted cache file would be code run by this user). */
function cacheDirectory(): string {
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'prompt-cost-lens');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'prompt-cost-lens');
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'prompt-cost-lens');
}

function runWithCodeCache(): void {
  const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const key = crypto.createHash('sha256').update(source).update(`${process.version} ${process.arch}`).digest('hex').slice(0, 20);
  const cacheFile = path.join(cacheDirectory(), `server-${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // First start with this bundle and Node: compiled normally, the cache is written at exit.
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const exports = {};
  const main = new Module(bundle, module);
  main.filename = bundle;
  main.exports = exports;
  main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const cacheMissed = !cachedData || script.cachedDataRejected === true;
  if (cacheMissed) process.once('exit', () => writeCache(script, cacheFile));
  leaveMarks(cacheMissed ? 'miss' : 'hit');
  script.runInThisContext().call(exports, exports, Module.createRequire(bundle), main, bundle, __dirname);
}

/** At exit, so the cache also holds the functions compiled while serving (lazily compiled ones are the bulk). */
function writeCache(script: vm.Script, cacheFile: string): void {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    // Written beside, then renamed: a concurrent start never reads half a file.
    const partial = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(partial, cacheFile);
    removeStaleCaches(path.dirname(cacheFile), path.basename(cacheFile));
  } catch {
    // A read-only or missing home directory: the server simply starts without a cache next time.
  }
}

/** Each build or Node version leaves a 1.5 MB file: those unused for a week go. */
function removeStaleCaches(dir: string, current: string): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    if (name === current || !/^server-[0-9a-f]+\.v8cache/.test(name)) continue;
    const file = path.join(dir, name);
    if (fs.statSync(file).mtimeMs < weekAgo) fs.rmSync(file, { force: true });
  }
}

if (process.env.PROMPT_COST_NO_CODE_CACHE === '1') {
  leaveMarks('off');
  require(bundle);
} else {
  runWithCodeCache();
}
