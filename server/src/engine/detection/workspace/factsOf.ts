// Per-file facts for a file's text: parse (one parser per grammar, kept), copy the tree, extract, pack (packedFacts.ts:
// the index keeps them for every file). Cached per file by
// content hash, so an unchanged file costs a hash. Files the detector would skip (too large, binary) and files
// without code give no facts.
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
import { packFacts } from './packedFacts';

const GRAMMARS: Partial<Record<SourceLanguage, GrammarName>> = { python: 'python', typescript: 'typescript', tsx: 'tsx', javascript: 'javascript', jsx: 'javascript' };
const parsers = new Map<GrammarName, Promise<Parser>>();
/**
 * Facts kept per file name with the hash of the content they were read from (facts name their file). Only a file's
 * newest version is kept: an editor re-reads an open file after every typing pause, and keeping every version of a
 * large file held memory for texts never seen again. Bounded: the least recently used files go first.
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, { hash: string; facts: FileFacts }>();

/** Forgets every cached fact (benchmarks measure a cold index with it). */
export function clearFactsCache(): void {
  cache.clear();
}

/** How many files' facts the cache holds (a test checks that a file's older versions are not kept). */
export function factsCacheSize(): number {
  return cache.size;
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
  const hash = createHash('sha1').update(text).digest('base64');
  const known = cache.get(fileName);
  if (known?.hash === hash) {
    cache.delete(fileName);
    cache.set(fileName, known);
    return { facts: known.facts };
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
    facts = packFacts(extractFacts(mirrorTree(tree), text, fileName.replace(/\\/g, '/'), language));
  } finally {
    tree.delete();
  }
  cache.delete(fileName);
  cache.set(fileName, { hash, facts });
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return { facts };
}
