// `.promptcost.json`: per-workspace prices, aliases, volumes, output sizes, placeholder sizes, budgets and rule settings.
// Parsed as JSONC (comments and trailing commas accepted, like tsconfig.json) so a commented file never breaks the
// numbers. Every problem is reported with file, 1-based line and column, and the field path. Syntax errors return no
// config (the caller keeps the last good one); a wrong field is dropped and reported, the rest of the file applies.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Severity } from '../types';
import { lineAt, lineStartsOf } from '../text/lineIndex';
import { parseCallRate, type CallVolume } from './callRate';
import { MAX_BUDGET_USD, MAX_CALLS_PER_DAY, MAX_TOKENS } from './limits';
import { describeValue, isPlainObject, readAliases, readModelEntries, type ModelPriceEntry, type ValueIssue } from './modelEntries';
import { editDistance } from '../text/editDistance';
import { groupThousands } from '../views/format';

export type { CallVolume, ModelPriceEntry };

export interface ConfigError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  field?: string;
  message: string;
}

export interface PhraseRule {
  phrase: string;
  replacement: string;
}

export interface WorkspaceConfig {
  /** The file it was read from (for messages). */
  filePath: string;
  defaultModel?: string;
  models: Record<string, ModelPriceEntry>;
  /** Name as written in code (Azure deployment, proxy name) → model id. */
  aliases: Record<string, string>;
  volumes: {
    default?: CallVolume;
    /** Prompt id → volume. */
    prompts: Record<string, CallVolume>;
    /** Glob → volume; the first matching glob in file order wins. */
    globs: Record<string, CallVolume>;
  };
  outputTokens: { default?: number; prompts: Record<string, number> };
  /**
   * Hidden reasoning tokens per call (billed as output): `default` for every reasoning model, per catalog model id
   * (`models`), per prompt id (`prompts`). Replaces the per-model estimates of cost/reasoningModels.ts.
   */
  reasoningTokens: { default?: number; models: Record<string, number>; prompts: Record<string, number> };
  /** Placeholder name → estimated tokens. */
  placeholders: Record<string, number>;
  /** Tokens for a placeholder without a per-name size (overrides the setting). */
  placeholderTokens?: number;
  budgets: { monthly?: number; prompts: Record<string, number> };
  exclude: string[];
  promptFileGlobs: string[];
  /** Globs of test and fixture files (config/testScope.ts); undefined: the defaults. */
  testGlobs?: string[];
  rules: Record<string, Severity>;
  phrases: PhraseRule[];
  cacheHitRate?: number;
  batchMultiplier?: number;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Top-level fields: keep in step with schemas/promptcost.schema.json (test/config/schema.test.ts checks). */
export const WORKSPACE_CONFIG_FIELDS = [
  '$schema', 'defaultModel', 'models', 'aliases', 'volumes', 'outputTokens', 'reasoningTokens', 'placeholders', 'placeholderTokens',
  'budgets', 'exclude', 'promptFileGlobs', 'testGlobs', 'rules', 'phrases', 'cacheHitRate', 'batchMultiplier',
] as const;

/** The workspace config file, read from the root of each workspace folder (editor) or of the audited tree (CLI). */
export const CONFIG_FILE_NAME = '.promptcost.json';

export function emptyWorkspaceConfig(filePath = CONFIG_FILE_NAME): WorkspaceConfig {
  return {
    filePath,
    models: {},
    aliases: {},
    volumes: { prompts: {}, globs: {} },
    outputTokens: { prompts: {} },
    reasoningTokens: { models: {}, prompts: {} },
    placeholders: {},
    budgets: { prompts: {} },
    exclude: [],
    promptFileGlobs: [],
    rules: {},
    phrases: [],
  };
}

/** 1-based line and column of a UTF-16 offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const starts = lineStartsOf(text);
  const line = lineAt(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1 };
}

function numberAtLeast(value: unknown, min: number, path: (string | number)[], issues: ValueIssue[], max: number): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    issues.push({ path, message: `expected a number from ${min} to ${groupThousands(max)}, got ${describeValue(value)}` });
    return undefined;
  }
  return value;
}

function stringList(value: unknown, path: (string | number)[], issues: ValueIssue[]): string[] {
  if (!Array.isArray(value)) {
    issues.push({ path, message: `expected an array of strings, got ${describeValue(value)}` });
    return [];
  }
  const out: string[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else issues.push({ path: [...path, i], message: `expected a non-empty string, got ${describeValue(v)}` });
  });
  return out;
}

function objectOf<T>(value: unknown, path: (string | number)[], issues: ValueIssue[], what: string, read: (v: unknown, at: (string | number)[]) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isPlainObject(value)) {
    issues.push({ path, message: `expected an object of ${what}, got ${describeValue(value)}` });
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const r = read(v, [...path, key]);
    if (r !== undefined) out[key] = r;
  }
  return out;
}

function callVolume(v: unknown, at: (string | number)[], issues: ValueIssue[]): CallVolume | undefined {
  const parsed = parseCallRate(v);
  if (!parsed) issues.push({ path: at, message: `expected calls per day as a number, or a rate like "20000/day", "500/hour", "10000/month" (at most ${groupThousands(MAX_CALLS_PER_DAY)} a day); got ${describeValue(v)}` });
  return parsed;
}

function knownFields(value: Record<string, unknown>, allowed: readonly string[], path: (string | number)[], issues: ValueIssue[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) issues.push({ path: [...path, key], message: `unknown field "${key}"; allowed: ${allowed.filter((k) => k !== '$schema').join(', ')}` });
}

export interface ConfigReadOptions {
  /**
   * Every rule id the engine knows (engine/rules allRuleMeta). Given, a `rules` entry for any other id is reported: a
   * misspelt id ("verbose-phrases") otherwise turned nothing off, silently. The callers pass it, so this module does
   * not load the rules.
   */
  ruleIds?: readonly string[];
}

