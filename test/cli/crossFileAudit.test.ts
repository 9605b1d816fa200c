// `prompt-cost audit` with the workspace index: prompts that cross files are listed, each piece once.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildOnce, runCli, scratch } from './cliHarness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'crossfile');

function copyFixture(name: string, extra: Record<string, string | Buffer> = {}): string {
  const files: Record<string, string | Buffer> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else files[path.relative(path.join(FIXTURES, name), abs).split(path.sep).join('/')] = fs.readFileSync(abs);
    }
  };
  walk(path.join(FIXTURES, name));
  return scratch({ ...files, ...extra });
}

interface Row { id: string; file: string; role: string; model: string; modelSource: string; callsPerDay: number; startLine: number }

function audit(cwd: string, args: string[] = []): { prompts: Row[]; skipped: { file: string; reason: string }[]; totals: { prompts: number } } {
  const result = runCli(['audit', '--format', 'json', ...args], cwd);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('prompt-cost audit: prompts across files', function () {
  this.timeout(120000);
  before(buildOnce);

  for (const threads of ['0', '2']) {
    it(`Python app (--threads ${threads}): wrapper callers, imported texts and loaded files, each once, at the wrapper's model`, () => {
      const report = audit(copyFixture('support_py'), ['--threads', threads]);
      assert.deepEqual(report.prompts.map((p) => `${p.id} ${p.role} ${p.model} ${p.callsPerDay}`), [
        'app/assets/tone.txt#prompt system gpt-4o-mini 1000',
        'app/catalog.py#TRIAGE_RULES system gpt-4o-mini 1000',
        'app/catalog.py#CANNED.summarize system gpt-4o-mini 1000',
        'app/catalog.py#escalation_note user gpt-4o-mini 50',
        'app/prompts/system.md#prompt system gpt-4o-mini 1000',
        'app/reports.py#weekly_digest.system system gpt-4.1 1000',
        'app/reports.py#quick_label.complete.text user gpt-4.1-nano 1000',
        'app/support.py#SupportDesk.greet.ask.prompt user gpt-4o-mini 1000',
      ]);
      assert.equal(report.totals.prompts, report.prompts.length);
      // Each source range is reported once (the per-file prompt and the cross-file finding are not both counted).
      const ranges = report.prompts.map((p) => `${p.file}:${p.startLine}`);
      assert.equal(new Set(ranges).size, ranges.length);
    });
  }

  it('TypeScript app and crewAI YAML: definitions get the call site\'s model; YAML fields are prompts', () => {
    const ts = audit(copyFixture('review_ts'));
    assert.deepEqual(ts.prompts.map((p) => `${p.id} ${p.model}`), [
      'app/prompts/summary.md#prompt gpt-4.1-mini',
      'app/titles.ts#titleFor.callModel.system gpt-4.1-mini',
      'lib/guides.ts#REVIEW_GUIDE gpt-4.1-mini',
      'lib/guides.ts#LOCALE_TEXT.en.changelog gpt-4.1-mini',
    ]);
    const crew = audit(copyFixture('crew_py'));
    assert.deepEqual(crew.prompts.map((p) => `${p.id} ${p.role} ${p.model} ${p.modelSource}`), [
      'src/research_crew/config/agents.yaml#researcher.role system gpt-4o-mini constant',
      'src/research_crew/config/agents.yaml#researcher.goal system gpt-4o-mini constant',
      'src/research_crew/config/agents.yaml#researcher.backstory system gpt-4o-mini constant',
      'src/research_crew/config/agents.yaml#writer.role system gpt-4o default',
      'src/research_crew/config/agents.yaml#writer.goal system gpt-4o default',
      'src/research_crew/config/agents.yaml#writer.backstory system gpt-4o default',
      'src/research_crew/config/tasks.yaml#research_task.description user gpt-4o default',
      'src/research_crew/config/tasks.yaml#research_task.expected_output user gpt-4o default',
    ]);
  });

  it('a loaded YAML that is not UTF-8, or over the size limit, is skipped with a clear reason', () => {
    const root = copyFixture('crew_py', {
      'src/research_crew/config/agents.yaml': Buffer.from([0x72, 0x65, 0x73, 0x3a, 0x0a, 0x20, 0x20, 0x72, 0x6f, 0x6c, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
      'src/research_crew/config/tasks.yaml': `research_task:\n  description: >\n${'    Research the topic carefully and cite sources.\n'.repeat(60_000)}`,
    });
    const report = audit(root);
    assert.deepEqual(report.prompts, []);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    assert.equal(reasons['src/research_crew/config/agents.yaml'], 'not valid UTF-8 text');
    assert.match(reasons['src/research_crew/config/tasks.yaml'], /^over the size limit \(3\.\d MB > 2\.0 MB\)$/);
  });
});
