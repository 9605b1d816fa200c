// The audit's by-model table (issue 17 point 9): only model ids reach it — never a tool name or a helper's
// argument — and a name the catalog does not know is one row, marked unknown, never priced as $0.
import { strict as assert } from 'assert';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { auditPrompts } from '../../server/src/engine/audit/auditPrompts';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { computeTotals } from '../../server/src/engine/report/auditReport';
import { formatMarkdown } from '../../server/src/engine/report/formatMarkdown';
import { buildAuditReport } from '../../server/src/engine/report/auditReport';
import type { AuditPrompt } from '../../server/src/engine/audit/types';

async function audit(file: string, lines: string[]): Promise<AuditPrompt[]> {
  const text = lines.join('\n');
  const analysis = await analyzeDocument({ uri: `file:///w/${file}`, fileName: file, text }, { settings: defaultSettings(), relativePath: file });
  return auditPrompts(analysis, text, file);
}

describe('audit by-model table', () => {
  it('lists model ids only: a scripted LLM given a tool name prices on the framework, not on the tool', async () => {
    const prompts = await audit('crew_tools.py', [
      'from crewai import Agent, Task',
      'agent_kwargs = {"role": "Slack messenger", "goal": "Post the release note", "backstory": "b", "llm": ScriptedLLM("slackbot_send_message")}',
      'agent = Agent(**agent_kwargs)',
      'poster = Agent(role="Poster", goal="Post the summary to the channel", llm=FakeLLM("poster"))',
      'task = Task(description="Post the release note to #general.", expected_output="The message link.", agent=agent)',
    ]);
    const models = computeTotals(prompts, 1).byModel.map((m) => m.model);
    assert.ok(prompts.length >= 5);
    assert.ok(!models.includes('slackbot_send_message') && !models.includes('poster'), models.join(', '));
  });

  it('marks a model the catalog does not know once, as its own row, with its prompts unpriced', async () => {
    const prompts = await audit('ask.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(q):',
      '    return client.chat.completions.create(model="acme-finetune-v2", messages=[{"role": "system", "content": "You answer questions about Acme invoices."}, {"role": "user", "content": "Question: " + q}])',
      'def short(q):',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Answer in five words: " + q}])',
    ]);
    const totals = computeTotals(prompts, 1);
    assert.deepEqual(totals.byModel.map((m) => [m.model, m.prompts, m.unknown ?? false]), [['gpt-4o-mini', 1, false], ['acme-finetune-v2', 2, true]]);
    assert.ok(prompts.filter((p) => p.model === 'acme-finetune-v2').every((p) => p.modelUnknown === true && p.monthlyCost === null));
    const markdown = formatMarkdown(buildAuditReport({ prompts, skipped: [], files: 1 }, { version: 'test', priceData: { source: 's', date: 'd' }, generatedAt: new Date(0) }));
    assert.match(markdown, /\| acme-finetune-v2 \(unknown model\) \| 2 \| unpriced \|/);
    assert.equal(markdown.match(/\(unknown model\)/g)?.length, 1, 'flagged once');
  });
});
