// The extra prompts the index yields (issue 14): texts passed to a wrapper defined elsewhere, constants / table
// entries / builders of one file used by a model call in another (reported where they are written), and files read
// by a loader (the file, or the YAML entry's fields). Each finding carries the role, the model and the volume of the
// call that sends it. Per-file detection already reports most texts that reach a known call in their own file:
// applyCrossFile (crossFilePrompts.ts) drops findings that overlap a prompt the file already has.
import * as posix from 'path/posix';
import type { PromptAnnotation, PromptRole, SourceSpan, ToolDefinitions } from '../../types';
import type { CallFact, FactPart, LoadKind, StaticPath, ValueRef } from './fileFacts';
import { LOADABLE_FILE } from './loaders';
import { argumentFor, MAX_DEPTH, type Entity, type FileScope, type SummaryModel, type WorkspaceIndex } from './workspaceIndex';

/** The model of the call that sends a text: its name, where it is written, and the wrapper it goes through, if any. */
export interface FindingModel {
  name: string;
  where: string;
  /** The function the caller calls when it is not the model call itself: `chat() in helpdesk/model_client.py`. */
  via?: string;
}

export interface CrossFileFinding {
  /** Where the text is written (workspace-relative); for `tools`, the file of the call that sends them. */
  file: string;
  /** `tools`: tool definitions another file defines, sent by a call of this file (`tools=TOOLS` imported). */
  kind: 'code' | 'file' | 'tools';
  /** `tools`: the definitions, the 0-based line of the call, and the name as written there. */
  tools?: ToolDefinitions;
  callLine?: number;
  written?: string;
  /** Code: the string expression's parts (as the facts keep them: unpackParts gives PromptParts) and span. */
  parts?: FactPart[];
  span?: SourceSpan;
  /** File: how it is read, and the YAML entry for keyed loaders. */
  loader?: LoadKind;
  key?: string;
  role: PromptRole;
  /** Id tail: `TRIAGE_RULES`, `CANNED.summarize`, `SupportDesk.greet.ask.prompt`. */
  symbol: string;
  model?: FindingModel;
  callsPerDay?: number;
  outputTokens?: number;
  /** Human-readable path the text takes, for the hover: `passed as system to LLM.ask (app/llm.py:14)`. */
  detail: string;
  /** Call site that sends it (`app/support.py:17`). */
  site: string;
  /** How many call sites send this text (the first gives model and volume). */
  sites: number;
  /** The other call sites (up to MAX_MORE_SITES), each one more request of the text with its own model and volume. */
  moreSites?: CallSite[];
}

/** One call site that sends a text: where it is, and the model and volume it gives. */
export interface CallSite {
  /** `app/support.py:17` (1-based line). */
  site: string;
  model?: { name: string; where: string };
  callsPerDay?: number;
  outputTokens?: number;
}

/** Most further call sites kept per text (a text sent from many generated calls stays bounded). */
const MAX_MORE_SITES = 32;

interface Site {
  file: string;
  line: number;
  role: PromptRole;
  model?: FindingModel;
  annotation?: PromptAnnotation;
  detail: string;
  /** Id tail for a text written at the call. */
  argSymbol: string;
  /** The call is a sink of the table in this file: its literal texts are per-file prompts already. */
  directSink: boolean;
}

export interface CrossFileResult {
  byFile: Map<string, CrossFileFinding[]>;
  /** Loaded files and imports that could not be followed, with why (missing, outside the workspace, computed name). */
  problems: { file: string; reason: string }[];
}

