// What a `--cache` file is valid for (engine/audit/auditCache.ts): this build of the tool and this configuration.
import * as fs from 'fs';
import { contentHash, type CacheIdentity } from '../engine/audit/auditCache';
import type { CliContext } from './cliContext';
import { VERSION } from './version';

let toolId: string | undefined;

/**
 * The version and a hash of the running bundle: two builds with the same version number (a local build, a patched
 * install) never share results. npm resets file times in a tarball, so the content is hashed, not the mtime.
 */
export function toolIdentity(): string {
  if (toolId === undefined) {
    let build = 'source';
    try {
      build = contentHash(fs.readFileSync(require.main?.filename ?? __filename));
    } catch {
      // Not a file (an eval): the version alone, and the day below still bounds an entry's life.
    }
    toolId = `${VERSION}+${build}`;
  }
  return toolId;
}

/**
 * Settings, the config file's content and the audited root, plus the day (UTC): prices in force depend on the date
 * (scheduled price changes), so a result is reused on the day it was computed only.
 */
export function cacheIdentity(ctx: CliContext, now = new Date()): CacheIdentity {
  const config = JSON.stringify({ root: ctx.root, settings: ctx.settings, workspaceConfig: ctx.workspaceConfig ?? null, day: now.toISOString().slice(0, 10) });
  return { tool: toolIdentity(), config: contentHash(config) };
}
