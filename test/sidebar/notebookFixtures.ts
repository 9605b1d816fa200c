// A hand-made notebook analysis as the server sends it for the notebook's URI: offsets in the concatenated text of the
// code cells, `cellIndex` per prompt, and `notebookCells` placing each cell. Figures worked out by hand below.
import type { DocumentAnalysis, NotebookCellPlacement } from '../../server/src/engine/types';
import { analysis, cost, GPT_4O, model, prompt } from './fixtures';

// Cells 0 and 2 are markdown (not in the concatenated text); 1, 3 and 4 are Python code, joined with one '\n'.
export const CELL_1 = ['PERSONA = (', '    "You are the release-notes writer for Acme Cloud."', ')'].join('\n');
export const CELL_3 = ['from openai import OpenAI', 'client = OpenAI()', 'client.chat.completions.create(', '    model="gpt-4o",', '    messages=[{"role": "system", "content": PERSONA}],', ')'].join('\n');
export const CELL_4 = ['import anthropic', 'anthropic.Anthropic().messages.create(', '    model="claude-3-5-haiku",', '    system="Reply in one sentence.",', ')'].join('\n');
const TEXT = [CELL_1, CELL_3, CELL_4].join('\n');
export const NB = 'file:///w/release.ipynb';
export const GROUP = `${NB}#python`;
export const cellUri = (i: number) => `vscode-notebook-cell:/w/release.ipynb#cell${i}`;
export const CELL_TEXTS: Record<string, string> = { [cellUri(1)]: CELL_1, [cellUri(3)]: CELL_3, [cellUri(4)]: CELL_4 };

function placements(): NotebookCellPlacement[] {
  const start3 = CELL_1.length + 1;
  const start4 = start3 + CELL_3.length + 1;
  return [
    { index: 1, uri: cellUri(1), group: GROUP, start: 0, end: CELL_1.length },
    { index: 3, uri: cellUri(3), group: GROUP, start: start3, end: start3 + CELL_3.length },
    { index: 4, uri: cellUri(4), group: GROUP, start: start4, end: start4 + CELL_4.length },
  ];
}

const HAIKU = model('claude-3-5-haiku', 'anthropic', 0.8, 4);

export function notebookAnalysis(): DocumentAnalysis {
  const modelAt = TEXT.indexOf('"gpt-4o"');
  const persona = prompt(`${GROUP}#PERSONA`, 'You are the release-notes writer for Acme Cloud.', TEXT.indexOf('"You are'), {
    symbol: 'PERSONA',
    cellIndex: 1,
    model: { name: 'gpt-4o', source: 'call-site', span: { start: modelAt, end: modelAt + '"gpt-4o"'.length }, literal: true },
  });
  const inline = prompt(`${GROUP}#anthropic.system`, 'Reply in one sentence.', TEXT.indexOf('"Reply'), { cellIndex: 4 });
  const unknown = prompt(`${GROUP}#other`, 'Reply', TEXT.indexOf('Reply in'), { cellIndex: 4 });
  // gpt-4o: 1,200 in × $2.50/M + 250 out × $10/M = $0.0055 per call × 1,000/day × 30 = $165/month.
  // haiku: 40 in × $0.80/M + 250 out × $4/M = $0.001032 per call × 200/day × 30 = $6.192/month.
  const mystery = { ...model('in-house-llm', 'acme', 0, 0), price: undefined };
  return {
    ...analysis(NB, [
      { prompt: persona, cost: cost(GPT_4O, 1200, 250, 1000), findings: [] },
      { prompt: inline, cost: cost(HAIKU, 40, 250, 200), findings: [] },
      { prompt: unknown, cost: cost(mystery, 2, 250, 10), findings: [] },
    ]),
    notebookCells: placements(),
  };
}

