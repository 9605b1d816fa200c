// `--shard k/n` (the Playwright / Jest convention for a CI matrix): each file belongs to exactly one of n shards,
// decided by a hash of its path relative to the audited root, so the split is the same on every machine and does not
// move when other files are added. A sharded run still builds the whole workspace index (cross-file facts need every
// file) but analyses and reports only its own files; `prompt-cost merge` joins the shards' JSON reports.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `k/n` (1 ≤ k ≤ n); undefined with a message otherwise. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `"${text}" is not k/n (e.g. 2/4)`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 10_000) return `shard count ${count} is not between 1 and 10000`;
  if (index < 1 || index > count) return `shard ${index} is not between 1 and ${count}`;
  return { index, count };
}

/** FNV-1a (32 bits) over the path's UTF-16 code units: small, fast and the same everywhere. */
function pathHash(relPath: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < relPath.length; i++) {
    h ^= relPath.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The shard (1-based) a path belongs to. */
export function shardOf(relPath: string, count: number): number {
  return (pathHash(relPath) % count) + 1;
}

export function inShard(relPath: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(relPath, shard.count) === shard.index;
}
