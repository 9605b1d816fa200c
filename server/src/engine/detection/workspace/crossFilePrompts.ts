// Applies the index's findings for one file to that file's own detection: a finding that overlaps a prompt the file
// already has only gives it the model and volume of the call that sends it (never a second prompt: a piece is
// counted once); others become prompts of their own, built from the file's text — code strings from their parts,
// loaded text/templates whole, YAML prompt configs field by field.
import type { DetectedPrompt, DetectionResult, ModelReference, PromptRole, RequestUse, SourceInput, SourceLanguage } from '../../types';
import { detectionLanguage } from '../language';
import { splitPlaceholders } from '../placeholders';
import { detectPromptFile } from '../promptFiles';
import type { CallSite, CrossFileFinding } from './crossFileFindings';
import { CREWAI_FIELDS, LANGCHAIN_PROMPT_FIELDS } from './loaders';
import { unpackParts } from './packedFacts';
import { fieldPart, readYamlFields, type YamlDocument } from './yamlFields';

const YAML_FILE = /\.ya?ml$/i;

/** The detection of `input` with the cross-file findings for it applied. */
export function withCrossFile(input: SourceInput, detection: DetectionResult, findings: readonly CrossFileFinding[] | undefined): DetectionResult {
  if (!findings?.length) return detection;
  const language = detectionLanguage(input.fileName, input.languageId);
  // A file the detector does not read (YAML, a .txt outside a prompts folder) is analysed for what code loads from it.
  if (detection.skipped && language !== undefined) return detection;
  return { prompts: applyCrossFile(input.fileName, input.text, detection.skipped ? [] : detection.prompts, findings) };
}

