import { strict as assert } from 'assert';
import { ProgressType } from 'vscode-jsonrpc';
import { LspSession } from '../protocol/lspHarness';
import { buildOnce, runCli } from '../cli/cliHarness';
import { notebookJson, REVIEW_NOTEBOOK_CELLS, SUPPORT_PY, CLASSIFIER_TS } from '../cli/fixtures';

describe('promptCost/audit in the language server', function () {
  this.timeout(60000);
  let session: LspSession | undefined;
  before(buildOnce);
  after(async () => {
    await session?.shutdown().catch(() => session?.process.kill());
  });

  it('audits the workspace folder with work-done progress and the same total as the CLI, then exports', async () => {
    session = await LspSession.start({
      files: { 'app/support.py': SUPPORT_PY, 'web/classifier.ts': CLASSIFIER_TS, 'nb/review.ipynb': notebookJson(REVIEW_NOTEBOOK_CELLS), 'vendor/skip.py': SUPPORT_PY },
    });
    const kinds: string[] = [];
    session.connection.onProgress(new ProgressType<{ kind: string }>(), 'audit-1', (value) => kinds.push(value.kind));
    const result = await session.request('promptCost/audit', { workDoneToken: 'audit-1', excludes: ['vendor/**'] });
    assert.equal(result.cancelled, false);
    const files = [...new Set(result.report.prompts.map((p: { file: string }) => p.file))];
    assert.deepEqual(files, ['app/support.py', 'nb/review.ipynb', 'web/classifier.ts'], 'the editor excludes are honoured');
    await new Promise((r) => setTimeout(r, 200)); // the `end` notification follows the response
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const cli = JSON.parse(runCli(['audit', '--format', 'json', '--exclude', 'vendor/**'], session.folder).stdout);
    assert.equal(result.report.totals.monthlyCost, cli.totals.monthlyCost, 'server and CLI agree');
    assert.deepEqual(result.report.prompts, cli.prompts);
    const md = await session.request('promptCost/exportAudit', { format: 'md' });
    assert.match(md.content, /^# Prompt cost audit/);
    const sarif = JSON.parse((await session.request('promptCost/exportAudit', { format: 'sarif' })).content);
    assert.equal(sarif.version, '2.1.0');
  });

  it('progress: an indeterminate walk first, then files against a fixed total that the report states', async () => {
    const files: Record<string, string> = { 'big/huge.py': `${SUPPORT_PY}\n${'# padding\n'.repeat(200)}` };
    for (let i = 0; i < 30; i++) files[`app/m${String(i).padStart(2, '0')}.py`] = i % 3 === 0 ? SUPPORT_PY : `VALUE_${i} = ${i}\n`;
    const own = await LspSession.start({ files, settings: { maxFileBytes: 1000 } });
    try {
      const values: { kind: string; percentage?: number; message?: string }[] = [];
      own.connection.onProgress(new ProgressType<{ kind: string }>(), 'audit-2', (value) => values.push(value));
      const result = await own.request('promptCost/audit', { workDoneToken: 'audit-2' });
      await new Promise((r) => setTimeout(r, 200));
      const [begin] = values;
      assert.equal(begin.kind, 'begin');
      assert.equal(begin.percentage, undefined, 'no percentage while the walk runs: an indeterminate bar');
      const counted = values.filter((v) => v.kind === 'report' && v.percentage !== undefined).map((v) => /^(\d+)\/(\d+) files/.exec(v.message ?? ''));
      assert.ok(counted.length > 0 && counted.every(Boolean), JSON.stringify(values));
      const totals = new Set(counted.map((m) => m![2]));
      assert.equal(totals.size, 1, `one total throughout: ${JSON.stringify(values)}`);
      const last = counted[counted.length - 1]!;
      const total = result.report.totals.files + result.report.skipped.length;
      assert.equal(result.report.skipped.length, 1, 'the large file is skipped');
      assert.deepEqual([Number(last[1]), Number(last[2])], [total, total], 'the last progress is the report\'s file count');
      const md = await own.request('promptCost/exportAudit', { format: 'md' });
      assert.ok(md.content.includes(`(${total} files audited: ${result.report.totals.files} read, 1 skipped)`), md.content.slice(0, 400));
    } finally {
      await own.shutdown();
    }
  });

  it('answers malformed audit and export requests with InvalidParams and what is expected, and keeps serving', async () => {
    session ??= await LspSession.start({ files: { 'app/support.py': SUPPORT_PY } });
    const failure = (method: string, params: unknown) => session!.request(method, params).then(() => undefined, (e: { code: number; message: string }) => e);
    const badFolders = await failure('promptCost/audit', { folders: [42] });
    assert.equal(badFolders?.code, -32602, 'InvalidParams, not an internal error');
    assert.match(badFolders!.message, /folders\?: string\[\]/);
    const badFormat = await failure('promptCost/exportAudit', { format: 'pdf' });
    assert.equal(badFormat?.code, -32602);
    assert.match(badFormat!.message, /"json" \| "md"|"md"/);
    const result = await session.request('promptCost/audit', {});
    assert.equal(result.cancelled, false, 'the server still audits');
  });
});
