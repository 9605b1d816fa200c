// npm run eval:detection — precision and recall of the detector on the labelled fixtures, with every miss listed.
import { scoreFixtures } from './labelledFixtures';

function preview(text: string): string {
  return JSON.stringify(text.length > 70 ? text.slice(0, 67) + '...' : text);
}

scoreFixtures().then((score) => {
  const labels = score.outcomes.length;
  const negatives = score.outcomes.filter((o) => o.expected === 'none').length;
  console.log(`Labelled strings: ${labels} (${labels - negatives} prompts, ${negatives} negatives)`);
  for (const [language, t] of Object.entries(score.byLanguage)) console.log(`  ${language.padEnd(11)} ${t.positives} prompts, ${t.negatives} negatives`);
  for (const o of score.outcomes) {
    if (o.expected === 'prompt' && !o.detected) console.log(`MISSED          ${o.file}:${o.line}`);
    if (o.expected === 'none' && o.detected) console.log(`FALSE POSITIVE  ${o.file}:${o.line} ${preview(o.prompt!.parts.map((p) => (p.kind === 'text' ? p.text : p.source)).join(''))} (${o.prompt!.signals.map((s) => s.detail).join('; ')})`);
  }
  for (const u of score.unlabelled) console.log(`UNLABELLED HIT  ${u.file}:${u.line} ${preview(u.prompt.parts.map((p) => (p.kind === 'text' ? p.text : p.source)).join(''))} (${u.prompt.signals.map((s) => s.detail).join('; ')})`);
  console.log(`True positives ${score.truePositives}, false positives ${score.falsePositives}, false negatives ${score.falseNegatives}`);
  console.log(`Precision ${score.precision.toFixed(3)}  Recall ${score.recall.toFixed(3)}  (targets: precision ≥ 0.95, recall ≥ 0.97)`);
});
