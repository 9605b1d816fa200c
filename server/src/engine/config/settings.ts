// User settings (`promptCost.*`). Defaults, enums and bounds come from package.json `contributes.configuration`, the
// one source VS Code also shows, so the engine and the Settings UI cannot disagree. Invalid values never throw: each
// becomes a warning and the default is used.
import packageJson from '../../../../package.json';
import { describeValue, isPlainObject, readAliases, readModelEntries, type ModelPriceEntry, type ValueIssue } from './modelEntries';

export type InlineHints = 'off' | 'tokens' | 'cost' | 'full';
export type InlineHintPosition = 'auto' | 'endOfLine';

export interface Settings {
  defaultModel: string;
  defaultCallsPerDay: number;
  defaultOutputTokens: number;
  placeholderTokens: number;
  inlineHints: InlineHints;
  inlineHintPosition: InlineHintPosition;
  inlineHintMaxColumn: number;
  analysisDelayMs: number;
  /** Multiplier on every token price (0.5 for a batch API at 50% off). */
  batchMultiplier: number;
  /** 0..1 share of calls that read the cacheable prefix from the provider's cache. */
  cacheHitRate: number;
  priceMaxAgeDays: number;
  /** USD; 0 = no workspace budget. */
  monthlyBudget: number;
  models: Record<string, ModelPriceEntry>;
  modelAliases: Record<string, string>;
  /** Settings other modules declare in package.json are read the same way and appear under their short name. */
  [other: string]: unknown;
}

interface PropertySchema {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

const PREFIX = 'promptCost.';

export const SETTING_SCHEMAS: Record<string, PropertySchema> = Object.fromEntries(
  Object.entries((packageJson as { contributes: { configuration: { properties: Record<string, PropertySchema> } } }).contributes.configuration.properties)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, schema]) => [key.slice(PREFIX.length), schema]),
);

function typeOk(value: unknown, type: string): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** Checks one value against its declared schema; returns a reason when it is not acceptable. */
function problemWith(value: unknown, schema: PropertySchema): string | undefined {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((t) => typeOk(value, t))) return `expected ${types.join(' or ')}, got ${describeValue(value)}`;
  if (schema.enum && !schema.enum.includes(value)) return `${describeValue(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${value} is below the minimum ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${value} is above the maximum ${schema.maximum}`;
  }
  return undefined;
}

/**
 * Reads the `promptCost` configuration section (keys with or without the `promptCost.` prefix) into Settings.
 * `raw` may be anything a client sends (undefined, null, a wrong type): the result is always complete.
 */
export function readSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  const warnings: string[] = [];
  const source: Record<string, unknown> = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) warnings.push(`Prompt Cost settings: expected an object, got ${describeValue(raw)}; using the defaults.`);
  const settings: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(SETTING_SCHEMAS)) {
    const value = source[name] !== undefined ? source[name] : source[PREFIX + name];
    const fallback = structuredClone(schema.default);
    if (value === undefined || (value === null && !(Array.isArray(schema.type) ? schema.type : [schema.type]).includes('null'))) {
      settings[name] = fallback;
      continue;
    }
    const problem = problemWith(value, schema);
    if (problem) {
      warnings.push(`Setting ${PREFIX}${name}: ${problem}; using the default ${JSON.stringify(fallback)}.`);
      settings[name] = fallback;
      continue;
    }
    settings[name] = value;
  }
  // Maps get entry-level validation: one bad entry is dropped, the others stay.
  const issues: ValueIssue[] = [];
  settings.models = readModelEntries(settings.models ?? {}, ['models'], issues);
  settings.modelAliases = readAliases(settings.modelAliases ?? {}, ['modelAliases'], issues);
  settings.severity = readSeverities(settings.severity, issues);
  for (const issue of issues) warnings.push(`Setting ${PREFIX}${issue.path.join('.')}: ${issue.message}; entry ignored.`);
  if (typeof settings.defaultModel === 'string' && settings.defaultModel.trim() === '') {
    warnings.push(`Setting ${PREFIX}defaultModel is empty; using the default ${JSON.stringify(SETTING_SCHEMAS.defaultModel.default)}.`);
    settings.defaultModel = SETTING_SCHEMAS.defaultModel.default;
  }
  return { settings: settings as Settings, warnings };
}

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'off'];

/** `promptCost.severity`: a value that is not a severity is dropped with a warning (the rule keeps its default). */
function readSeverities(value: unknown, issues: ValueIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPlainObject(value)) return out; // the schema check above already warned and used the default
  for (const [ruleId, severity] of Object.entries(value)) {
    if (typeof severity === 'string' && SEVERITY_NAMES.includes(severity)) out[ruleId] = severity;
    else issues.push({ path: ['severity', ruleId], message: `expected one of ${SEVERITY_NAMES.map((n) => `"${n}"`).join(', ')}, got ${describeValue(severity)}` });
  }
  return out;
}

/** The settings a fresh install has (the CLI and tests start from these). */
export function defaultSettings(): Settings {
  return readSettings(undefined).settings;
}
