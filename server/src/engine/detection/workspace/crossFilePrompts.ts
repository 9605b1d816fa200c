// Applies the index's findings for one file to that file's own detection: a finding that overlaps a prompt the file
// already has only gives it the model and volume of the call that sends it (never a second prompt: a piece is
// counted once); others become prompts of their own, built from the file's text — code strings from their parts,
// loaded text/templates whole, YAML prompt configs field by field.
import type { DetectedPrompt, DetectionResult, ModelReference, PromptRole, SourceInput, SourceLanguage } from '../../types';
import { detectionLanguage } from '../language';
import { splitPlaceholders } from '../placeholders';
import { detectPromptFile } from '../promptFiles';
import type { CrossFileFinding } from './crossFileFindings';
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
        for (const p of overlapping) refine(p, finding);
        continue;
      }
      let id = prompt.id;
      for (let n = 2; ids.has(id); n++) id = `${prompt.id}~${n}`;
      ids.add(id);
      out.push({ ...prompt, id });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function signal(finding: CrossFileFinding) {
  const more = finding.sites > 1 ? ` (and ${finding.sites - 1} more call site${finding.sites > 2 ? 's' : ''})` : '';
  return { kind: 'flow' as const, detail: finding.detail + more };
}

function modelOf(finding: CrossFileFinding): ModelReference | undefined {
  // Written in another file: no span (spans point into this document), source `constant` ("from the code").
  return finding.model ? { name: finding.model.name, source: 'constant' } : undefined;
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

/** A prompt the file found itself: the call that sends it (in another file) gives what the file could not know. */
function refine(prompt: DetectedPrompt, finding: CrossFileFinding): void {
  if (!prompt.model && finding.model) prompt.model = modelOf(finding);
  const annotated = volume(finding, prompt.annotation).annotation;
  if (annotated) prompt.annotation = annotated;
  if (prompt.role === 'unknown') prompt.role = finding.role;
  if (!prompt.signals.some((s) => s.detail === finding.detail)) prompt.signals = [...prompt.signals, signal(finding)];
}
