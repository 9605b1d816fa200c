// The settings and `.promptcost.json` the CLI audits with: the same defaults the editor reads from package.json,
// overridden by --model/--calls, and the config file (--config, else `.promptcost.json` in the root). A malformed
// config stops the run with each problem as `file:line:column: field: message`.
import * as fs from 'fs';
import * as path from 'path';
import { readSettings, type Settings } from '../engine/config/settings';
import { CONFIG_FILE_NAME, parseWorkspaceConfig, type ConfigError, type WorkspaceConfig } from '../engine/config/workspaceConfig';
import { UsageError } from './args';
import { allRuleMeta } from '../engine/rules/registry';


export class ConfigFailure extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

export interface CliContext {
  root: string;
  settings: Settings;
  workspaceConfig?: WorkspaceConfig;
}

export function loadCliContext(options: { root: string; configFile?: string; model?: string; calls?: number }): CliContext {
  const raw: Record<string, unknown> = {};
  if (options.model !== undefined) raw.defaultModel = options.model;
  if (options.calls !== undefined) raw.defaultCallsPerDay = options.calls;
  const { settings, warnings } = readSettings(raw);
  if (warnings.length > 0) throw new UsageError(warnings.join('; '));
  const configPath = options.configFile ? path.resolve(options.configFile) : path.join(options.root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    if (!options.configFile && (error as NodeJS.ErrnoException).code === 'ENOENT') return { root: options.root, settings };
    throw new ConfigFailure([{ file: displayPath(configPath), line: 1, column: 1, message: `cannot read the config file: ${(error as Error).message}` }]);
  }
  const { config, errors } = parseWorkspaceConfig(text, displayPath(configPath), { ruleIds: allRuleMeta().map((m) => m.id) });
  if (errors.length > 0 || !config) throw new ConfigFailure(errors.length > 0 ? errors : [{ file: displayPath(configPath), line: 1, column: 1, message: 'not a valid config file' }]);
  return { root: options.root, settings, workspaceConfig: config };
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file;
}
