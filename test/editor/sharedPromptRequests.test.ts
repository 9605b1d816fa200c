// A text several calls send (issue 15): the hover lists every request (model, per call, per month) and their sum;
// the inline hint shows the sum with the count (docs/design/numbers.md, "One prompt, several requests").
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { formatUsd } from '../../server/src/engine/views/format';
import { hoverMarkdown } from '../../server/src/lsp/hover';
import { hintLabel } from '../../server/src/lsp/hintLabel';
import { toInlayHint } from '../../server/src/lsp/inlayHints';
import { EXTRACT_PY } from '../cli/sharedPromptFixture';

const URI = 'file:///w/app/extract.py';

async function analyzed() {
  const analysis = await analyzeDocument({ uri: URI, fileName: 'app/extract.py', languageId: 'python', text: EXTRACT_PY }, { settings: defaultSettings(), relativePath: 'app/extract.py' });
  return { analysis, extract: analysis.prompts.find((p) => p.prompt.id === 'app/extract.py#EXTRACT')! };
}

describe('one prompt, several requests: hover, hint and file totals', () => {
  it('prices the text once per request, each on its call\'s model and volume', async () => {
    const { analysis, extract } = await analyzed();
    assert.equal(extract.moreRequests?.length, 1);
    const models = [extract.cost.model.id, extract.moreRequests![0].cost.model.id].sort();
    assert.deepEqual(models, ['claude-sonnet-4-5', 'gpt-4o-mini']);
    // Both calls open with EXTRACT: each share carries its call's reply.
    assert.equal(extract.cost.tokens.output, 250);
    assert.equal(extract.moreRequests![0].cost.tokens.output, 250);
    // The user message of the gpt-4o-mini call is its second message now: no second reply.
    const user = analysis.prompts.find((p) => p.prompt.id !== extract.prompt.id)!;
    assert.equal(user.cost.tokens.output, 0);
    const sum = analysis.prompts.reduce((s, p) => s + (p.cost.costPerMonth ?? 0) + (p.moreRequests ?? []).reduce((t, m) => t + (m.cost.costPerMonth ?? 0), 0), 0);
    assert.ok(Math.abs(analysis.totals.monthlyCost - sum) < 1e-9);
    assert.equal(analysis.totals.requests, 2);
    assert.equal(analysis.totals.prompts, 2);
  });

  it('the hover lists each request with its model, cost per call and per month, and the sum', async () => {
    const { extract } = await analyzed();
    const md = hoverMarkdown(extract, [], URI);
    const total = (extract.cost.costPerMonth ?? 0) + (extract.moreRequests![0].cost.costPerMonth ?? 0);
    assert.match(md, new RegExp(`Sent by \\*\\*2 requests\\*\\* — together \\*\\*${formatUsd(total).replace(/[$.]/g, '\\$&')}/month\\*\\*`));
    for (const share of [extract.cost, extract.moreRequests![0].cost]) {
      const line = md.split('\n').find((l) => l.startsWith(`- \`${share.model.id}\``));
      assert.ok(line, md);
      assert.ok(line.includes(`${formatUsd(share.costPerCall)}/call · ${formatUsd(share.costPerMonth)}/month`), line);
    }
    assert.match(md, /call at app\/extract\.py:7\)/);
    assert.match(md, /call at app\/extract\.py:13\)/);
  });

  it('the inline hint shows the sum over the requests with their count; one request keeps the usual hint', async () => {
    const { analysis, extract } = await analyzed();
    const document = TextDocument.create(URI, 'python', 1, EXTRACT_PY);
    const total = (extract.cost.costPerMonth ?? 0) + (extract.moreRequests![0].cost.costPerMonth ?? 0);
    const hint = toInlayHint(extract, document, 'full');
    assert.equal(extract.cost.model.id, 'gpt-4o-mini', 'its own request is the first call in the file');
    assert.equal(hint.label, `${extract.cost.tokens.input} tok · 2 requests · ${formatUsd(total)}/mo`);
    assert.match(String(hint.tooltip), /^Sent by 2 requests:\n/);
    assert.match(String(hint.tooltip), /gpt-4o-mini \(app\/extract\.py:7\): \$[\d.]+\/call/);
    assert.equal(toInlayHint(extract, document, 'tokens').label, hintLabel(extract.cost, 'tokens'));
    const user = analysis.prompts.find((p) => p.prompt.id !== extract.prompt.id)!;
    assert.doesNotMatch(String(toInlayHint(user, document, 'full').label), /requests/);
  });
});
