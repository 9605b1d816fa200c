// The index keeps every file's facts for as long as the server runs, so they are packed (packedFacts.ts): offsets
// as runs, arrays at their length, strings that do not keep the file's source alive. Packing must lose nothing.
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { createParser } from '../../server/src/engine/detection/parserRuntime';
import { pythonParserText } from '../../server/src/engine/detection/commentRuns';
import { mirrorTree } from '../../server/src/engine/detection/syntaxMirror';
import { extractFacts } from '../../server/src/engine/detection/workspace/extractFacts';
import { clearFactsCache, factsOf } from '../../server/src/engine/detection/workspace/factsOf';
import type { FileFacts, ValueRef } from '../../server/src/engine/detection/workspace/fileFacts';
import { expandRuns, offsetRuns, packFacts, unpackParts } from '../../server/src/engine/detection/workspace/packedFacts';

const SOURCE = `from openai import OpenAI

client = OpenAI()
TONE = "Be brief.\\n\\tUse plain words: \\"no jargon\\" \\u00e9t\\u00e9 \\U0001F600 done."
RULES = """You triage tickets for the Acme support desk.
Answer with one word."""


def ask(question: str, model: str = "gpt-4o-mini") -> str:
    history = [{"role": "system", "content": RULES + TONE}]
    reply = client.chat.completions.create(model=model, messages=history + [{"role": "user", "content": question}])
    return reply.choices[0].message.content


def summary_prompt(ticket_body_with_a_long_name: str) -> str:
    return f"Summarise the ticket in two lines:\\n{ticket_body_with_a_long_name}"
`;

async function unpackedFacts(text: string): Promise<FileFacts> {
  const parser = await createParser('python');
  const tree = parser.parse(pythonParserText(text))!;
  try {
    return extractFacts(mirrorTree(tree), text, 'app/llm.py', 'python');
  } finally {
    tree.delete();
  }
}

/** Every text ValueRef in the facts, in a stable order. */
function texts(facts: FileFacts): Extract<ValueRef, { kind: 'text' }>[] {
  const out: Extract<ValueRef, { kind: 'text' }>[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.kind === 'text' && Array.isArray(record.parts)) out.push(record as Extract<ValueRef, { kind: 'text' }>);
      else Object.keys(record).sort().forEach((k) => walk(record[k]));
    }
  };
  walk(facts);
  return out;
}

describe('packed workspace facts', () => {
  it('offset runs expand to the same offsets (escapes, dedents, equal neighbours)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 500; trial++) {
      const offsets = [Math.floor(random() * 1000)];
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) offsets.push(offsets[i] + (random() < 0.8 ? 1 : Math.floor(random() * 6)));
      assert.deepStrictEqual(expandRuns(offsetRuns(offsets), offsets.length), offsets);
    }
    assert.deepStrictEqual(offsetRuns([10, 11, 12, 13]), [0, 10], 'a literal without escapes is one run');
  });

  it('packing loses nothing: the same facts once parts are unpacked', async () => {
    const raw = await unpackedFacts(SOURCE);
    const packed = packFacts(raw);
    const rawTexts = texts(raw);
    const packedTexts = texts(packed);
    assert.ok(rawTexts.length >= 3, 'the fixture has text facts');
    assert.ok(rawTexts.some((t) => t.parts.some((p) => p.kind === 'text' && 'offsets' in p && p.offsets.some((o, i) => i > 0 && o !== p.offsets[i - 1] + 1))), 'the fixture has escapes');
    // Facts are JSON: compared as JSON (packing leaves out keys whose value is undefined).
    const json = (value: unknown) => JSON.parse(JSON.stringify(value));
    assert.deepStrictEqual(json(packedTexts.map((t) => ({ ...t, parts: unpackParts(t.parts) }))), json(rawTexts));
    const withoutParts = (facts: FileFacts) => JSON.parse(JSON.stringify(facts, (key, value) => (key === 'parts' ? undefined : value)));
    assert.deepStrictEqual(withoutParts(packed), withoutParts(raw));
    assert.notStrictEqual(packed.functions[0], packed.functions[1], 'each function stays its own object (the index keys summaries by it)');
  });

  it('facts of a large file keep well under half of what they took unpacked (and not the source text)', async () => {
    const gc = exposeGc();
    const file = (n: number): string => {
      const lines = ['import json', 'from openai import OpenAI', 'client = OpenAI()'];
      for (let i = 0; i < 250; i++) {
        lines.push(`def helper_function_${n}_${i}(values: list[int], scale: int = 2) -> str:`, `    total = sum(v * ${i} for v in values)`, '    return json.dumps({"total": total})', '');
      }
      lines.push(`PROMPT = """You route tickets for team ${n}.\nAnswer in one word."""`);
      return lines.join('\n');
    };
    const heapOf = async (pack: boolean): Promise<number> => {
      clearFactsCache();
      const kept: unknown[] = [];
      let sources: string[] = Array.from({ length: 8 }, (_, n) => file(n + (pack ? 100 : 200)));
      gc();
      const before = v8.getHeapStatistics().used_heap_size;
      for (const [n, text] of sources.entries()) kept.push(pack ? await factsOf(`m${n}.py`, text, 5_000_000) : await unpackedFacts(text));
      sources = [];
      gc();
      const after = v8.getHeapStatistics().used_heap_size;
      assert.strictEqual(kept.length, 8);
      return (after - before) / 8;
    };
    await heapOf(true); // parsers and code warmed up
    const unpacked = await heapOf(false);
    const packed = await heapOf(true);
    assert.ok(packed < unpacked * 0.5, `packed facts ${Math.round(packed / 1024)} KB per file vs ${Math.round(unpacked / 1024)} KB unpacked`);
  });
});

/** V8's gc() (the server's idle collector gets it the same way). */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  return () => {
    gc();
    gc();
  };
}
