import assert from 'node:assert/strict';
import { lineAt, lineIndex, lineStartsOf } from '../../server/src/engine/text/lineIndex';
import { LineIndex as ReportLines } from '../../server/src/engine/audit/lineIndex';
import { positionAt } from '../../server/src/engine/config/workspaceConfig';

describe('shared line index', () => {
  const text = 'first\r\nsecond\n\nfourth';

  it('starts a line after every \\n (a \\r stays on its line)', () => {
    assert.deepEqual(lineStartsOf(text), [0, 7, 14, 15]);
  });

  it('finds the line of an offset, the line break belonging to the line it ends', () => {
    const starts = lineStartsOf(text);
    assert.deepEqual([0, 6, 7, 13, 14, 15, 21].map((o) => lineAt(starts, o)), [0, 0, 1, 1, 2, 3, 3]);
    assert.equal(lineAt(starts, -3), 0);
    assert.equal(lineAt(starts, 999), 3);
  });

  it('clamps line starts to the text', () => {
    const index = lineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.equal(index.lineStart(1), 7);
    assert.equal(index.lineStart(9), 15);
    assert.equal(index.lineStart(-1), 0);
  });

  it('gives reports and config errors the same 1-based positions', () => {
    const report = new ReportLines(text);
    for (const offset of [0, 3, 7, 14, 17, 40]) assert.deepEqual(positionAt(text, offset), report.position(offset), `offset ${offset}`);
    assert.deepEqual(positionAt(text, 17), { line: 4, column: 3 });
  });
});
