// The Node flags every launcher gives the server (server/src/shared/serverLaunch.ts) must be accepted by Node on the
// command line (the VS Code client's execArgv, the harness) and in NODE_OPTIONS (the Neovim/Helix set-up in
// docs/design/editor.md), and must take effect: fewer V8 worker threads than Node's default.
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/serverLaunch';

/** Threads of a Node process that idles for a moment (Linux /proc), started with `args` and `env`. */
async function threadsOf(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [...args, '-e', 'setTimeout(() => {}, 1500)'], { env, stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 500));
    return fs.readdirSync(`/proc/${child.pid}/task`).length;
  } finally {
    child.kill();
  }
}

describe('server launch flags', function () {
  this.timeout(20000);
  const env = { ...process.env, NODE_OPTIONS: '' };

  it('are accepted on the command line and in NODE_OPTIONS', () => {
    for (const run of [
      spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', '0'], { env, encoding: 'utf8' }),
      spawnSync(process.execPath, ['-e', '0'], { env: { ...env, NODE_OPTIONS: SERVER_NODE_FLAGS.join(' ') }, encoding: 'utf8' }),
    ]) {
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
    }
  });

  it('start fewer V8 worker threads than Node does by default', async function () {
    if (!fs.existsSync('/proc/self/task')) this.skip();
    const plain = await threadsOf([], env);
    assert.ok((await threadsOf([...SERVER_NODE_FLAGS], env)) < plain, 'command line');
    assert.ok((await threadsOf([], { ...env, NODE_OPTIONS: SERVER_NODE_FLAGS.join(' ') })) < plain, 'NODE_OPTIONS');
  });
});
