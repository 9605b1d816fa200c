// analyzeDocument with a DocumentDetector reuses unchanged prompts' cost and rule findings between analyses. Whatever
// the edits, the result must equal a fresh analysis of the same text (detectPrompts, no cache), fixes included.
import { strict as assert } from 'assert';
import { analyzeDocument, type AnalysisContext } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/engine/config/settings';
import { DocumentDetector, type TextEdit0 } from '../../server/src/engine/detection';
import { compressPromptFix, type RuleContext } from '../../server/src/engine/rules';
import { countTokens } from '../../server/src/engine/tokens';
import type { DocumentAnalysis, SourceInput } from '../../server/src/engine/types';

const FILE = [
  'import json',
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  '',
  '# prompt-cost: calls=2000/day output=150',
  'TRIAGE = """You are a support assistant for Acme Cloud.',
  'Please read the ticket below very carefully in order to decide which team should handle it.',
  'It is important to note that you should always answer with one word."""',
  '',
  '',
  'def triage(ticket: str) -> str:',
  '    return client.chat.completions.create(',
  '        model="gpt-4o-mini",',
  '        messages=[',
  '            {"role": "system", "content": TRIAGE},',
  '            {"role": "user", "content": f"Kindly classify this ticket: {ticket}. Please answer with one word."},',
  '        ],',
  '    )',
  '',
  '',
  'def summarise(text: str) -> str:',
  '    prompt = """',
  '        Summarise the following text in order to make it shorter.',
  '        Due to the fact that readers are busy, keep it brief.',
  '    """',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt + text}])',
  '',
  '',
  'def translate(text: str, language: str) -> str:',
  '    # prompt-cost-disable-next-line politeness',
  '    system = f"Please translate the text into {language}. In order to be accurate, you should try to keep the tone."',
  '    return client.chat.completions.create(model="claude-3-5-haiku", messages=[{"role": "system", "content": system}])',
  '',
].join('\n');

/** Things a person types: characters, phrases the rules flag, comments that change findings, an import line. */
const INSERTS = ['x', ' ', '\n', 'in order to ', 'please ', 'Kindly ', '# note\n', '# prompt-cost-disable verbose-phrase\n', 'import textwrap\n', '"', 'basically '];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function applyEdit(text: string, edit: TextEdit0): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.oldEnd);
}

function randomEdit(text: string, next: () => number): TextEdit0 {
  const start = Math.floor(next() * (text.length + 1));
  if (next() < 0.35 && start < text.length) {
    const oldEnd = Math.min(text.length, start + 1 + Math.floor(next() * 12));
    return { start, oldEnd, newText: '' };
  }
  return { start, oldEnd: start, newText: INSERTS[Math.floor(next() * INSERTS.length)] };
}

const input = (text: string): SourceInput => ({ uri: 'file:///work/app/support.py', fileName: '/work/app/support.py', languageId: 'python', text });

/** The "Compress this prompt" fix of each prompt: it needs the fixes' recorded origins, which shifting must keep. */
function compressFixes(analysis: DocumentAnalysis, text: string) {
  return analysis.prompts.map((a) => {
    const model = a.cost.model.tokenizerModel ?? a.cost.model.id;
    const ctx: RuleContext = { documentText: text, countTokens: (t) => countTokens(t, model).tokens };
    return compressPromptFix(a.prompt, a.findings, ctx);
  });
}

