// On a terminal the audit shows a progress line (files/s, ETA) and ends with one line (files, prompts, seconds); in a
// pipe, a file or CI log nothing of it appears. The terminal case runs the CLI under a pseudo-TTY (`script`).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ProgressBar } from '../../server/src/cli/terminal';
import { buildOnce, CLI, ROOT, runCli } from './cliHarness';

/** A stream that records what is written, a TTY or not. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY, columns: 200, text: '', write(chunk: string) { stream.text += chunk; return true; } };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('audit progress on a terminal', function () {
  this.timeout(120000);

  it('the line shows files/s and the time left at that rate; the last line files, prompts and seconds', () => {
    let now = 1_000;
    const stream = fakeStream(true);
    const bar = new ProgressBar(stream, () => now);
    bar.update(0, 1000, 0);
    now += 2_000;
    bar.update(400, 1000, 12);
    assert.match(stream.text, /400\/1000 files, 12 prompts, 200 files\/s, ETA 3 s/);
    bar.finish({ files: 1000, prompts: 31, seconds: 5.04, cache: { hits: 990, misses: 10 } });
    assert.match(stream.text, /\r\u001b\[KAudited 1,000 files, 31 prompts in 5\.0 s \(cache: 990 of 1,000 files unchanged\)\n$/);
  });

  it('nothing is written to a stream that is not a TTY', () => {
    const stream = fakeStream(false);
    const bar = new ProgressBar(stream, () => 5_000);
    bar.finding(3);
    bar.update(1, 2, 0);
    bar.finish({ files: 2, prompts: 1, seconds: 0.3 });
    assert.equal(stream.text, '');
  });

  describe('the CLI', () => {
    before(buildOnce);

    it('under a pseudo-TTY: progress redrawn in place and the final line; in a pipe: neither', function () {
      const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
      if (script.error) this.skip(); // util-linux `script` (Debian's bsdutils, always installed) is missing
      const examples = path.join(ROOT, 'examples');
      const tty = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} audit ${JSON.stringify(examples)} --format json --out /dev/null`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.equal(tty.status, 0, tty.stdout + tty.stderr);
      assert.match(tty.stdout, /\r(finding files… \d+|reading cross-file facts… \d+\/\d+ files)\u001b\[K/);
      assert.match(tty.stdout, /Audited \d+ files, \d+ prompts in \d+\.\d s/);
      const piped = runCli(['audit', examples, '--format', 'json'], ROOT);
      assert.equal(piped.status, 0, piped.stderr);
      assert.doesNotMatch(piped.stderr, /Audited|finding files|files\/s|\r/);
      assert.equal(piped.stderr, '');
      JSON.parse(piped.stdout);
    });
  });
});
