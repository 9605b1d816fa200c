import { strict as assert } from 'assert';
import { indexFiles, readFixture, summaryLines } from './workspaceHarness';

describe('workspace index: cross-file findings on the fixture apps', function () {
  this.timeout(20000);

  it('Python app: wrapper callers in two modules, imported constants, a table entry, a builder and loaded files', async () => {
    const { result } = await indexFiles(readFixture('support_py'));
    assert.deepEqual(summaryLines(result), [
      // loaded by open() through a `with` block: not a prompt file, read because code sends it
      'app/assets/tone.txt#prompt system gpt-4o-mini',
      // imported constant / table entry / builder: reported where written, model from LLM()'s default model
      'app/catalog.py#CANNED.summarize system gpt-4o-mini',
      'app/catalog.py#TRIAGE_RULES system gpt-4o-mini',
      'app/catalog.py#escalation_note user gpt-4o-mini calls=50',
      // Path(__file__).parent / "prompts" / "system.md" read_text()
      'app/prompts/system.md#prompt system gpt-4o-mini',
      // llm.complete(…) → LLM(model="gpt-4.1-nano").ask(text): two wrapper layers
      'app/reports.py#quick_label.complete.text user gpt-4.1-nano',
      // writer = LLM(model="gpt-4.1"): the instance's constructor argument
      'app/reports.py#weekly_digest.ask.system system gpt-4.1',
      'app/support.py#SupportDesk.greet.ask.prompt user gpt-4o-mini',
    ]);
    assert.deepEqual(result.problems, []);
  });

  it('TypeScript app: callModel(system, user) from relative and tsconfig "@/" imports, a locale table, readFileSync', async () => {
    const { result } = await indexFiles(readFixture('review_ts'));
    assert.deepEqual(summaryLines(result), [
      'app/prompts/summary.md#prompt system gpt-4.1-mini',
      'app/titles.ts#titleFor.callModel.system system gpt-4.1-mini',
      'lib/guides.ts#LOCALE_TEXT.en.changelog system gpt-4.1-mini',
      'lib/guides.ts#REVIEW_GUIDE system gpt-4.1-mini',
    ]);
  });

  it('crewAI: agents_config / tasks_config entries, the agent\'s llm= as model', async () => {
    const { result } = await indexFiles(readFixture('crew_py'));
    const findings = [...result.byFile.values()].flat().map((f) => `${f.file} ${f.loader} ${f.key} ${f.model?.name ?? '-'}`).sort();
    assert.deepEqual(findings, [
      'src/research_crew/config/agents.yaml crewai-agents researcher gpt-4o-mini',
      'src/research_crew/config/agents.yaml crewai-agents writer -',
      'src/research_crew/config/tasks.yaml crewai-tasks research_task -',
    ]);
  });

  it('a text used by several call sites is one finding, counted with its sites', async () => {
    const { result } = await indexFiles({
      'ai.py': 'from openai import OpenAI\nclient = OpenAI()\ndef ask(system, user):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": system}, {"role": "user", "content": user}])\n',
      'texts.py': 'HOUSE_STYLE = "Answer in plain English, in at most three sentences."\n',
      'a.py': 'from ai import ask\nfrom texts import HOUSE_STYLE\ndef one(q):\n    return ask(HOUSE_STYLE, q)\n',
      'b.py': 'from ai import ask\nfrom texts import HOUSE_STYLE\ndef two(q):\n    return ask(HOUSE_STYLE, q)\n',
    });
    const findings = result.byFile.get('texts.py') ?? [];
    assert.equal(findings.length, 1);
    assert.equal(findings[0].sites, 2);
    assert.equal(findings[0].model?.name, 'gpt-4o-mini');
  });
});
