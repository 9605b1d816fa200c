// Assembly roots: a prompt found by its name or wording reaches no call in the file (it is returned, exported or
// sent elsewhere), so flow from sinks never visits what it is built from. Its bindings become roots of a second flow
// pass: the sections helper functions return (`prompt += "\n\n" + renderRules()`, `prompt = withDesign(prompt)`), the
// names and ternaries inserted into it (`${base}`), the per-item lines joined into it — each is a piece of it.
import type { SourceLanguage } from '../../types';
import { nameEvidence } from '../heuristics';
import type { SyntaxNode } from '../syntaxMirror';
import type { Binding } from './bindings';
import type { Candidate } from './candidates';
import { candidateName, heuristicSignals, worthHeuristics } from './classification';
import type { FileModel } from './fileModel';
import type { FlowWork } from './flow';
import { MESSAGE_PSEUDO_SINK } from './sinkReach';
import { candidateParts, staticText } from './promptParts';

export interface AssemblyRoots {
  work: FlowWork[];
  /** The roots' own bindings: flow does not mark them as pieces of themselves. */
  anchors: SyntaxNode[];
}

/**
 * Candidates that no sink or message reached and that are prompts by name and wording (the classification that
 * `buildPrompts` applies later), or whose name says prompt and whose own text is only whitespace around inserted
 * values (`return \`\n${renderPreamble()}\n\n${renderRules()}\``): every binding of that name in scope is a root.
 */
export function assemblyRoots(model: FileModel, candidates: Candidate[], language: SourceLanguage): AssemblyRoots {
  const work: FlowWork[] = [];
  const anchors: SyntaxNode[] = [];
  const seen = new Set<SyntaxNode>();
  for (const c of candidates) {
    if (c.signals.length || c.context.kind !== 'binding' || c.context.keys.length) continue;
    const binding = c.context.binding;
    if (seen.has(binding.node)) continue;
    const name = candidateName(model, c);
    if (!(c.base.worth ??= worthHeuristics(model, c))) continue;
    const value = staticText(candidateParts(c, model.source, language));
    const found = heuristicSignals(model, c, name, value);
    const onlyInserted = !found && nameEvidence(name) === 'prompt' && !/\p{L}/u.test(value) && c.expr.root === binding.value;
    if (!found && !onlyInserted) continue;
    const resolved = model.resolve(binding.name, binding.member, binding.node);
    const run: Binding[] = resolved.includes(binding) ? resolved : [binding];
    const line = model.lines.lineOf(binding.node.start);
    const reach = { assembledInto: binding.symbol, call: binding.node, sink: MESSAGE_PSEUDO_SINK, arg: { role: found?.role ?? 'unknown', shape: 'text' as const }, detail: `inserted into ${binding.symbol}`, line, role: found?.role };
    for (const b of run) {
      if (seen.has(b.node)) continue;
      seen.add(b.node);
      anchors.push(b.node);
      work.push({ expr: b.value, reach, owner: b.node, piece: true });
    }
  }
  return { work, anchors };
}
