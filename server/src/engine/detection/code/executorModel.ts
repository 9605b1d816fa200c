// The model of a sink call that names none: the agent or runnable that executes it (sink field `executor`: crewAI
// `Task(agent=…)`, `Runner.run(agent, …)`, `flash.generateContent(…)` on `genAI.getGenerativeModel({ model })`),
// else the framework's own default (frameworkDefaults.ts). The agent is followed in the same file through names,
// `self.x`, and functions or methods of that name that return it (`agent=self.researcher()`).
import type { ModelReference } from '../../types';
import { frameworkDefaultForSink, frameworkDefaultReference } from '../frameworkDefaults';
import type { SinkDefinition } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, PAREN_TYPES, callArguments, calleeOf, targetName } from '../syntaxShapes';
import { SINK_TABLE } from './calleeTables';
import type { FileModel } from './fileModel';
import { constructorModel, modelAtCall } from './modelResolution';

/** Agents that run agents (an agent handed to a runner handed to …): followed this deep. */
const MAX_EXECUTOR_DEPTH = 4;

export function executorModel(model: FileModel, call: SyntaxNode, sink: SinkDefinition, depth = 0): ModelReference | undefined {
  const positional = sharedCalleeModel(model, call, sink);
  if (positional) return positional;
  const executor = sink.executor;
  let node: SyntaxNode | undefined;
  if (executor === 'receiver') {
    const callee = calleeOf(call);
    node = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
  } else if (executor) {
    const args = callArguments(model.source, call);
    node = (executor.name !== undefined ? args.keywords.get(executor.name) : undefined) ?? (executor.position !== undefined ? args.positional[executor.position] : undefined);
  }
  const own = node && depth < MAX_EXECUTOR_DEPTH ? agentModel(model, node, call, depth) : undefined;
  return own ?? frameworkDefaultReference(frameworkDefaultForSink(sink.id, model.language, (m) => model.mentions(m)));
}

/**
 * Two frameworks call their agent `Agent`, and the row that claimed the call may not know where the other writes its
 * model: pydantic-ai's `Agent("openai:gpt-4o-mini", instructions=…)` is claimed by the Agents SDK row (whose first
 * argument is a name). Another row for the same callee whose module the file imports, with a model position, reads it.
 */
function sharedCalleeModel(model: FileModel, call: SyntaxNode, claimed: SinkDefinition): ModelReference | undefined {
  for (const other of SINK_TABLE.matches(model.calleePath(call))) {
    if (other === claimed || other.modelPosition === undefined || !other.requiresModule?.some((m) => model.mentions(m))) continue;
    const ref = modelAtCall(model, call, other);
    if (ref) return ref;
  }
  return undefined;
}

/** The model of the agent (or model object) an expression evaluates to: `researcher`, `self.writer()`, `Agent(llm=…)`. */
function agentModel(model: FileModel, start: SyntaxNode, site: SyntaxNode, depth: number): ModelReference | undefined {
  let node: SyntaxNode | undefined = start;
  for (let guard = 0; node && guard < 8; guard++) {
    if (PAREN_TYPES.has(node.type)) { node = namedChildren(node)[0]; continue; }
    if (node.type === 'identifier' || node.type === 'attribute' || node.type === 'member_expression') {
      const target = targetName(model.source, node);
      const bindings = target ? model.resolve(target.name, target.member, site) : [];
      node = bindings[bindings.length - 1]?.value;
      continue;
    }
    if (!CALL_TYPES.has(node.type)) return undefined;
    const sink = model.sinkOf(node);
    if (sink) return modelAtCall(model, node, sink) ?? executorModel(model, node, sink, depth + 1);
    const built = constructorModel(model, node);
    if (built) return built;
    // `self.writer()`, `make_agent()`: what the function of that name returns.
    const path = model.writtenCalleePath(node);
    const name = path[path.length - 1];
    const returned = name ? (model.bindings.get(name) ?? []).filter((b) => b.node.type === 'return_statement') : [];
    node = returned[returned.length - 1]?.value;
  }
  return undefined;
}
