// `prompt-cost count` on inputs a user may pipe in by mistake: a huge unbroken run (minified data, base64) and a
// binary file. A count or a clear message, never an internal error.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { countOrdinary } from '../../server/src/engine/tokens/encodings';
import { buildOnce, runCli, scratch } from './cliHarness';

describe('prompt-cost count on large input', function () {
  this.timeout(60000);
  before(buildOnce);

  it('counts a 12-million-character run without a break (it threw "Maximum call stack size exceeded")', () => {
    const root = scratch({});
    fs.writeFileSync(path.join(root, 'blob.txt'), 'A'.repeat(12_000_000));
    const result = runCli(['count', '--format', 'json', 'blob.txt'], root);
    assert.equal(result.status, 0, result.stderr);
    const out = JSON.parse(result.stdout);
    assert.ok(out.inputTokens > 1_000_000, `a plausible count: ${out.inputTokens}`);
    assert.equal(out.tokensExact, false, 'an over-long piece is an estimate');
  });

  it('the engine: the same run, and ordinary text still counts exactly', () => {
    assert.equal(countOrdinary('o200k_base', 'b'.repeat(11_000_000)).exact, false);
    assert.equal(countOrdinary('o200k_base', 'word '.repeat(2000)).exact, true, 'ordinary text stays exact');
  });
});
