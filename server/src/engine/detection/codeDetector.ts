// Finds prompts in Python / JavaScript / TypeScript syntax trees. Every string expression is a candidate; what it
// reaches decides: a known sink (call argument), a role/content message, a name that flows into a sink, or — for
// strings that reach nothing we know — name and content evidence together. Flow is followed within the file
// through bindings, function returns and parameters, with a worklist (no recursion).
// This module wires the stages in `code/` (see "Stages" in docs/design/detection.md).
import type { DetectedPrompt, SourceLanguage } from '../types';
import type { SyntaxNode } from './syntaxMirror';
import { FileModel } from './code/fileModel';
import { type Candidate, collectCandidates } from './code/candidates';
import { applySinks } from './code/sinkReach';
import { applyFlow, runFlow } from './code/flow';
import { assemblyRoots } from './code/assemblyRoots';
import { buildPrompts } from './code/promptAssembly';

export interface CodeDetectionOptions {
  fileName: string;
  language: SourceLanguage;
}

export function detectInSyntaxTree(root: SyntaxNode, source: string, options: CodeDetectionOptions): DetectedPrompt[] {
  const model = new FileModel(root, source, options.language);
  const candidates = collectCandidates(model);
  const byAnchor = new Map<SyntaxNode, Candidate[]>();
  for (const c of candidates) {
    const anchor = c.context.kind === 'binding' ? c.context.binding.node : c.context.kind === 'call' ? c.context.call : undefined;
    if (!anchor) continue;
    const list = byAnchor.get(anchor);
    if (list) list.push(c);
    else byAnchor.set(anchor, [c]);
  }
  applySinks(model, candidates);
  applyFlow(model, byAnchor, candidates);
  // Prompts found by name or wording: what they are assembled from is part of them (a second, seeded pass).
  const roots = assemblyRoots(model, candidates, options.language);
  if (roots.work.length) runFlow(model, byAnchor, candidates, roots.work, [], roots.anchors);
  return buildPrompts(model, candidates, byAnchor, options);
}