/** Validates a parsed value into a WorkspaceConfig; problems are collected as path issues. */
export function readWorkspaceConfigValue(value: unknown, filePath: string, issues: ValueIssue[], options: ConfigReadOptions = {}): WorkspaceConfig | undefined {
  if (!isPlainObject(value)) {
    issues.push({ path: [], message: `expected a JSON object at the top level, got ${describeValue(value)}` });
    return undefined;
  }
  const config = emptyWorkspaceConfig(filePath);
  knownFields(value, WORKSPACE_CONFIG_FIELDS, [], issues);
  const v = value;
  if (v.$schema !== undefined && typeof v.$schema !== 'string') issues.push({ path: ['$schema'], message: `expected a string, got ${describeValue(v.$schema)}` });
  if (v.defaultModel !== undefined) {
    if (typeof v.defaultModel === 'string' && v.defaultModel.trim()) config.defaultModel = v.defaultModel.trim();
    else issues.push({ path: ['defaultModel'], message: `expected a model id string, got ${describeValue(v.defaultModel)}` });
  }
  if (v.models !== undefined) config.models = readModelEntries(v.models, ['models'], issues);
  if (v.aliases !== undefined) config.aliases = readAliases(v.aliases, ['aliases'], issues);
  if (v.volumes !== undefined) {
    if (!isPlainObject(v.volumes)) issues.push({ path: ['volumes'], message: `expected an object with "default", "prompts" and/or "globs", got ${describeValue(v.volumes)}` });
    else {
      knownFields(v.volumes, ['default', 'prompts', 'globs'], ['volumes'], issues);
      if (v.volumes.default !== undefined) config.volumes.default = callVolume(v.volumes.default, ['volumes', 'default'], issues);
      if (v.volumes.prompts !== undefined) config.volumes.prompts = objectOf(v.volumes.prompts, ['volumes', 'prompts'], issues, 'prompt id → calls', (x, at) => callVolume(x, at, issues));
      if (v.volumes.globs !== undefined) config.volumes.globs = objectOf(v.volumes.globs, ['volumes', 'globs'], issues, 'glob → calls', (x, at) => callVolume(x, at, issues));
    }
  }
  if (v.outputTokens !== undefined) {
    if (!isPlainObject(v.outputTokens)) issues.push({ path: ['outputTokens'], message: `expected an object with "default" and/or "prompts", got ${describeValue(v.outputTokens)}` });
    else {
      knownFields(v.outputTokens, ['default', 'prompts'], ['outputTokens'], issues);
      if (v.outputTokens.default !== undefined) config.outputTokens.default = numberAtLeast(v.outputTokens.default, 0, ['outputTokens', 'default'], issues, MAX_TOKENS);
      if (v.outputTokens.prompts !== undefined) config.outputTokens.prompts = objectOf(v.outputTokens.prompts, ['outputTokens', 'prompts'], issues, 'prompt id → output tokens', (x, at) => numberAtLeast(x, 0, at, issues, MAX_TOKENS));
    }
  }
  if (v.reasoningTokens !== undefined) {
    if (!isPlainObject(v.reasoningTokens)) issues.push({ path: ['reasoningTokens'], message: `expected an object with "default", "models" and/or "prompts", got ${describeValue(v.reasoningTokens)}` });
    else {
      const r = v.reasoningTokens;
      knownFields(r, ['default', 'models', 'prompts'], ['reasoningTokens'], issues);
      const fallback = r.default === undefined ? undefined : numberAtLeast(r.default, 0, ['reasoningTokens', 'default'], issues, MAX_TOKENS);
      if (fallback !== undefined) config.reasoningTokens.default = fallback;
      if (r.models !== undefined) config.reasoningTokens.models = objectOf(r.models, ['reasoningTokens', 'models'], issues, 'model id → reasoning tokens', (x, at) => numberAtLeast(x, 0, at, issues, MAX_TOKENS));
      if (r.prompts !== undefined) config.reasoningTokens.prompts = objectOf(r.prompts, ['reasoningTokens', 'prompts'], issues, 'prompt id → reasoning tokens', (x, at) => numberAtLeast(x, 0, at, issues, MAX_TOKENS));
    }
  }
  if (v.placeholders !== undefined) config.placeholders = objectOf(v.placeholders, ['placeholders'], issues, 'placeholder name → tokens', (x, at) => numberAtLeast(x, 0, at, issues, MAX_TOKENS));
  if (v.placeholderTokens !== undefined) config.placeholderTokens = numberAtLeast(v.placeholderTokens, 0, ['placeholderTokens'], issues, MAX_TOKENS);
  if (v.budgets !== undefined) {
    if (!isPlainObject(v.budgets)) issues.push({ path: ['budgets'], message: `expected an object with "monthly" and/or "prompts" (USD), got ${describeValue(v.budgets)}` });
    else {
      knownFields(v.budgets, ['monthly', 'prompts'], ['budgets'], issues);
      if (v.budgets.monthly !== undefined) config.budgets.monthly = numberAtLeast(v.budgets.monthly, 0, ['budgets', 'monthly'], issues, MAX_BUDGET_USD);
      if (v.budgets.prompts !== undefined) config.budgets.prompts = objectOf(v.budgets.prompts, ['budgets', 'prompts'], issues, 'prompt id → USD per month', (x, at) => numberAtLeast(x, 0, at, issues, MAX_BUDGET_USD));
    }
  }
  if (v.exclude !== undefined) config.exclude = stringList(v.exclude, ['exclude'], issues);
  if (v.promptFileGlobs !== undefined) config.promptFileGlobs = stringList(v.promptFileGlobs, ['promptFileGlobs'], issues);
  if (v.testGlobs !== undefined) config.testGlobs = stringList(v.testGlobs, ['testGlobs'], issues);
  if (v.rules !== undefined) {
    config.rules = objectOf(v.rules, ['rules'], issues, 'rule id → severity', (x, at) => {
      const ruleId = String(at[at.length - 1]);
      if (options.ruleIds && !options.ruleIds.includes(ruleId)) {
        issues.push({ path: at, message: `unknown rule id "${ruleId}"${didYouMean(ruleId, options.ruleIds)}; \`prompt-cost rules\` lists them` });
        return undefined;
      }
      if (typeof x === 'string' && (SEVERITIES as string[]).includes(x)) return x as Severity;
      issues.push({ path: at, message: `expected one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, got ${describeValue(x)}` });
      return undefined;
    });
  }
  if (v.phrases !== undefined) {
    if (!Array.isArray(v.phrases)) issues.push({ path: ['phrases'], message: `expected an array of { "phrase": "…", "replacement": "…" }, got ${describeValue(v.phrases)}` });
    else
      v.phrases.forEach((p, i) => {
        if (isPlainObject(p) && typeof p.phrase === 'string' && p.phrase.trim() !== '' && typeof p.replacement === 'string') {
          knownFields(p, ['phrase', 'replacement'], ['phrases', i], issues);
          config.phrases.push({ phrase: p.phrase, replacement: p.replacement });
        } else issues.push({ path: ['phrases', i], message: `expected { "phrase": "non-empty text", "replacement": "text" }, got ${describeValue(p)}` });
      });
  }
  if (v.cacheHitRate !== undefined) config.cacheHitRate = numberAtLeast(v.cacheHitRate, 0, ['cacheHitRate'], issues, 1);
  if (v.batchMultiplier !== undefined) config.batchMultiplier = numberAtLeast(v.batchMultiplier, 0, ['batchMultiplier'], issues, 1);
  return config;
}

