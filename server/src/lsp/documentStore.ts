// Open documents with incremental sync, reporting each change as offset edits into the previous text so the
// per-document detector can re-parse incrementally (tree-sitter needs old/new offsets, not LSP ranges).
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit0 } from '../engine/detection/index';

/** `edits` is undefined when a change replaced the whole text (nothing to re-use: parse from scratch). */
export type EditListener = (uri: string, edits: TextEdit0[] | undefined) => void;

/** `onChangeReceived` runs first, before the change is applied (the start of keystroke → diagnostics). */
export function createDocuments(onEdits: EditListener, onChangeReceived?: (uri: string) => void): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      onChangeReceived?.(document.uri);
      const edits: TextEdit0[] = [];
      let incremental = true;
      // Changes apply one after another; each edit's offsets refer to the text left by the previous one.
      for (const change of changes) {
        const edit = toEdit(document, change);
        if (edit) edits.push(edit);
        else incremental = false;
        TextDocument.update(document, [change], version);
      }
      onEdits(document.uri, incremental ? edits : undefined);
      return document;
    },
  });
}

function toEdit(document: TextDocument, change: TextDocumentContentChangeEvent): TextEdit0 | undefined {
  if (!('range' in change)) return undefined;
  return {
    start: document.offsetAt(change.range.start),
    oldEnd: document.offsetAt(change.range.end),
    newText: change.text,
  };
}