export function applyCrossFile(fileName: string, text: string, detected: DetectedPrompt[], findings: readonly CrossFileFinding[]): DetectedPrompt[] {
  const file = fileName.replace(/\\/g, '/');
  const out = detected.map((p) => ({ ...p }));
  const ids = new Set(out.map((p) => p.id));
  const language: SourceLanguage = detectionLanguage(file) ?? 'prompt';
  let yaml: YamlDocument | undefined;
  for (const finding of findings) {
    const fresh: DetectedPrompt[] = [];
    if (finding.kind === 'tools') {
      withImportedTools(out, finding);
      continue;
    }
    if (finding.kind === 'code' && finding.span && finding.parts) {
      fresh.push(base(finding, language, `${file}#${finding.symbol}`, finding.role, finding.span, unpackParts(finding.parts)));
    } else if (finding.loader === 'crewai-agents' || finding.loader === 'crewai-tasks') {
      yaml ??= readYamlFields(text);
      const fields = finding.key ? yaml.entries.get(finding.key) : undefined;
      const roles = CREWAI_FIELDS[finding.loader];
      const llm = fields?.find((f) => f.name === 'llm');
      for (const field of fields ?? []) {
        const role = roles[field.name];
        if (!role) continue;
        const prompt = base(finding, 'prompt', `${file}#${finding.key}.${field.name}`, role, { start: field.start, end: field.end }, splitPlaceholders(fieldPart(field), 'format', text));
        prompt.requestId = `${file}#${finding.key}`;
        if (!finding.model && llm) prompt.model = { name: llm.text, source: 'front-matter', span: { start: llm.start, end: llm.end }, line: llm.line };
        fresh.push(prompt);
      }
    } else if (finding.loader === 'langchain-prompt' && YAML_FILE.test(file)) {
      yaml ??= readYamlFields(text);
      const field = yaml.top.find((f) => LANGCHAIN_PROMPT_FIELDS.includes(f.name));
      if (field) fresh.push(base(finding, 'prompt', `${file}#${field.name}`, finding.role, { start: field.start, end: field.end }, splitPlaceholders(fieldPart(field), 'format', text)));
    } else if (!YAML_FILE.test(file)) {
      // Loaded text or template: the whole body is the prompt (front matter and annotations read as in a prompt file).
      for (const p of detectPromptFile(file, text)) fresh.push({ ...p, role: p.role === 'unknown' ? finding.role : p.role, signals: [signal(finding)], ...withModel(p.model, finding), ...volume(finding, p.annotation) });
    }
    for (const prompt of fresh) {
      const overlapping = out.filter((p) => p.span.start < prompt.span.end && prompt.span.start < p.span.end);
      if (overlapping.length) {
        for (const p of overlapping) refine(p, finding, file);
        continue;
      }
      // The first call site gave the model and volume; each other one is one more request of the same text.
      const more = (finding.moreSites ?? []).map(requestAt);
      if (more.length) prompt.moreRequests = [...(prompt.moreRequests ?? []), ...more];
      let id = prompt.id;
      for (let n = 2; ids.has(id); n++) id = `${prompt.id}~${n}`;
      ids.add(id);
      out.push({ ...prompt, id });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The messages of the call at `finding.callLine` that name the imported tools as "not counted": they get the
 * definitions (counted on the request's first message, as tools written at the call are).
 */
function withImportedTools(prompts: DetectedPrompt[], finding: CrossFileFinding): void {
  const at = `@${finding.callLine! + 1}`;
  for (const p of prompts) {
    const tools = p.callParams.tools;
    if (!tools || !p.requestId?.endsWith(at) || !tools.unresolved.includes(finding.written!)) continue;
    const from = finding.detail.replace(/^tool definitions \S+ /, '');
    p.callParams = {
      ...p.callParams,
      tools: {
        ...tools,
        definitions: [...tools.definitions, ...finding.tools!.definitions],
        builtIn: [...tools.builtIn, ...finding.tools!.builtIn],
        unresolved: tools.unresolved.filter((u) => u !== finding.written),
        note: [tools.note, finding.tools!.note, `${finding.written} read ${from}`].filter(Boolean).join('; '),
      },
    };
  }
}

function signal(finding: CrossFileFinding) {
  const more = finding.sites > 1 ? ` (and ${finding.sites - 1} more call site${finding.sites > 2 ? 's' : ''})` : '';
  return { kind: 'flow' as const, detail: finding.detail + more };
}

function modelOf(finding: CrossFileFinding): ModelReference | undefined {
  // Written in another file: no span (spans point into this document), source `constant` ("from the code"); through
  // a wrapper, the detail names it for the hover (`wrapper chat() in helpdesk/model_client.py`).
  if (!finding.model) return undefined;
  return { name: finding.model.name, source: 'constant', ...(finding.model.via ? { detail: `wrapper ${finding.model.via}` } : {}) };
}

function withModel(own: ModelReference | undefined, finding: CrossFileFinding): { model?: ModelReference } {
  const model = own ?? modelOf(finding);
  return model ? { model } : {};
}

function volume(finding: CrossFileFinding, own: DetectedPrompt['annotation']): { annotation?: DetectedPrompt['annotation'] } {
  if (finding.callsPerDay === undefined && finding.outputTokens === undefined) return own ? { annotation: own } : {};
  return { annotation: { ...(finding.callsPerDay !== undefined ? { callsPerDay: finding.callsPerDay } : {}), ...(finding.outputTokens !== undefined ? { outputTokens: finding.outputTokens } : {}), ...own } };
}

function base(finding: CrossFileFinding, language: SourceLanguage, id: string, role: PromptRole, span: { start: number; end: number }, parts: DetectedPrompt['parts']): DetectedPrompt {
  return {
    id,
    language,
    span,
    role,
    signals: [signal(finding)],
    confidence: 0.9,
    parts,
    symbol: finding.symbol,
    callParams: {},
    ...withModel(undefined, finding),
    ...volume(finding, undefined),
  };
}

/**
 * Whether a call site (`app/chat.py:12`, workspace-relative) is in `file`, which the editor names by its absolute
 * path and the audit by its relative one.
 */
function inFile(site: string, file: string): boolean {
  const siteFile = site.slice(0, site.lastIndexOf(':'));
  return file === siteFile || file.endsWith(`/${siteFile}`);
}

/**
 * One more request of a text at a call site in another file: that site's model and volume. Its request is that
 * file's, so it has no request id here (priced as a prompt of its own request, as the first site is).
 */
function requestAt(site: CallSite): RequestUse {
  const annotation = site.callsPerDay !== undefined || site.outputTokens !== undefined
    ? { ...(site.callsPerDay !== undefined ? { callsPerDay: site.callsPerDay } : {}), ...(site.outputTokens !== undefined ? { outputTokens: site.outputTokens } : {}) }
    : undefined;
  return { site: site.site, ...(site.model ? { model: { name: site.model.name, source: 'constant' as const } } : {}), callParams: {}, ...(annotation ? { annotation } : {}) };
}

/**
 * A prompt the file found itself: the call that sends it (in another file) gives what the file could not know, and
 * each call site in another file is one more request of the text (a site in this file is one of its own requests).
 */
function refine(prompt: DetectedPrompt, finding: CrossFileFinding, file: string): void {
  const elsewhere = (s: CallSite) => !inFile(s.site, file);
  if (prompt.requestId) {
    const sites = [{ site: finding.site, ...(finding.model ? { model: finding.model } : {}), callsPerDay: finding.callsPerDay, outputTokens: finding.outputTokens }, ...(finding.moreSites ?? [])];
    const known = new Set((prompt.moreRequests ?? []).map((r) => r.site));
    const more = sites.filter((s) => elsewhere(s) && !known.has(s.site)).map(requestAt);
    if (more.length) prompt.moreRequests = [...(prompt.moreRequests ?? []), ...more];
  } else {
    const more = (finding.moreSites ?? []).filter(elsewhere).map(requestAt);
    if (more.length) prompt.moreRequests = [...(prompt.moreRequests ?? []), ...more];
  }
  if (!prompt.model && finding.model) prompt.model = modelOf(finding);
  const annotated = volume(finding, prompt.annotation).annotation;
  if (annotated) prompt.annotation = annotated;
  if (prompt.role === 'unknown') prompt.role = finding.role;
  if (!prompt.signals.some((s) => s.detail === finding.detail)) prompt.signals = [...prompt.signals, signal(finding)];
}
