// The labelled fixture set (npm run eval:detection) includes multi-file workspaces: their prompts that cross files are
// found only with the workspace index applied, and the index adds no false positive anywhere in the set.
import { strict as assert } from 'assert';
import { scoreFixtures } from '../detection/labelledFixtures';

describe('labelled fixtures with the workspace index', function () {
  this.timeout(120000);

  it('scores 1.000 / 1.000 with the index; per file alone misses the four cross-file prompts', async () => {
    const withIndex = await scoreFixtures();
    assert.deepEqual([withIndex.falsePositives, withIndex.falseNegatives], [0, 0]);
    const alone = await scoreFixtures({ crossFile: false });
    assert.equal(alone.falsePositives, 0);
    assert.deepEqual(alone.outcomes.filter((o) => o.expected === 'prompt' && !o.detected).map((o) => `${o.file}:${o.line}`), [
      'workspaces/helpdesk/desk.py:26',
      'workspaces/helpdesk/notes/handoff.txt:0',
      'workspaces/helpdesk/texts.py:2',
      'workspaces/helpdesk/texts.py:12',
    ]);
  });
});
