// Which code files the index needs to parse (issue 14's 2,000- and 10,000-file bars): a parse costs milliseconds, and
// most files of a large tree neither send text to a model nor import something that does. Seeds are the files that
// may call a model (the detector's pre-filter for sinks, messages and annotations) and files with a static loader;
// then every file that imports a relevant file (callers of wrappers, through MAX_DEPTH layers) and the files relevant
// files import (the constants, tables and builders they send). Imports are read with regular expressions here — a superset is harmless
// (one more parse), a miss is what the closure's seeds guard against.
import { modelCallPossible } from '../prefilter';
import type { SourceLanguage } from '../../types';
import type { ModuleResolver } from './moduleResolver';
import { MAX_DEPTH } from './workspaceIndex';

/** Static loaders and the anchors of static paths (loaders.ts): a file with one is parsed. */
const LOADER_HINT = /__file__|__dirname|import\.meta|get_template|load_prompt|agents_config|tasks_config|importlib|(?:open|Path|readFileSync|readFile)\(\s*["'][^"'\n]+\.(?:md|txt|j2|jinja2?|ya?ml|prompt|tmpl)["']/;
const PY_FROM = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^#\n]+)/gm;
const PY_IMPORT = /^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)/gm;
const PY_DYNAMIC = /\b(?:import_module|__import__)\(\s*["'](\.*)([\w.]+)["']/g;
const JS_SPECIFIER = /(?:\bfrom|\bimport|\brequire[ \t]*\()[ \t]*\(?[ \t]*["']([^"'\n]+)["']/g;

export interface FileSketch {
  file: string;
  seed: boolean;
  /** Workspace files it imports (resolved). */
  imports: string[];
}

/**
 * What a file's text says for relevance, before any name is resolved: a pure function of the text, so the audit's
 * cache (`audit/auditCache.ts`) keeps it per content hash and resolves it again against the current file set.
 */
export interface RawSketch {
  seed: boolean;
  /** Python: [level, module] pairs to resolve; JavaScript: module specifiers. */
  python?: [number, string][];
  javascript?: string[];
}

export function readSketch(language: SourceLanguage, text: string): RawSketch {
  const seed = modelCallPossible(text) || LOADER_HINT.test(text);
  if (language !== 'python') return { seed, javascript: [...new Set([...text.matchAll(JS_SPECIFIER)].map((m) => m[1]))] };
  const python: [number, string][] = [];
  for (const m of text.matchAll(PY_FROM)) {
    const level = m[1].length;
    python.push([level, m[2]]);
    for (const name of m[3].replace(/[()]/g, '').split(',')) {
      const imported = name.trim().split(/\s+/)[0];
      if (/^\w+$/.test(imported)) python.push([level, m[2] ? `${m[2]}.${imported}` : imported]);
    }
  }
  for (const m of text.matchAll(PY_DYNAMIC)) python.push([m[1].length, m[2]]);
  for (const m of text.matchAll(PY_IMPORT)) for (const part of m[1].split(',')) python.push([0, part.trim().split(/\s+/)[0]]);
  return { seed, python };
}

/** A raw sketch with its imports resolved to workspace files. */
export function resolveSketch(file: string, raw: RawSketch, resolver: ModuleResolver): FileSketch {
  const imports = new Set<string>();
  const add = (target: string | undefined): void => {
    if (target && target !== file) imports.add(target);
  };
  for (const [level, module] of raw.python ?? []) add(resolver.python(file, module, level));
  for (const specifier of raw.javascript ?? []) add(resolver.javascript(file, specifier));
  return { file, seed: raw.seed, imports: [...imports] };
}

export function sketchFile(file: string, language: SourceLanguage, text: string, resolver: ModuleResolver): FileSketch {
  return resolveSketch(file, readSketch(language, text), resolver);
}

/** The files worth parsing: seeds, their importers (MAX_DEPTH layers), and what the relevant files import (2 levels). */
export function relevantFiles(sketches: FileSketch[]): Set<string> {
  const importers = new Map<string, string[]>();
  const byFile = new Map(sketches.map((s) => [s.file, s]));
  for (const s of sketches) {
    for (const target of s.imports) {
      const list = importers.get(target) ?? [];
      list.push(s.file);
      importers.set(target, list);
    }
  }
  const relevant = new Set(sketches.filter((s) => s.seed).map((s) => s.file));
  let frontier = [...relevant];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
    const next: string[] = [];
    for (const f of frontier) for (const importer of importers.get(f) ?? []) if (!relevant.has(importer)) { relevant.add(importer); next.push(importer); }
    frontier = next;
  }
  frontier = [...relevant];
  for (let depth = 0; depth < 2 && frontier.length; depth++) {
    const next: string[] = [];
    for (const f of frontier) for (const target of byFile.get(f)?.imports ?? []) if (!relevant.has(target)) { relevant.add(target); next.push(target); }
    frontier = next;
  }
  return relevant;
}
