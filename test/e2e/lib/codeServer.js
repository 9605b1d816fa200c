// Starts and stops one throwaway code-server (the real VS Code 1.100.3 workbench, installed by test/e2e/setup-vscode.sh).
// Every run gets its own state folder under $PCL_VSCODE_HOME (default ~/.cache/pcl-vscode/run-XXXXXX): user data,
// extensions, XDG dirs, log and a fresh copy of the workspace, so runs never see each other's edits or settings.
// code-server is spawned detached (its own session and process group) and stopped by killing that whole group:
// it forks the extension host, file watchers and our language server, which would otherwise be orphaned.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const CS_VERSION = '4.100.3';
const HOME_DIR = path.resolve(process.env.PCL_VSCODE_HOME || path.join(os.homedir(), '.cache', 'pcl-vscode'));
const CS_ENTRY = path.join(HOME_DIR, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
// Unix socket paths are limited to 107 bytes; the extension host's IPC socket name adds about 65 to XDG_RUNTIME_DIR.
const SOCKET_NAME_ALLOWANCE = 65;
const UNIX_SOCKET_PATH_MAX = 107;

/** Settings every run starts with: no welcome page, no trust prompt, no telemetry, and no autosave (tests edit files). */
const BASE_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'editor.hover.delay': 100,
  'files.autoSave': 'off',
  'window.commandCenter': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

function codeServerInstalled() {
  try {
    return fs.existsSync(CS_ENTRY) &&
      JSON.parse(fs.readFileSync(path.join(path.dirname(CS_ENTRY), '..', '..', 'package.json'), 'utf8')).version === CS_VERSION;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (r) => {
      r.resume();
      resolve(r.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh state folder: short path (socket limit), unique per run. */
function makeRunDir(prefix = 'run-') {
  fs.mkdirSync(HOME_DIR, { recursive: true });
  return fs.mkdtempSync(path.join(HOME_DIR, prefix));
}

/** Environment that keeps code-server's, the extension host's and git's state inside the run folder. */
function isolatedEnv(runDir, extra = {}) {
  const xdg = (k) => path.join(runDir, 'xdg', k);
  const env = { ...process.env, XDG_DATA_HOME: xdg('data'), XDG_CONFIG_HOME: xdg('config'), XDG_CACHE_HOME: xdg('cache'), ...extra };
  if (xdg('runtime').length + SOCKET_NAME_ALLOWANCE < UNIX_SOCKET_PATH_MAX) {
    fs.mkdirSync(xdg('runtime'), { recursive: true, mode: 0o700 });
    env.XDG_RUNTIME_DIR = xdg('runtime');
  }
  return env;
}

function writeUserSettings(userDataDir, settings = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...BASE_USER_SETTINGS, ...settings }, null, 2));
  return file;
}

/** Installs a packaged .vsix the way a user does (`--install-extension`); throws with code-server's output on failure. */
function installVsix({ vsix, userDataDir, extensionsDir, env }) {
  const r = spawnSync(process.execPath, [CS_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120000 });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  return out.trim();
}

/**
 * Starts code-server on a free 127.0.0.1 port.
 * @param {object} o
 * @param {string} [o.workspaceSource] folder copied afresh into the run folder and opened (its basename is kept)
 * @param {string} [o.vsix] packaged extension installed before start
 * @param {object} [o.userSettings] merged over BASE_USER_SETTINGS
 * @param {object} [o.env] extra environment for code-server and so for the extension host and language server
 * @param {string} [o.runDir] state folder (default: a new one)
 * @param {string} [o.userDataDir] user data folder (default: <runDir>/udd)
 * @param {string} [o.extensionsDir] extensions folder (default: <runDir>/ext)
 */
async function startCodeServer(o = {}) {
  if (!codeServerInstalled()) {
    throw new Error(`code-server ${CS_VERSION} is not installed in ${HOME_DIR}/cs: run bash test/e2e/setup-vscode.sh`);
  }
  const runDir = o.runDir || makeRunDir();
  const userDataDir = path.resolve(o.userDataDir || path.join(runDir, 'udd'));
  const extensionsDir = path.resolve(o.extensionsDir || path.join(runDir, 'ext'));
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, o.userSettings);
  let workspace;
  if (o.workspaceSource) {
    workspace = path.join(runDir, path.basename(o.workspaceSource));
    fs.cpSync(o.workspaceSource, workspace, { recursive: true });
  }
  const env = isolatedEnv(runDir, o.env);
  const installLog = o.vsix ? installVsix({ vsix: o.vsix, userDataDir, extensionsDir, env }) : '';
  const port = await freePort();
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [CS_ENTRY, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'];
  if (workspace) args.push(workspace);
  // detached = setsid(): the child leads a new process group whose id is its pid, so stop() can kill the whole tree.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let stopped = false;
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  async function stop({ keepState = !!process.env.PCL_KEEP_RUN } = {}) {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    await Promise.race([exited, sleep(8000)]);
    // Children (extension host, watchers, language server) may outlive the leader for a moment.
    for (let i = 0; i < 20 && groupAlive(child.pid); i++) await sleep(250);
    killGroup('SIGKILL');
    process.removeListener('exit', onExit);
    if (!keepState) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  const t0 = Date.now();
  for (;;) {
    if (await healthy(port)) break;
    const early = await Promise.race([exited, sleep(200).then(() => null)]);
    if (early || Date.now() - t0 > 60000) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
      await stop({ keepState: true });
      throw new Error(`code-server did not become healthy on port ${port}${early ? ` (exited ${JSON.stringify(early)})` : ''}:\n${log}`);
    }
  }
  return { port, base: `http://127.0.0.1:${port}`, runDir, workspace, userDataDir, extensionsDir, logFile, installLog,
    pid: child.pid, startupMs: Date.now() - t0, stop };
}

/** True while any process of the group is alive (signal 0 only checks). */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Log files of the extension host and the remote agent (where activation errors and our server's stderr end up). */
function extensionHostLogs(runDir) {
  const logsRoot = path.join(runDir, 'udd', 'logs');
  const found = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost|remoteagent|Prompt Cost/i.test(p)) found.push(p);
    }
  };
  walk(logsRoot);
  return found;
}

/** Keeps the logs that explain a failure under `dir`: code-server's, the extension host's and our language server's. */
function saveFailureLogs(server, dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of [server.logFile, ...extensionHostLogs(server.runDir)]) {
    fs.copyFileSync(f, path.join(dir, path.relative(server.runDir, f).replace(/[\\/]/g, '__')));
  }
}

module.exports = {
  CS_VERSION, HOME_DIR, CS_ENTRY, BASE_USER_SETTINGS, codeServerInstalled, freePort, healthy, makeRunDir, isolatedEnv,
  writeUserSettings, installVsix, startCodeServer, extensionHostLogs, saveFailureLogs,
};
