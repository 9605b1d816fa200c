// Which model, volume, output size and placeholder sizes price a prompt, and where each came from (shown in the hover).
// Precedence (docs/design/numbers.md):
//   model:   annotation > call site / constant / front matter > .promptcost.json defaultModel > framework default
//            (detection/frameworkDefaults.ts) > setting promptCost.defaultModel
//   volume:  annotation > .promptcost.json volumes.prompts[id] > volumes.globs (first match) > volumes.default > setting
//   output:  annotation > .promptcost.json outputTokens.prompts[id] > outputTokens.default > setting
import type { Settings } from '../config/settings';
import { SETTING_SCHEMAS } from '../config/settings';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import { matchesGlob } from '../config/glob';
import { resolveModel } from '../pricing/catalog';
import type { DetectedPrompt, ModelSource, ResolvedModel } from '../types';

export interface AssumptionContext {
  settings: Settings;
  workspaceConfig?: WorkspaceConfig;
  relativePath?: string;
  now?: Date;
}

/**
 * A per-prompt entry of `.promptcost.json` (volumes.prompts, outputTokens.prompts, budgets.prompts). Keys are prompt
 * ids; besides the exact id, `<workspace-relative path>#<symbol>` and `<relative path>#<part of the id after #>`
 * match, so a config written for the CLI (relative paths) also applies when the editor's ids use URIs.
 */
export function promptEntry<T>(map: Record<string, T> | undefined, prompt: DetectedPrompt, relativePath?: string): { key: string; value: T } | undefined {
  if (!map) return undefined;
  for (const key of promptEntryKeys(prompt.id, relativePath, prompt.symbol)) {
    if (Object.prototype.hasOwnProperty.call(map, key)) return { key, value: map[key] };
  }
  return undefined;
}

/** The keys a `.promptcost.json` entry may use for a prompt, in the order they are tried: its id, then relative-path forms. */
export function promptEntryKeys(id: string, relativePath: string | undefined, symbol: string | undefined): string[] {
  const rel = relativePath?.replace(/\\/g, '/');
  const localPart = id.includes('#') ? id.slice(id.lastIndexOf('#') + 1) : undefined;
  const keys = [id];
  if (rel && symbol) keys.push(`${rel}#${symbol}`);
  if (rel && localPart) keys.push(`${rel}#${localPart}`);
  return keys;
}

/** Where `.promptcost.json` keys entries by prompt id. */
export const PROMPT_KEYED_FIELDS = ['volumes.prompts', 'outputTokens.prompts', 'budgets.prompts'] as const;

/**
 * Entries keyed by a prompt id that match no prompt of a file that has prompts (ids changed, a prompt was renamed):
 * they apply to nothing, silently. `prompts` are the audited ones (id, file relative to the root).
 */
export function unmatchedPromptKeys(config: WorkspaceConfig, prompts: readonly { id: string; file: string }[]): { field: (typeof PROMPT_KEYED_FIELDS)[number]; key: string }[] {
  const filesWithPrompts = new Set(prompts.map((p) => p.file));
  const matched = new Set<string>();
  for (const p of prompts) {
    // The symbol is not in the audit record; an id's local part without its `~n` is what a symbol key reads.
    const local = p.id.slice(p.id.lastIndexOf('#') + 1).replace(/~\d+$/, '');
    for (const key of promptEntryKeys(p.id, p.file, local)) matched.add(key);
  }
  const maps = { 'volumes.prompts': config.volumes.prompts, 'outputTokens.prompts': config.outputTokens.prompts, 'budgets.prompts': config.budgets.prompts };
  const unmatched: { field: (typeof PROMPT_KEYED_FIELDS)[number]; key: string }[] = [];
  for (const field of PROMPT_KEYED_FIELDS) {
    for (const key of Object.keys(maps[field] ?? {})) {
      const file = key.includes('#') ? key.slice(0, key.lastIndexOf('#')) : undefined;
      if (file && filesWithPrompts.has(file) && !matched.has(key)) unmatched.push({ field, key });
    }
  }
  return unmatched;
}

