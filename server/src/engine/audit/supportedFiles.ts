// Which files the audit reads: exactly those the editor analyses (detection decides, on the name alone, so the
// walk never opens a file it would not analyse), plus Jupyter notebooks.
import * as path from 'path';
import { detectionLanguage } from '../detection/language';
import type { SourceLanguage } from '../types';

/** The LSP language id the editor would hand the analysis for a file of this language. */
const LANGUAGE_IDS: Record<SourceLanguage, string> = {
  python: 'python',
  typescript: 'typescript',
  tsx: 'typescriptreact',
  javascript: 'javascript',
  jsx: 'javascriptreact',
  prompt: 'prompt',
};

/** Minified bundles hold no hand-written prompts; skipping them keeps audits of dependency trees fast. */
const MINIFIED = /\.min\.[cm]?js$/i;

/** `notebook` for .ipynb, an LSP language id for analysed files, undefined for everything else. */
export function auditedLanguageId(relPath: string, promptFileGlobs: string[] = []): string | undefined {
  const name = path.basename(relPath);
  if (/\.ipynb$/i.test(name)) return 'notebook';
  if (MINIFIED.test(name)) return undefined;
  const language = detectionLanguage(relPath, undefined, promptFileGlobs);
  return language ? LANGUAGE_IDS[language] : undefined;
}
