// The review-set scorer: which labelled line a detection claims, and how misses, false positives, scopes and
// "ignore" labels are counted. Runs the real detector on small files written here.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import { claimedLines, scoreReview, type FileDetections, type ReviewLabel, type ReviewSet } from './reviewScoring';

const REPO = 'acme/support-bot';

async function detect(path: string, text: string): Promise<FileDetections> {
  const result = await detectPrompts({ uri: path, fileName: path, text });
  return { repo: REPO, path, text, prompts: result.prompts };
}

function label(path: string, line: number, kind: ReviewLabel['label'], pattern?: string): ReviewLabel {
  const language = path.endsWith('.py') ? 'python' : path.endsWith('.ts') ? 'typescript' : 'prompt-file';
  return { repo: REPO, commit: 'c0ffee', path, line, label: kind, pattern, language };
}

function set(labels: ReviewLabel[], scopes: ReviewSet['scopes'] = []): ReviewSet {
  return { repositories: { [REPO]: { commit: 'c0ffee' } }, scopes, labels };
}

const TEMPLATE_TS = [
  'import OpenAI from "openai";',
  'const client = new OpenAI();',
  'export async function reply(tone: string, question: string) {',
  '  const system = `You are a support agent for Acme routers. Answer in a ${tone} tone.',
  '${tone} answers only. Never promise refunds.`;',
  '  return client.chat.completions.create({',
  '    model: "gpt-4o-mini",',
  '    messages: [{ role: "system", content: system }, { role: "user", content: question }],',
  '  });',
  '}',
  '',
].join('\n');

describe('real-code review scoring', () => {
  it('a template claims the line it starts on, not the line where its text resumes after a placeholder', async () => {
    const file = await detect('src/reply.ts', TEMPLATE_TS);
    const system = file.prompts.find((p) => p.parts.some((part) => part.kind === 'text' && part.text.includes('support agent')));
    assert.ok(system, 'the system template is detected');
    // Its text resumes on line 5 right after `${tone}`: that is not a literal of its own, so line 5 stays unclaimed.
    assert.ok(system!.parts.some((p) => p.kind === 'text' && TEMPLATE_TS.slice(0, p.span.start).split('\n').length === 5));
    assert.deepStrictEqual(claimedLines(system!, TEMPLATE_TS, true), [4]);
  });

  it('counts a labelled prompt found, a labelled negative detected, and a detection on an unlabelled line', async () => {
    const text = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'SYSTEM = "You are a careful assistant that summarises router logs for on-call engineers."',
      'NOTE = "You are a careful assistant that writes release notes for Acme routers, briefly."',
      'def summarise(log):',
      '    return client.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, system=SYSTEM,',
      '        messages=[{"role": "user", "content": log}])',
      'def notes(diff):',
      '    return client.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, system=NOTE,',
      '        messages=[{"role": "user", "content": diff}])',
      '',
    ].join('\n');
    const file = await detect('bot/logs.py', text);
    const score = scoreReview(set([label('bot/logs.py', 3, 'prompt', 'direct-sink'), label('bot/logs.py', 6, 'none')]), [file]);
    assert.deepStrictEqual([score.overall.truePositives, score.overall.falseNegatives], [1, 0]);
    // NOTE (line 4) is a prompt the labels do not mention: it counts as a false positive, listed with its text.
    assert.ok(score.unlabelled.some((u) => u.line === 4 && u.preview.startsWith('You are a careful assistant that writes')), JSON.stringify(score.unlabelled));
    assert.strictEqual(score.overall.falsePositives, score.unlabelled.length);
    assert.strictEqual(score.byPattern['direct-sink'].recall, 1);
    assert.strictEqual(score.byLanguage.python.truePositives, 1);
  });

  it('ignore labels and lines outside a scope count neither way; a missed prompt is a false negative', async () => {
    const text = [
      'import openai',
      'UNUSED = "You are an assistant nobody calls any more; kept for the old dashboard prompts."',
      'ACTIVE = "You are the triage assistant: classify each ticket as bug, question or request."',
      'def triage(ticket):',
      '    return openai.chat.completions.create(model="gpt-4o-mini", messages=[',
      '        {"role": "system", "content": ACTIVE}, {"role": "user", "content": ticket}])',
      '',
    ].join('\n');
    const file = await detect('bot/triage.py', text);
    const base = [label('bot/triage.py', 2, 'ignore'), label('bot/triage.py', 3, 'prompt', 'direct-sink')];
    const scored = scoreReview(set(base), [file]);
    assert.deepStrictEqual([scored.overall.truePositives, scored.overall.falsePositives, scored.overall.falseNegatives], [1, 0, 0]);
    const scoped = scoreReview(set([label('bot/triage.py', 3, 'prompt', 'direct-sink')], [{ repo: REPO, path: 'bot/triage.py', fromLine: 3, toLine: 6 }]), [file]);
    assert.strictEqual(scoped.overall.falsePositives, 0, 'line 2 lies outside the scope');
    const missed = scoreReview(set([label('bot/triage.py', 3, 'prompt', 'direct-sink')]), [{ ...file, prompts: [] }]);
    assert.deepStrictEqual([missed.overall.truePositives, missed.overall.falseNegatives], [0, 1]);
    assert.strictEqual(missed.overall.recall, 0);
  });

  it('in a prompt file a detection claims every line it covers', async () => {
    const text = 'Summarise the incident below for the on-call channel in three bullet points.\nIncident: {{$input}}\n';
    const file = await detect('prompts/Incident/skprompt.txt', text);
    assert.strictEqual(file.prompts.length, 1);
    assert.deepStrictEqual(claimedLines(file.prompts[0], text, false), [1, 2]);
    const score = scoreReview(set([label('prompts/Incident/skprompt.txt', 2, 'prompt', 'loaded-file')]), [file]);
    assert.strictEqual(score.overall.truePositives, 1);
  });
});
