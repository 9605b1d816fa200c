// `prompt-cost:` comments: force, ignore, volume, output and model. The volume after `calls=` is read by the same
// parser as `.promptcost.json` volumes and the settings (config/callRate.ts), so every spelling means the same there.
import { strict as assert } from 'assert';
import { parseAnnotation } from '../../server/src/engine/detection/annotations';
import { parseCallRate } from '../../server/src/engine/config/callRate';

describe('prompt-cost annotations', () => {
  const cases: [string, ReturnType<typeof parseAnnotation>][] = [
    ['# prompt-cost: prompt', { force: true }],
    ['// prompt-cost: ignore', { ignore: true }],
    ['/* prompt-cost: calls=20000/day output=300 model=gpt-4o-mini */', { callsPerDay: 20000, outputTokens: 300, model: 'gpt-4o-mini' }],
    ['# prompt-cost: calls=20k/day', { callsPerDay: 20000 }],
    ['# prompt-cost: calls=500/hour', { callsPerDay: 12000 }],
    ['# prompt-cost: calls=1.5M/month', { callsPerDay: 50000 }],
    ['# prompt-cost: calls=2/s', { callsPerDay: 172800 }],
    ['# prompt-cost: calls=70/week output=1k', { callsPerDay: 10, outputTokens: 1000 }],
    ['# prompt-cost: calls=lots', {}],
    ['# an ordinary comment', undefined],
  ];
  for (const [comment, expected] of cases) {
    it(`${comment} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseAnnotation(comment), expected));
  }

  it('reads every volume spelling exactly as .promptcost.json does', () => {
    for (const written of ['20000/day', '500/hour', '10000/month', '70/week', '3/minute', '20k/day', '1.5M/month', '2/s', '42', '5m', '5min']) {
      assert.equal(parseAnnotation(`# prompt-cost: calls=${written}`)?.callsPerDay, parseCallRate(written)?.callsPerDay, written);
    }
  });
});
