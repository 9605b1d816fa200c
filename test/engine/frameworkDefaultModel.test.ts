// A prompt priced on a framework's default model says so: the hover names the framework and its version, the model
// switch view explains why the call site cannot be rewritten, and the audit record carries the source.
import { strict as assert } from 'assert';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { auditPrompts } from '../../server/src/engine/audit/auditPrompts';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { FRAMEWORK_DEFAULT_MODELS } from '../../server/src/engine/detection/frameworkDefaults';
import { hoverMarkdown } from '../../server/src/lsp/hover';

const CREW = ['from crewai import Agent', 'writer = Agent(role="Writer of the weekly engineering newsletter", goal="Keep every issue under 500 words")', ''].join('\n');

describe('framework default model in the views', () => {
  it('prices a crewAI agent without llm= on crewAI\'s default and shows where that default comes from', async () => {
    const crewai = FRAMEWORK_DEFAULT_MODELS.find((r) => r.framework === 'crewAI')!;
    const analysis = await analyzeDocument({ uri: 'file:///w/crew.py', fileName: 'crew.py', text: CREW }, { settings: defaultSettings(), relativePath: 'crew.py' });
    assert.ok(analysis.prompts.length >= 2);
    for (const analyzed of analysis.prompts) {
      assert.equal(analyzed.cost.model.source, 'framework-default');
      assert.equal(analyzed.cost.model.id, crewai.model);
      const first = hoverMarkdown(analyzed, [], 'file:///w/crew.py').split('\n')[0];
      assert.ok(first.includes(`from framework default: crewAI (${crewai.version}; MODEL or MODEL_NAME or OPENAI_MODEL_NAME set at run time would override it)`), first);
    }
    const records = auditPrompts(analysis, CREW, 'crew.py');
    assert.ok(records.every((r) => r.modelSource === 'framework-default' && r.model === crewai.model));
  });

  it('keeps the setting for code that names no model and uses no framework with a default', async () => {
    const text = 'from openai import OpenAI\nclient = OpenAI()\ndef ask(q, m):\n    return client.chat.completions.create(model=m, messages=[{"role": "user", "content": "Answer in one line: " + q}])\n';
    const analysis = await analyzeDocument({ uri: 'file:///w/ask.py', fileName: 'ask.py', text }, { settings: defaultSettings(), relativePath: 'ask.py' });
    assert.equal(analysis.prompts[0].cost.model.source, 'default');
  });
});
