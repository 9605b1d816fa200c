// Per-file facts for a file's text: parse (one parser per grammar, kept), copy the tree, extract. Cached by content
// hash, so an unchanged file (or one copied elsewhere) costs a hash. Files the detector would skip (too large,
// binary) and files without code give no facts.
import { createHash } from 'crypto';
import type { Parser } from 'web-tree-sitter';
import { skipReason } from '../inputGuards';
import { detectionLanguage } from '../language';
import { createParser, parseWithLimit, PARSE_LIMIT_MS, type GrammarName } from '../parserRuntime';
import { pythonParserText } from '../commentRuns';
import { mirrorTree } from '../syntaxMirror';
import type { SourceLanguage } from '../../types';
import { extractFacts } from './extractFacts';
import type { FileFacts } from './fileFacts';

const GRAMMARS: Partial<Record<SourceLanguage, GrammarName>> = { python: 'python', typescript: 'typescript', tsx: 'tsx', javascript: 'javascript', jsx: 'javascript' };
const parsers = new Map<GrammarName, Promise<Parser>>();
/** Facts kept by content hash (and file name: facts name their file). Bounded: the oldest entries go first. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, FileFacts>();

/** Forgets every cached fact (benchmarks measure a cold index with it). */
export function clearFactsCache(): void {
  cache.clear();
}

export type FactsOutcome = { facts: FileFacts } | { skipped: string } | { none: true };

/** True for files the index reads facts from (code the detector analyses). */
export function hasFacts(fileName: string, languageId?: string): boolean {
  const language = detectionLanguage(fileName, languageId);
  return language !== undefined && GRAMMARS[language] !== undefined;
}

export async function factsOf(fileName: string, text: string, maxFileBytes: number, languageId?: string): Promise<FactsOutcome> {
  const language = detectionLanguage(fileName, languageId);
  const grammar = language && GRAMMARS[language];
  if (!language || !grammar) return { none: true };
  const reason = skipReason(text, maxFileBytes);
  if (reason) return { skipped: reason };
  const key = createHash('sha1').update(fileName).update('\0').update(text).digest('base64');
  const known = cache.get(key);
  if (known) {
    cache.delete(key);
    cache.set(key, known);
    return { facts: known };
  }
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = createParser(grammar);
    parsers.set(grammar, parser);
  }
  const p = await parser;
  const tree = parseWithLimit(p, grammar === 'python' ? pythonParserText(text) : text);
  if (!tree) return { skipped: `parsing took longer than ${PARSE_LIMIT_MS / 1000} s; not followed across files` };
  let facts: FileFacts;
  try {
    facts = extractFacts(mirrorTree(tree), text, fileName.replace(/\\/g, '/'), language);
  } finally {
    tree.delete();
  }
  cache.set(key, facts);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return { facts };
}