describe('analysis cache (unchanged prompts reused between analyses)', function () {
  this.timeout(120000);
  const ctx: AnalysisContext = { settings: readSettings({}).settings, relativePath: 'app/support.py' };

  it('gives the same analysis as a fresh one after each of 150 random edits', async () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const detector = new DocumentDetector();
      let text = FILE;
      await analyzeDocument(input(text), ctx, detector);
      try {
        for (let i = 0; i < 50; i++) {
          const edit = randomEdit(text, next);
          text = applyEdit(text, edit);
          const cached = await analyzeDocument(input(text), ctx, detector, [edit]);
          const fresh = await analyzeDocument(input(text), ctx);
          assert.deepStrictEqual(cached, fresh, `seed ${seed}, edit ${i}: ${JSON.stringify(edit)}`);
          assert.deepStrictEqual(compressFixes(cached, text), compressFixes(fresh, text), `seed ${seed}, edit ${i}: compress fixes`);
        }
      } finally {
        detector.dispose();
      }
    }
  });

  it('reuses a prompt that only moved, with its findings and fixes shifted to the new position', async () => {
    const detector = new DocumentDetector();
    try {
      const first = await analyzeDocument(input(FILE), ctx, detector);
      const at = FILE.indexOf('TRIAGE = ');
      const edit = { start: at, oldEnd: at, newText: '# the triage prompt\n' };
      const text = applyEdit(FILE, edit);
      const second = await analyzeDocument(input(text), ctx, detector, [edit]);
      const translate = (a: DocumentAnalysis) => a.prompts.find((p) => p.prompt.parts.some((x) => x.kind === 'text' && x.text.includes('translate the text')))!;
      const before = translate(first);
      const after = translate(second);
      assert.strictEqual(after.cost, before.cost, 'the moved prompt was priced again instead of reused');
      assert.ok(before.findings.length > 0, 'fixture prompt has no findings');
      const delta = edit.newText.length;
      assert.deepStrictEqual(after.findings.map((f) => f.span.start), before.findings.map((f) => f.span.start + delta));
      assert.deepStrictEqual(second, await analyzeDocument(input(text), ctx));
    } finally {
      detector.dispose();
    }
  });

  it('re-checks an unchanged message when another message of the same call changes', async () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'SYSTEM = "You triage support tickets. Answer with exactly one word from the list."',
      'def triage(ticket):',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[',
      '        {"role": "system", "content": SYSTEM},',
      '        {"role": "user", "content": f"Ticket: {ticket}. Answer with exactly one word from the list."},',
      '    ])',
      '',
    ].join('\n');
    const detector = new DocumentDetector();
    try {
      const redundant = (a: DocumentAnalysis) => a.prompts.flatMap((p) => p.findings).filter((f) => f.ruleId === 'redundant-instruction');
      const first = await analyzeDocument(input(text), ctx, detector);
      assert.equal(redundant(first).length, 1, 'fixture: the user message repeats the system prompt');
      const at = text.indexOf(' Answer with exactly one word from the list."');
      const edit = { start: at, oldEnd: text.indexOf('"', at), newText: '' };
      const edited = applyEdit(text, edit);
      const second = await analyzeDocument(input(edited), ctx, detector, [edit]);
      assert.equal(redundant(second).length, 0);
      assert.deepStrictEqual(second, await analyzeDocument(input(edited), ctx));
    } finally {
      detector.dispose();
    }
  });

  it('re-prices the larger prompt when only a fragment inserted into it changes', async () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'RULES = "Answer in English."',
      'TIMEOUT_SECONDS = 30  # the HTTP client waits this long for a reply before it gives up',
      'RETRIES = 3',
      '',
      'SYSTEM = f"You are a support bot for Acme. {RULES}"',
      'def reply(question):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])',
      '',
    ].join('\n');
    const detector = new DocumentDetector();
    try {
      const system = (a: DocumentAnalysis) => a.prompts.find((p) => p.prompt.symbol === 'SYSTEM')!;
      const first = await analyzeDocument(input(text), ctx, detector);
      assert.ok(first.prompts.some((p) => p.prompt.fragmentOf === system(first).prompt.id), 'fixture: RULES is a fragment of SYSTEM');
      // Far enough from SYSTEM that its own text and context window stay the same.
      const at = text.indexOf('English');
      const edit = { start: at, oldEnd: at, newText: 'plain, friendly, very clear and well structured ' };
      const edited = applyEdit(text, edit);
      const second = await analyzeDocument(input(edited), ctx, detector, [edit]);
      assert.ok(system(second).cost.tokens.placeholders > system(first).cost.tokens.placeholders, 'SYSTEM kept its stale placeholder size');
      assert.deepStrictEqual(second, await analyzeDocument(input(edited), ctx));
    } finally {
      detector.dispose();
    }
  });

  it('drops everything when the settings change', async () => {
    const detector = new DocumentDetector();
    try {
      await analyzeDocument(input(FILE), ctx, detector);
      const dearer: AnalysisContext = { ...ctx, settings: readSettings({ defaultCallsPerDay: 99999 }).settings };
      const cached = await analyzeDocument(input(FILE), dearer, detector, []);
      assert.deepStrictEqual(cached, await analyzeDocument(input(FILE), dearer));
      const unannotated = cached.prompts.filter((p) => !p.prompt.annotation?.callsPerDay);
      assert.ok(unannotated.length > 0);
      for (const p of unannotated) assert.equal(p.cost.volume.callsPerDay, 99999);
    } finally {
      detector.dispose();
    }
  });
});
