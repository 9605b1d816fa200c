// The server through Neovim's own LSP client (Debian's nvim 0.7, headless): diagnostics, hover, inlay hints and a
// quickfix code action. Skipped with a message when nvim is not installed.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureBuilt, positionOf, SERVER } from '../protocol/lspHarness';
import { SUPPORT_BOT_PY } from '../protocol/fixtures';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/serverLaunch';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('neovim: the server in Neovim’s built-in LSP client', function () {
  this.timeout(90000);

  it('shows diagnostics, hover and inlay hints, and applies a quickfix', function () {
    if (!hasNvim) this.skip();
    ensureBuilt();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-nvim-'));
    const workspace = path.join(scratch, 'ws');
    fs.mkdirSync(workspace);
    const file = path.join(workspace, 'support_bot.py');
    fs.writeFileSync(file, SUPPORT_BOT_PY);
    const out = path.join(scratch, 'result.json');
    const hoverAt = positionOf(SUPPORT_BOT_PY, 'support assistant');
    // Neovim writes state, shada and logs under HOME/XDG: keep them in the scratch folder.
    const env = {
      ...process.env,
      HOME: scratch,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_STATE_HOME: path.join(scratch, 'state'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
      TMPDIR: scratch,
      PCL_SERVER: SERVER,
      PCL_NODE_OPTIONS: SERVER_NODE_FLAGS.join(' '),
      PCL_ROOT: workspace,
      PCL_FILE: file,
      PCL_OUT: out,
      PCL_HOVER_LINE: String(hoverAt.line),
      PCL_HOVER_COL: String(hoverAt.character),
    };
    const run = spawnSync('timeout', ['60', 'nvim', '--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'lspCheck.lua')}`], {
      env,
      encoding: 'utf8',
      cwd: workspace,
    });
    assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${run.status}): ${run.stderr || run.stdout}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(result.ok, true, `Neovim script failed after steps ${JSON.stringify(result.steps)}: ${result.error}`);

    assert.ok(result.diagnostics.some((d: any) => d.source === 'prompt-cost' && d.code === 'verbose-phrase'), JSON.stringify(result.diagnostics));
    assert.match(result.hover, /Prompt cost/);
    assert.match(result.hover, /\/month/);
    assert.ok(result.inlayHints.some((label: string) => /\d in\b.* · \$[\d.,]+[kM]?\/(?:call|mo)/.test(label)), JSON.stringify(result.inlayHints));
    assert.ok(result.codeActionTitles.length > 0);
    assert.notEqual(result.after, SUPPORT_BOT_PY.replace(/\n$/, ''), 'the quickfix edited the buffer');
    assert.equal(run.status, 0);
  });
});