export function resolvePromptModel(prompt: DetectedPrompt, ctx: AssumptionContext): ResolvedModel {
  const options = { settings: ctx.settings, now: ctx.now };
  let name: string;
  let source: ModelSource;
  // A framework's own default (the code names no model) yields to the project's `.promptcost.json` defaultModel,
  // which may say what the deployment sets in the environment, but wins over the user setting and ours.
  const written = prompt.model?.name && prompt.model.source !== 'framework-default' ? prompt.model : undefined;
  if (prompt.annotation?.model) [name, source] = [prompt.annotation.model, 'annotation'];
  else if (written) [name, source] = [written.name, written.source];
  else if (ctx.workspaceConfig?.defaultModel) [name, source] = [ctx.workspaceConfig.defaultModel, 'config'];
  else if (prompt.model?.name) [name, source] = [prompt.model.name, 'framework-default'];
  else [name, source] = [ctx.settings.defaultModel, ctx.settings.defaultModel === SETTING_SCHEMAS.defaultModel?.default ? 'default' : 'settings'];
  return resolveModel(name, source, ctx.workspaceConfig, options);
}

export function resolveVolume(prompt: DetectedPrompt, ctx: AssumptionContext): { callsPerDay: number; source: string } {
  const annotated = prompt.annotation?.callsPerDay;
  if (annotated !== undefined && Number.isFinite(annotated) && annotated >= 0) return { callsPerDay: annotated, source: 'annotation (prompt-cost: calls=…)' };
  const config = ctx.workspaceConfig;
  if (config) {
    const byId = promptEntry(config.volumes.prompts, prompt, ctx.relativePath);
    if (byId) return { callsPerDay: byId.value.callsPerDay, source: `.promptcost.json volumes.prompts["${byId.key}"] = ${byId.value.written}` };
    if (ctx.relativePath) {
      for (const [glob, volume] of Object.entries(config.volumes.globs)) {
        if (matchesGlob(ctx.relativePath, glob)) return { callsPerDay: volume.callsPerDay, source: `.promptcost.json volumes.globs["${glob}"] = ${volume.written}` };
      }
    }
    if (config.volumes.default) return { callsPerDay: config.volumes.default.callsPerDay, source: `.promptcost.json volumes.default = ${config.volumes.default.written}` };
  }
  const isDefault = ctx.settings.defaultCallsPerDay === SETTING_SCHEMAS.defaultCallsPerDay?.default;
  return { callsPerDay: ctx.settings.defaultCallsPerDay, source: isDefault ? 'default (setting promptCost.defaultCallsPerDay)' : 'setting promptCost.defaultCallsPerDay' };
}

export function resolveOutputTokens(prompt: DetectedPrompt, ctx: AssumptionContext): { tokens: number; source: string } {
  const annotated = prompt.annotation?.outputTokens;
  if (annotated !== undefined && Number.isFinite(annotated) && annotated >= 0) return { tokens: annotated, source: 'annotation (prompt-cost: output=…)' };
  const config = ctx.workspaceConfig;
  if (config) {
    const byId = promptEntry(config.outputTokens.prompts, prompt, ctx.relativePath);
    if (byId) return { tokens: byId.value, source: `.promptcost.json outputTokens.prompts["${byId.key}"]` };
    if (config.outputTokens.default !== undefined) return { tokens: config.outputTokens.default, source: '.promptcost.json outputTokens.default' };
  }
  const isDefault = ctx.settings.defaultOutputTokens === SETTING_SCHEMAS.defaultOutputTokens?.default;
  return { tokens: ctx.settings.defaultOutputTokens, source: isDefault ? 'default (setting promptCost.defaultOutputTokens)' : 'setting promptCost.defaultOutputTokens' };
}

/** Estimated tokens of one placeholder: per-name size from the config, else the config's or the setting's default. */
export function placeholderSize(name: string, ctx: AssumptionContext): number {
  const config = ctx.workspaceConfig;
  const sizes = config?.placeholders ?? {};
  for (const key of [name, name.trim()]) if (Object.prototype.hasOwnProperty.call(sizes, key)) return sizes[key];
  return config?.placeholderTokens ?? ctx.settings.placeholderTokens;
}

export function cacheHitRate(ctx: AssumptionContext): number {
  return ctx.workspaceConfig?.cacheHitRate ?? ctx.settings.cacheHitRate;
}

export function priceMultiplier(ctx: AssumptionContext): number {
  return ctx.workspaceConfig?.batchMultiplier ?? ctx.settings.batchMultiplier;
}
