import assert from 'node:assert/strict';
import { formatPricePerMillion, formatUsd, formatUsdInFull, groupThousands } from '../../server/src/engine/views/format';
import { usd } from '../../server/src/engine/report/numbers';

describe('one way to show a dollar figure', () => {
  it('editor (hint, hover, sidebar, status bar): compact from $10 up', () => {
    assert.deepEqual([0.00021, 0.001, 4.2, 63.4, 12_500, 1_250_000].map(formatUsd), ['$0.00021', '$0.0010', '$4.20', '$63', '$12.5k', '$1.3M']);
    assert.equal(formatUsd(undefined), '—');
  });

  it('reports: cents up to $100, whole dollars with separators above, unpriced as a word', () => {
    assert.deepEqual([63.4, 12_500, 1_250_000].map(formatUsdInFull), ['$63.40', '$12,500', '$1,250,000']);
    assert.equal(usd(null), 'unpriced');
  });

  it('below a dollar the editor and the reports print the same two significant digits', () => {
    for (const amount of [0.00021, 0.001, 0.0055, 0.05, 0.5, -0.002]) assert.equal(usd(amount), formatUsd(amount), String(amount));
    assert.equal(usd(0.0000004), '<$0.000001');
  });

  it('an amount that rounds up to a dollar reads as a dollar, not $1.0', () => {
    assert.equal(formatUsd(0.999), '$1.00');
    assert.equal(usd(0.9999), '$1.00');
  });

  it('prices per million tokens', () => {
    assert.deepEqual([2.5, 0.075, 0.15].map(formatPricePerMillion), ['$2.50/M', '$0.075/M', '$0.15/M']);
    // Two decimals at least, as other dollar figures (the hover read `$3.00/M input · cached $0.3/M`); small prices keep
    // their digits instead of rounding to $0.
    assert.deepEqual([0.3, 0.8, 0.08, 0.0375, 0.00001, 0, 1234.5].map(formatPricePerMillion), ['$0.30/M', '$0.80/M', '$0.08/M', '$0.0375/M', '$0.00001/M', '$0.00/M', '$1234.50/M']);
  });

  it('groups digits exactly as en-US does, without loading ICU', () => {
    const values = [0, 7, 999, 1000, 12_345, -1234, 1_000_000, 987_654_321, 2 ** 53, -0, 0.4, -0.4];
    for (let n = 1; n < 1e15; n = n * 7 + 3) values.push(n, -n);
    for (const v of values) assert.equal(groupThousands(v), Math.round(v).toLocaleString('en-US').replace(/^-0$/, '0'), String(v));
    for (const v of [0, 0.5, 12.345, 1234.5, -98765.432, 1e6 + 0.125]) {
      assert.equal(groupThousands(v, 2), v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), String(v));
    }
    assert.equal(groupThousands(Number.NaN), 'NaN');
    assert.equal(groupThousands(-0.001, 2), '0.00');
  });
});
