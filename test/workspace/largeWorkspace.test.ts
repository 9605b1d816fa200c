// A 10,000-file workspace (issue 14, bad input): the index's first pass ends, reads every file once through the
// relevance sketch and parses only the files that reach a model (there is no file-count cap to report: the sketch is
// what keeps a large tree bounded). Time and memory are measured in `npm run bench` (crossFile.bench.ts), not here.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { buildCrossFileIndex } from '../../server/src/engine/audit/crossFileIndex';
import { generateLargeWorkspace } from '../bench/crossFile.bench';

describe('workspace index: a 10,000-file workspace', function () {
  this.timeout(300000);

  it('ends, parses only the 200 files of services that call models, and finds their texts across files', async () => {
    const root = generateLargeWorkspace(10_000, 200);
    try {
      const index = await buildCrossFileIndex({ paths: [root], baseDir: root, maxFileBytes: 2_000_000 });
      // 10 services of 20 files: per service the Python llm.py, texts.py and 8 features and the TypeScript 2 + 6 —
      // not the prompt .md, not the empty __init__.py (it neither calls nor is imported), none of the 9,800 plain modules.
      assert.equal(index.files, 180);
      assert.deepEqual((index.findingsFor('svc0/texts.py') ?? []).map((f) => `${f.symbol} ${f.model?.name}`).sort(), ['RULES gpt-4o-mini', 'TABLE.summary gpt-4o-mini']);
      assert.deepEqual((index.findingsFor('web0/lib/guides.ts') ?? []).map((f) => `${f.symbol} ${f.model?.name}`), ['GUIDE gpt-4.1-mini']);
      assert.equal(index.findingsFor('lib/pkg0/util_1.py'), undefined);
      assert.deepEqual(index.problems, []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
