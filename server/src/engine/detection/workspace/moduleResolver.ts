// Import specifiers → workspace files. Python: relative imports from the importing file's package, absolute ones by
// module path suffix (so `from app.llm import LLM` resolves whether the workspace root is the project, its `src/`
// parent, or a monorepo above it; the candidate nearest the importing file wins). TypeScript/JavaScript: relative
// specifiers with the usual extensions and index files, and `compilerOptions.paths` of the nearest tsconfig.json /
// jsconfig.json when its patterns are plain `prefix/*` → `dir/*` (anything else is left unresolved).
import * as posix from 'path/posix';

export interface ResolverHost {
  /** Workspace-relative `/` path → file text, or undefined when absent or unreadable (used for tsconfig.json). */
  readText(relPath: string): string | undefined;
  /** True when the workspace-relative file exists (loaded prompt files need not be code or prompt files). */
  exists(relPath: string): boolean;
}

const JS_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.jsx'];

interface PathAlias {
  prefix: string;
  targets: string[];
}

export class ModuleResolver {
  private readonly files = new Set<string>();
  /** Dotted module suffix (`llm`, `app.llm`) → Python files that define it. */
  private readonly pythonModules = new Map<string, Set<string>>();
  private readonly aliasCache = new Map<string, { dir: string; aliases: PathAlias[] } | null>();

  constructor(private readonly host: ResolverHost) {}

  add(file: string): void {
    if (this.files.has(file)) return;
    this.files.add(file);
    for (const key of pythonModuleKeys(file)) {
      const set = this.pythonModules.get(key) ?? new Set();
      set.add(file);
      this.pythonModules.set(key, set);
    }
  }

  remove(file: string): void {
    if (!this.files.delete(file)) return;
    for (const key of pythonModuleKeys(file)) this.pythonModules.get(key)?.delete(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Known files whose path ends with `/tail` (template names looked up under a loader's directory). */
  withTail(tail: string): string[] {
    const out: string[] = [];
    for (const f of this.files) if (f === tail || f.endsWith(`/${tail}`)) out.push(f);
    return out;
  }

  /** A file that exists, known or not (loaded files). */
  exists(file: string): boolean {
    return this.files.has(file) || this.host.exists(file);
  }

  nearestOf(fromFile: string, candidates: string[]): string | undefined {
    return candidates.length ? nearest(fromFile, candidates) : undefined;
  }

  /** The file a Python import names, from `fromFile`; `level` = number of leading dots. */
  python(fromFile: string, specifier: string, level: number): string | undefined {
    if (level > 0) {
      let dir = posix.dirname(fromFile);
      for (let i = 1; i < level; i++) dir = posix.dirname(dir);
      const base = specifier ? posix.join(dir, ...specifier.split('.')) : dir;
      return this.firstFile([`${base}.py`, `${base}/__init__.py`, `${base}.pyi`]);
    }
    const candidates = this.pythonModules.get(specifier);
    if (!candidates?.size) return undefined;
    return nearest(fromFile, [...candidates]);
  }

  /** The directory of a Python package named by dotted path (for `importlib.resources.files("app.prompts")`). */
  pythonPackageDir(fromFile: string, packageName: string): string | undefined {
    const init = this.python(fromFile, packageName, 0);
    if (init?.endsWith('/__init__.py')) return posix.dirname(init);
    // A namespace package (no __init__.py): the directory holding any of its modules.
    const tail = packageName.split('.').join('/');
    const dir = posix.dirname(fromFile);
    for (let d = dir; ; d = posix.dirname(d)) {
      const candidate = d === '.' ? tail : `${d}/${tail}`;
      if ([...this.files].some((f) => f.startsWith(`${candidate}/`))) return candidate;
      if (d === '.' || d === '/' || d === '') break;
    }
    return undefined;
  }

  /** The file a JavaScript/TypeScript specifier names, from `fromFile`. */
  javascript(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return this.withExtensions(posix.join(posix.dirname(fromFile), specifier));
    const config = this.pathAliases(posix.dirname(fromFile));
    if (!config) return undefined;
    for (const alias of config.aliases) {
      if (!specifier.startsWith(alias.prefix)) continue;
      const rest = specifier.slice(alias.prefix.length);
      for (const target of alias.targets) {
        const found = this.withExtensions(posix.join(config.dir, target + rest));
        if (found) return found;
      }
    }
    return undefined;
  }

  private withExtensions(base: string): string | undefined {
    const normal = posix.normalize(base);
    // `./ai.js` in TypeScript sources names `./ai.ts`.
    const stripped = normal.replace(/\.(?:js|jsx|mjs|cjs)$/, '');
    return this.firstFile(JS_EXTENSIONS.map((ext) => normal + ext).concat(stripped !== normal ? JS_EXTENSIONS.map((ext) => stripped + ext) : []));
  }

  private firstFile(candidates: string[]): string | undefined {
    return candidates.map((c) => posix.normalize(c)).find((c) => this.files.has(c));
  }

  /** `paths` of the nearest tsconfig.json/jsconfig.json at or above `dir` (cached per directory). */
  private pathAliases(dir: string): { dir: string; aliases: PathAlias[] } | undefined {
    const cached = this.aliasCache.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let found: { dir: string; aliases: PathAlias[] } | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const text = this.host.readText(dir === '.' ? name : `${dir}/${name}`);
      if (text === undefined) continue;
      found = { dir, aliases: readPathAliases(text, dir) };
      break;
    }
    if (!found && dir !== '.' && dir !== '') found = this.pathAliases(posix.dirname(dir)) ?? null;
    this.aliasCache.set(dir, found);
    return found ?? undefined;
  }
}

/** Plain `"@/*": ["./src/*"]` patterns; comments and trailing commas tolerated; anything else ignored. */
function readPathAliases(text: string, dir: string): PathAlias[] {
  let config: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
  try {
    config = JSON.parse(text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"])\/\/.*$/gm, '$1').replace(/,\s*([}\]])/g, '$1'));
  } catch {
    return [];
  }
  const options = config.compilerOptions ?? {};
  const baseUrl = options.baseUrl ?? '.';
  const out: PathAlias[] = [];
  for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
    if (!pattern.endsWith('/*') || !Array.isArray(targets)) continue;
    const usable = targets.filter((t) => typeof t === 'string' && t.endsWith('/*')).map((t) => posix.join(baseUrl, t.slice(0, -1)));
    if (usable.length) out.push({ prefix: pattern.slice(0, -1), targets: usable });
  }
  void dir;
  return out;
}

function pythonModuleKeys(file: string): string[] {
  if (!/\.pyi?$/.test(file)) return [];
  const parts = file.replace(/\.pyi?$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const keys: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) keys.push(parts.slice(i).join('.'));
  return keys.filter(Boolean);
}

/** The candidate sharing the longest directory prefix with `fromFile`. */
function nearest(fromFile: string, candidates: string[]): string {
  const from = fromFile.split('/');
  let best = candidates[0];
  let bestScore = -1;
  for (const c of candidates.sort()) {
    const parts = c.split('/');
    let score = 0;
    while (score < from.length && score < parts.length && from[score] === parts[score]) score++;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
