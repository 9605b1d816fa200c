// Reads a Jupyter notebook (.ipynb, nbformat 4) for analysis: its code cells in order and the kernel's language.
// Outputs, attachments and most metadata are skipped unread, so a notebook with 100 MB of outputs costs a scan, not
// a parse. Each cell's `source` keeps its byte span so `--fix` can rewrite that value and nothing else.
import { JsonScanError, JsonScanner } from './jsonScanner';

export type NotebookLanguage = 'python' | 'typescript' | 'javascript';

export interface NotebookCell {
  /** 0-based index into the notebook's `cells` array (markdown and raw cells counted). */
  index: number;
  /** The cell's source joined into one string. */
  source: string;
  /** Byte span of the `source` JSON value in the file. */
  sourceStart: number;
  sourceEnd: number;
  /** nbformat allows a string or an array of lines; a rewrite keeps the form it found. */
  sourceForm: 'string' | 'lines';
}

export interface Notebook {
  language: NotebookLanguage;
  nbformat: number;
  /** Code cells only, in notebook order. */
  codeCells: NotebookCell[];
}

export type NotebookReadOutcome = { ok: true; notebook: Notebook } | { ok: false; reason: string };

/** Kernel language names (kernelspec.language, language_info.name) → the analysed language. */
const KERNEL_LANGUAGES: Record<string, NotebookLanguage> = {
  python: 'python',
  python3: 'python',
  typescript: 'typescript',
  javascript: 'javascript',
  // Deno's kernel reports `typescript`; tslab reports `typescript`/`javascript`; IJavascript reports `javascript`.
};

export function readNotebook(bytes: Buffer): NotebookReadOutcome {
  const scanner = new JsonScanner(bytes);
  const cells: NotebookCell[] = [];
  let nbformat: number | undefined;
  let kernelLanguage: string | undefined;
  let infoLanguage: string | undefined;
  let sawCells = false;
  try {
    scanner.object((key) => {
      if (key === 'cells') {
        sawCells = true;
        scanner.array((index) => {
          const cell = readCell(scanner, index);
          if (cell) cells.push(cell);
        });
      } else if (key === 'nbformat') {
        const { value } = scanner.readValue();
        if (typeof value === 'number') nbformat = value;
      } else if (key === 'metadata') {
        scanner.object((metaKey) => {
          if (metaKey === 'kernelspec' || metaKey === 'language_info') {
            const { value } = scanner.readValue();
            const language = (value as { language?: unknown; name?: unknown } | null) ?? {};
            const name = metaKey === 'kernelspec' ? language.language : language.name;
            if (typeof name === 'string') {
              if (metaKey === 'kernelspec') kernelLanguage = name.toLowerCase();
              else infoLanguage = name.toLowerCase();
            }
          } else scanner.skipValue();
        });
      } else scanner.skipValue();
    });
    scanner.skipWhitespace();
    if (scanner.pos < bytes.length) throw new JsonScanError('unexpected content after the notebook object', scanner.pos);
  } catch (error) {
    if (error instanceof JsonScanError) return { ok: false, reason: `invalid notebook JSON at byte ${error.offset}: ${error.message}` };
    throw error;
  }
  if (!sawCells) return { ok: false, reason: 'not a Jupyter notebook: no "cells" array' };
  if (nbformat !== 4) return { ok: false, reason: `unsupported notebook format: nbformat ${nbformat ?? 'missing'} (4 is supported)` };
  const languageName = kernelLanguage ?? infoLanguage ?? 'python';
  const language = KERNEL_LANGUAGES[languageName];
  if (!language) return { ok: false, reason: `notebook kernel language "${languageName}" is not analysed (python, typescript, javascript are)` };
  return { ok: true, notebook: { language, nbformat, codeCells: cells } };
}

function readCell(scanner: JsonScanner, index: number): NotebookCell | undefined {
  let cellType: unknown;
  let source: { value: unknown; start: number; end: number } | undefined;
  scanner.object((key) => {
    if (key === 'cell_type') cellType = scanner.readValue().value;
    else if (key === 'source') source = scanner.readValue();
    else scanner.skipValue(); // outputs, attachments, metadata, execution_count
  });
  if (cellType !== 'code' || !source) return undefined;
  const value = source.value;
  if (typeof value === 'string') return { index, source: value, sourceStart: source.start, sourceEnd: source.end, sourceForm: 'string' };
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) {
    return { index, source: value.join(''), sourceStart: source.start, sourceEnd: source.end, sourceForm: 'lines' };
  }
  throw new JsonScanError(`cell ${index}: "source" must be a string or an array of strings`, source.start);
}
