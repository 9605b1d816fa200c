// Prompt detection: the public entry points. `detectPrompts` analyses one document; `DocumentDetector` keeps the
// parse tree of an open document and re-parses incrementally on edits.
import type { DetectionResult, SourceInput, SourceLanguage } from '../types';
import type { Parser, Tree } from 'web-tree-sitter';
import { detectInSyntaxTree } from './codeDetector';
import { withoutDataStrings } from './dataStrings';
import { DEFAULT_MAX_FILE_BYTES, skipReason } from './inputGuards';
import { detectionLanguage, needsPromptContent } from './language';
import { createParser, parseWithLimit, PARSE_LIMIT_MS, type GrammarName } from './parserRuntime';
import { pythonParserText } from './commentRuns';
import { detectPromptFile } from './promptFiles';
import { codeMayContainPrompt } from './prefilter';
import { mirrorTree, updateMirror, type SyntaxNode, type TextChange } from './syntaxMirror';

export { detectionLanguage } from './language';

export interface DetectionOptions {
  /** Documents larger than this (UTF-8 bytes) are skipped with a reason. Default 2 MB. */
  maxFileBytes?: number;
  /** Extra globs for prompt files, e.g. `templates/**\/*.txt`. */
  promptFileGlobs?: string[];
}

/** A change to the previous text: [start, oldEnd) replaced by newText (UTF-16 offsets). Applied in order. */
export interface TextEdit0 {
  start: number;
  oldEnd: number;
  newText: string;
}

const GRAMMAR_FOR: Record<Exclude<SourceLanguage, 'prompt'>, GrammarName> = {
  python: 'python',
  typescript: 'typescript',
  tsx: 'tsx',
  javascript: 'javascript',
  jsx: 'javascript',
};

function unsupported(input: SourceInput): DetectionResult {
  return { prompts: [], skipped: { reason: `Not a supported language for prompt detection: ${input.fileName}` } };
}

export async function detectPrompts(input: SourceInput, options: DetectionOptions = {}): Promise<DetectionResult> {
  const detector = new DocumentDetector(options);
  try {
    return await detector.update(input);
  } finally {
    detector.dispose();
  }
}

export class DocumentDetector {
  private parser: Parser | undefined;
  private grammar: GrammarName | undefined;
  private tree: Tree | undefined;
  private text: string | undefined;
  /** Mirror of `tree`, updated statement by statement after edits. */
  private mirror: SyntaxNode | undefined;
  /** The last tree was parsed from a text with comment runs blanked. */
  private blanked = false;
  private disposed = false;

  constructor(private readonly options: DetectionOptions = {}) {}