/** Every finding of the workspace, grouped by the file that holds the text. */
export function collectCrossFile(index: WorkspaceIndex): CrossFileResult {
  const result: CrossFileResult = { byFile: new Map(), problems: [] };
  const seen = new Map<string, CrossFileFinding>();
  // Files in path order: a text's first call site gives its model and volume, whatever order files were indexed in.
  for (const file of [...index.facts.keys()].sort()) {
    const facts = index.facts.get(file)!;
    for (const reason of facts.unfollowed ?? []) result.problems.push({ file, reason });
    const functions = index.functionsOf(file);
    for (const call of facts.calls) {
      const fn = call.inFunction ? functions.get(call.inFunction) : undefined;
      const cls = call.inClass ? facts.classes.find((c) => c.name === call.inClass) : undefined;
      const scope: FileScope = { file, fn, cls };
      const target = index.callTarget(scope, call, 0);
      if (!target) continue;
      const written = concreteModel(index.modelAt(scope, call, target, 0), fn);
      // Through a wrapper: the hover names it rather than "model constant" (the model is written in its file).
      const via = target.entity?.kind === 'function' ? `${target.entity.fn.name}() in ${target.entity.file}` : undefined;
      const model = written && via ? { ...written, via } : written;
      const callee = call.calleePath.join('.');
      const calleeName = call.calleePath[call.calleePath.length - 1];
      const sinkNote = call.sink ? '' : ` (sent by ${target.summary.where} to ${target.summary.sinkId})`;
      const emitArg = (value: ValueRef, role: PromptRole, argName: string): void => {
        const site: Site = {
          file, line: call.line, role, model, annotation: call.annotation, directSink: !!call.sink,
          detail: `passed as ${argName} to ${callee} at ${file}:${call.line + 1}${sinkNote}`,
          argSymbol: `${call.inFunction ? `${call.inFunction}.` : ''}${calleeName}.${argName}`,
        };
        emit(index, scope, value, site, 0, result, seen);
      };
      for (const reach of target.summary.reaches) {
        const arg = argumentFor(call, reach);
        if (arg) emitArg(arg.value, reach.role, reach.name || `arg${reach.index + 1}`);
      }
      // crewAI `Agent(config=self.agents_config["x"])`: the YAML entry's fields are the agent's prompt text.
      if (call.sink?.id.startsWith('crewai.')) {
        const config = call.args.find((a) => a.keyword === 'config');
        if (config) emitArg(config.value, 'system', 'config');
      }
    }
  }
  for (const finding of [...seen.values(), ...importedToolFindings(index)]) {
    const list = result.byFile.get(finding.file) ?? [];
    list.push(finding);
    result.byFile.set(finding.file, list);
  }
  return result;
}

/** Arguments that carry tool definitions at a sink call. */
const TOOL_ARGUMENTS = new Set(['tools', 'functions']);

/**
 * Tool definitions imported from another file (`from app.tools import TOOLS` … `tools=TOOLS`): per-file detection
 * names them "not counted"; the index reads them where they are defined, and the call's file counts them.
 */
function importedToolFindings(index: WorkspaceIndex): CrossFileFinding[] {
  const out: CrossFileFinding[] = [];
  for (const [file, facts] of index.facts) {
    for (const call of facts.calls) {
      if (!call.sink) continue;
      for (const arg of call.args) {
        if (!arg.keyword || !TOOL_ARGUMENTS.has(arg.keyword)) continue;
        const path = arg.value.kind === 'name' ? [arg.value.name] : arg.value.kind === 'member' ? arg.value.path : undefined;
        const found = path && index.importedTools(file, path);
        if (!found) continue;
        const written = path!.join('.');
        out.push({
          file, kind: 'tools', tools: found.tools, callLine: call.line, written, role: 'system', symbol: written,
          detail: `tool definitions ${written} from ${found.file} (${found.symbol})`, site: `${file}:${call.line + 1}`, sites: 1,
        });
      }
    }
  }
  return out;
}

/** A parameter-dependent model cannot be decided at the call that is still inside the wrapper: left to the default. */
function concreteModel(model: SummaryModel | undefined, fn: unknown): { name: string; where: string } | undefined {
  void fn;
  return model?.kind === 'name' ? { name: model.name, where: model.where } : model?.kind === 'ctor-param' && model.fallback ? { name: model.fallback, where: `default of ${model.name}` } : undefined;
}