/** ` (did you mean "verbose-phrase"?)` for an id within two edits of a known one. */
function didYouMean(id: string, known: readonly string[]): string {
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { id: candidate, distance };
  }
  return best ? ` (did you mean "${best.id}"?)` : '';
}


function fieldName(path: (string | number)[]): string | undefined {
  if (!path.length) return undefined;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Where to point for an issue: the property's key for unknown fields, else the value; the nearest existing parent otherwise. */
function offsetOf(root: Node | undefined, path: (string | number)[], preferKey: boolean): number {
  if (!root) return 0;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) {
      const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return n === path.length && preferKey && key ? key.offset : node.offset;
    }
  }
  return root.offset;
}

/** Parses `.promptcost.json` text. Never throws. */
export function parseWorkspaceConfig(text: string, filePath: string, options: ConfigReadOptions = {}): { config?: WorkspaceConfig; errors: ConfigError[] } {
  const parseErrors: ParseError[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = source === text ? 0 : 1;
  if (source.trim() === '') return { config: emptyWorkspaceConfig(filePath), errors: [] };
  const root = parseTree(source, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (parseErrors.length) {
    const errors = parseErrors.map((e) => ({ file: filePath, ...positionAt(text, e.offset + shift), message: `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}` }));
    return { errors: sortErrors(errors) };
  }
  const issues: ValueIssue[] = [];
  const config = readWorkspaceConfigValue(root ? getNodeValue(root) : undefined, filePath, issues, options);
  const errors: ConfigError[] = issues.map((issue) => {
    const field = fieldName(issue.path);
    return { file: filePath, ...positionAt(text, offsetOf(root, issue.path, issue.message.startsWith('unknown field')) + shift), ...(field ? { field } : {}), message: field ? `${field}: ${issue.message}` : issue.message };
  });
  return { config, errors: sortErrors(errors) };
}

/** In file order, without duplicates (the parser can report one problem twice at the end of the file). */
function sortErrors(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = `${e.line}:${e.column}:${e.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected (in double quotes)',
    ValueExpected: 'value expected',
    ColonExpected: 'colon expected',
    CommaExpected: 'comma expected',
    CloseBraceExpected: 'closing brace } expected',
    CloseBracketExpected: 'closing bracket ] expected',
    EndOfFileExpected: 'end of file expected',
    InvalidCommentToken: 'invalid comment',
    UnexpectedEndOfComment: 'comment not closed',
    UnexpectedEndOfString: 'string not closed',
    UnexpectedEndOfNumber: 'number not finished',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}
