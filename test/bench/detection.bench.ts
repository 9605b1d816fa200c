// Detection speed on 5,000-line files built from the labelled fixtures (real-looking application code, repeated
// with renamed symbols): full parse, then detection after parsing (tree copy + analysis), then an incremental
// re-parse + detection after a one-character edit. Bar: detection after parsing ≤ 20 ms.
import * as fs from 'fs';
import * as path from 'path';
import { DocumentDetector } from '../../server/src/engine/detection';
import { detectInSyntaxTree } from '../../server/src/engine/detection/codeDetector';
import { createParser, parseWithLimit, type GrammarName } from '../../server/src/engine/detection/parserRuntime';
import { mirrorTree } from '../../server/src/engine/detection/syntaxMirror';
import { type BenchResult, stats } from './benchStats';


const FIXTURES = path.join(__dirname, '..', 'fixtures', 'detection');
const LINES = 5000;
const RUNS = 15;

function fiveThousandLines(files: string[]): string {
  const sources = files.map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  const lines: string[] = [];
  for (let copy = 0; lines.length < LINES; copy++) {
    for (const source of sources) lines.push(...source.replace(/\b([A-Z][A-Z_]+|[a-z]+_[a-z_]+)\b/g, `$1_${copy}`).split('\n'));
  }
  return lines.slice(0, LINES).join('\n');
}


const round = (n: number) => Math.round(n * 100) / 100;

async function measure(label: string, grammar: GrammarName, language: 'python' | 'typescript', text: string): Promise<BenchResult[]> {
  const parser = await createParser(grammar);
  const parse: number[] = [];
  const detect: number[] = [];
  let prompts = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const tree = parseWithLimit(parser, text)!;
    const t1 = performance.now();
    const found = detectInSyntaxTree(mirrorTree(tree), text, { fileName: `big.${language === 'python' ? 'py' : 'ts'}`, language });
    const t2 = performance.now();
    prompts = found.length;
    tree.delete();
    parse.push(t1 - t0);
    detect.push(t2 - t1);
  }
  parser.delete();

  const detector = new DocumentDetector();
  const fileName = `big.${language === 'python' ? 'py' : 'ts'}`;
  await detector.update({ uri: fileName, fileName, text });
  const incremental: number[] = [];
  let current = text;
  for (let i = 0; i < RUNS; i++) {
    const at = current.indexOf('You are') + 8;
    const next = current.slice(0, at) + 'x' + current.slice(at);
    const t0 = performance.now();
    await detector.update({ uri: fileName, fileName, text: next }, [{ start: at, oldEnd: at, newText: 'x' }]);
    incremental.push(performance.now() - t0);
    current = next;
  }
  detector.dispose();

  const p = stats(parse);
  const d = stats(detect);
  const inc = stats(incremental);
  const note = `${LINES} lines, ${prompts} prompts`;
  return [
    { name: `detection: ${label} full parse`, median: round(p.median), p95: round(p.p95), unit: 'ms', note },
    { name: `detection: ${label} detect after parse`, median: round(d.median), p95: round(d.p95), unit: 'ms', bar: '≤ 20 ms', pass: d.median <= 20, note },
    { name: `detection: ${label} edit → incremental parse + detect`, median: round(inc.median), p95: round(inc.p95), unit: 'ms', note },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const python = fiveThousandLines(['python/support_bot.py', 'python/research_agent.py', 'python/frameworks.py', 'python/app_utils.py', 'python/pipeline.py']);
  const typescript = fiveThousandLines(['ts/assistant.ts', 'ts/agents.ts', 'ts/tools.ts']);
  return [...(await measure('Python', 'python', 'python', python)), ...(await measure('TypeScript', 'typescript', 'typescript', typescript))];
}

if (require.main === module) run().then((r) => console.table(r));