function emit(index: WorkspaceIndex, scope: FileScope, value: ValueRef, site: Site, depth: number, result: CrossFileResult, seen: Map<string, CrossFileFinding>, symbol?: string): void {
  if (depth > MAX_DEPTH) return;
  switch (value.kind) {
    case 'text':
      // A literal at a table sink in its own file is a per-file prompt; one passed to a wrapper is found here.
      if (site.directSink && scope.file === site.file && !symbol) return;
      record(seen, { file: scope.file, kind: 'code', parts: value.parts, span: value.span, role: site.role, symbol: symbol ?? site.argSymbol }, site);
      return;
    case 'messages':
      for (const item of value.items) emit(index, scope, item.value, { ...site, role: item.role }, depth + 1, result, seen, symbol);
      return;
    case 'load': {
      const file = resolveLoad(index, scope.file, value.path);
      if (!file) {
        result.problems.push({ file: scope.file, reason: `line ${value.line + 1}: loads ${value.path.path}, which is not in the workspace` });
        return;
      }
      if (!LOADABLE_FILE.test(file)) return;
      record(seen, { file, kind: 'file', loader: value.loader, ...(value.key ? { key: value.key } : {}), role: site.role, symbol: value.key ?? 'prompt' }, site);
      return;
    }
    case 'name':
      if (scope.fn?.params.includes(value.name)) return; // the function's own summary carries it to its callers
      emitEntity(index, scope, index.resolvePath(scope, [value.name], depth), site, depth, result, seen, symbol ?? value.name);
      return;
    case 'member':
      emitEntity(index, scope, index.resolvePath(scope, value.path, depth), site, depth, result, seen, undefined);
      return;
    case 'call': {
      const entity = index.resolvePath(scope, value.path, depth);
      if (entity?.kind === 'function' && entity.fn.returns) {
        const facts = index.facts.get(entity.file);
        const cls = entity.fn.className ? facts?.classes.find((c) => c.name === entity.fn.className) : undefined;
        emit(index, { file: entity.file, fn: entity.fn, cls }, entity.fn.returns, site, depth + 1, result, seen, entity.fn.name);
      }
      return;
    }
  }
}

function emitEntity(index: WorkspaceIndex, scope: FileScope, entity: Entity | undefined, site: Site, depth: number, result: CrossFileResult, seen: Map<string, CrossFileFinding>, symbol: string | undefined): void {
  if (!entity || entity.kind !== 'value') return;
  const facts = index.facts.get(entity.file);
  const cls = entity.fn?.className ? facts?.classes.find((c) => c.name === entity.fn!.className) : scope.file === entity.file ? scope.cls : undefined;
  const name = entity.symbol ?? (entity.fn && symbol ? `${entity.fn.name}.${symbol}` : symbol);
  emit(index, { file: entity.file, fn: entity.fn, cls }, entity.value, site, depth + 1, result, seen, name);
}

function record(seen: Map<string, CrossFileFinding>, base: Pick<CrossFileFinding, 'file' | 'kind' | 'parts' | 'span' | 'loader' | 'key' | 'role' | 'symbol'>, site: Site): void {
  const key = base.kind === 'code' ? `${base.file}\0${base.span!.start}` : `${base.file}\0${base.key ?? ''}`;
  const known = seen.get(key);
  const here = callSite(site);
  if (known) {
    if (known.site === here.site || known.moreSites?.some((s) => s.site === here.site)) return;
    known.sites++;
    if ((known.moreSites?.length ?? 0) < MAX_MORE_SITES) (known.moreSites ??= []).push(here);
    return;
  }
  seen.set(key, {
    ...base,
    ...(here.model ? { model: here.model } : {}),
    ...(here.callsPerDay !== undefined ? { callsPerDay: here.callsPerDay } : {}),
    ...(here.outputTokens !== undefined ? { outputTokens: here.outputTokens } : {}),
    detail: site.detail,
    site: here.site,
    sites: 1,
  });
}

function callSite(site: Site): CallSite {
  return {
    site: `${site.file}:${site.line + 1}`,
    ...(site.model ? { model: site.model } : {}),
    ...(site.annotation?.callsPerDay !== undefined ? { callsPerDay: site.annotation.callsPerDay } : {}),
    ...(site.annotation?.outputTokens !== undefined ? { outputTokens: site.annotation.outputTokens } : {}),
  };
}

/** The workspace file a loader's static path names, if it exists. */
export function resolveLoad(index: WorkspaceIndex, fromFile: string, path: StaticPath): string | undefined {
  const dir = posix.dirname(fromFile);
  const candidates: string[] = [];
  if (path.base === 'file') candidates.push(posix.join(dir, path.path));
  else if (path.base === 'root') candidates.push(posix.normalize(path.path), posix.join(dir, path.path));
  else if (path.base === 'package' && path.packageName) {
    const pkg = index.resolver.pythonPackageDir(fromFile, path.packageName);
    if (pkg) candidates.push(posix.join(pkg, path.path));
  } else if (path.base === 'search') {
    return index.resolver.nearestOf(fromFile, index.resolver.withTail(path.path.replace(/^\.\//, '')));
  }
  return candidates.find((c) => !c.startsWith('..') && index.resolver.exists(c));
}