  async update(input: SourceInput, edits?: TextEdit0[]): Promise<DetectionResult> {
    const language = detectionLanguage(input.fileName, input.languageId, this.options.promptFileGlobs);
    if (!language) return unsupported(input);
    const reason = skipReason(input.text, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (reason) {
      this.dropTree();
      return { prompts: [], skipped: { reason } };
    }
    if (language === 'prompt') {
      this.dropTree();
      return { prompts: detectPromptFile(input.fileName, input.text, { requireContent: needsPromptContent(input.fileName, this.options.promptFileGlobs) }) };
    }
    // Nothing the detector's signals need is in the text: skip the parse (same result, see prefilter.ts).
    if (!codeMayContainPrompt(language, input.text)) {
      this.dropTree();
      return { prompts: [] };
    }
    const root = await this.parse(GRAMMAR_FOR[language], input.text, edits);
    if (!root) return { prompts: [], skipped: { reason: `Parsing took longer than ${PARSE_LIMIT_MS / 1000} s; not analysed.` } };
    // Mocked replies, assertion arguments and written file contents are data wherever they stand (dataStrings.ts).
    return { prompts: withoutDataStrings(root, input.text, detectInSyntaxTree(root, input.text, { fileName: input.fileName, language })) };
  }

  dispose(): void {
    this.disposed = true;
    this.dropTree();
    this.parser?.delete();
    this.parser = undefined;
  }

  private dropTree(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.text = undefined;
    this.mirror = undefined;
  }

  /** Parses (incrementally after edits) and returns the mirror of the new tree. */
  private async parse(grammar: GrammarName, text: string, edits?: TextEdit0[]): Promise<SyntaxNode | undefined> {
    if (this.grammar !== grammar || !this.parser) {
      this.dropTree();
      this.parser?.delete();
      this.parser = undefined;
      const parser = await createParser(grammar);
      if (this.disposed) {
        parser.delete();
        throw new Error('DocumentDetector was disposed');
      }
      this.parser = parser;
      this.grammar = grammar;
    }
    // Long comment runs are blanked for the Python parser (commentRuns.ts). The blanking of one text can differ from
    // the last one's outside the edit, which an incremental parse would not see: such documents are parsed whole.
    const parserText = grammar === 'python' ? pythonParserText(text) : text;
    const blanked = parserText !== text;
    let oldTree: Tree | undefined;
    if (this.tree && this.text !== undefined && edits?.length && !blanked && !this.blanked) {
      oldTree = applyEdits(this.tree, this.text, edits, text) ? this.tree : undefined;
    }
    const tree = parseWithLimit(this.parser, parserText, oldTree);
    let mirror: SyntaxNode | undefined;
    if (tree) {
      mirror = oldTree && this.mirror && this.text !== undefined
        ? updateMirror(this.mirror, tree, textChange(this.text, text, edits!), tree.getChangedRanges(oldTree))
        : mirrorTree(tree);
    }
    this.dropTree();
    if (tree) {
      this.tree = tree;
      this.text = text;
      this.mirror = mirror;
      this.blanked = blanked;
    }
    return mirror;
  }
}

/** One replacement equivalent to `edits`: the edit itself, or the span between the common prefix and suffix. */
function textChange(oldText: string, newText: string, edits: TextEdit0[]): TextChange {
  if (edits.length === 1) {
    const [e] = edits;
    return { start: e.start, oldEnd: e.oldEnd, newEnd: e.start + e.newText.length };
  }
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: (offset - lineStart) * 2 };
}

/** The point after `inserted` when it starts at `from` (tree-sitter columns are UTF-16 bytes). */
function pointAfter(from: { row: number; column: number }, inserted: string): { row: number; column: number } {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak < 0) return { row: from.row, column: from.column + inserted.length * 2 };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: from.row + rows, column: (inserted.length - lastBreak - 1) * 2 };
}

/** Tells the old tree about each edit; false when the edits do not turn the old text into the new one. (Exported for the incremental tests, which check tree-sitter itself on the same edits.) */
export function applyEdits(tree: Tree, oldText: string, edits: TextEdit0[], newText: string): boolean {
  if (edits.length === 1) {
    // One edit (every keystroke): check it against both texts without building the edited text.
    const [e] = edits;
    if (e.start < 0 || e.oldEnd < e.start || e.oldEnd > oldText.length) return false;
    if (oldText.length - (e.oldEnd - e.start) + e.newText.length !== newText.length) return false;
    if (!newText.startsWith(e.newText, e.start) || !newText.startsWith(oldText.slice(0, e.start)) || !newText.endsWith(oldText.slice(e.oldEnd))) return false;
    const startPosition = pointAt(oldText, e.start);
    tree.edit({
      startIndex: e.start,
      oldEndIndex: e.oldEnd,
      newEndIndex: e.start + e.newText.length,
      startPosition,
      oldEndPosition: pointAfter(startPosition, oldText.slice(e.start, e.oldEnd)),
      newEndPosition: pointAfter(startPosition, e.newText),
    });
    return true;
  }
  let current = oldText;
  const steps: { start: number; oldEnd: number; newEnd: number; startPoint: ReturnType<typeof pointAt>; oldEndPoint: ReturnType<typeof pointAt>; next: string }[] = [];
  for (const e of edits) {
    if (e.start < 0 || e.oldEnd < e.start || e.oldEnd > current.length) return false;
    const next = current.slice(0, e.start) + e.newText + current.slice(e.oldEnd);
    steps.push({ start: e.start, oldEnd: e.oldEnd, newEnd: e.start + e.newText.length, startPoint: pointAt(current, e.start), oldEndPoint: pointAt(current, e.oldEnd), next });
    current = next;
  }
  if (current !== newText) return false;
  for (const s of steps) {
    tree.edit({
      startIndex: s.start,
      oldEndIndex: s.oldEnd,
      newEndIndex: s.newEnd,
      startPosition: s.startPoint,
      oldEndPosition: s.oldEndPoint,
      newEndPosition: pointAt(s.next, s.newEnd),
    });
  }
  return true;
}
