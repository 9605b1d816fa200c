// Glob matching for `.promptcost.json` (volumes per glob, excludes, prompt file globs): the one glob translator.
// Semantics (gitignore-like, documented in docs/design/numbers.md): `**` spans directories, `*` and `?` stay inside one
// path segment, `{a,b}` alternates, and a pattern without `/` matches the file name in any directory.
// Two ways to anchor: `matchesGlob` for workspace-relative paths (a pattern with `/` starts at the workspace root), and
// `matchesGlobAtAnyDepth` for file names whose workspace root is unknown (prompt-file globs in detection).

const cache = new Map<string, RegExp>();
const anyDepthCache = new Map<string, RegExp>();

function escapeRegExp(ch: string): string {
  return /[.+^$()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}

function globToRegExpSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      const options = glob.slice(i + 1, close).split(',').map(globToRegExpSource);
      out += `(?:${options.join('|')})`;
      i = close;
    } else out += escapeRegExp(ch);
  }
  return out;
}

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    let pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    if (!pattern.includes('/')) pattern = `**/${pattern}`;
    else if (pattern.startsWith('/')) pattern = pattern.slice(1);
    if (pattern.endsWith('/')) pattern += '**';
    re = new RegExp(`^${globToRegExpSource(pattern)}$`);
    cache.set(glob, re);
  }
  return re;
}

/** True when the workspace-relative path (either slash style) matches the glob. */
export function matchesGlob(relativePath: string, glob: string): boolean {
  const normalized = relativePath.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\//, '');
  return globToRegExp(glob).test(normalized);
}

/**
 * Prompt-file globs against a file name that may be absolute (the editor's) or relative (the audit's): a pattern
 * matches at any folder depth unless it starts with `/`, and letters match in either case.
 */
export function matchesGlobAtAnyDepth(fileName: string, glob: string): boolean {
  let re = anyDepthCache.get(glob);
  if (!re) {
    const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
    re = new RegExp(`${pattern.startsWith('/') ? '^' : '(?:^|/)'}${globToRegExpSource(pattern)}$`, 'i');
    anyDepthCache.set(glob, re);
  }
  return re.test(fileName.replace(/\\/g, '/'));
}
