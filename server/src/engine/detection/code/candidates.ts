// Candidates: every maximal string expression with its context (cached per statement), and the per-analysis
// record of what it reaches.
import type { PromptPart, DetectionSignal, PromptRole, SourceLanguage } from '../../types';
import type { SinkArgument, SinkDefinition } from '../sinks';
import { literalsIn, maximalStringExpression, type StringExpression } from '../stringExpressions';
import type { SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, isStringLiteral } from '../syntaxShapes';
import { statementOf } from './scopes';
import type { StatementFacts, FileModel } from './fileModel';
import { type Context, type MessageShape, contextOf } from './contexts';
import { isTextGrowth, joinedList } from './pieceGroups';

export interface Candidate {
  /** The cached statement-level record this candidate was made from. */
  base: CandidateBase;
  expr: StringExpression;
  context: Context;
  message?: MessageShape;
  statement: SyntaxNode;
  signals: DetectionSignal[];
  role?: PromptRole;
  reach?: Reach;
  /** Further sink calls that send this same text (a constant used by two calls): one more request each. */
  moreReaches?: Reach[];
  formatBraces?: boolean;
  /** `NAME % args` is applied somewhere: `%s` / `%(x)s` are placeholders. */
  printf?: boolean;
  /** Reached only as a piece inserted into a larger text: the binding node or expression of that text. */
  fragmentOwner?: SyntaxNode;
  /**
   * With `fragmentOwner`, when it is a template this text is filled into (`TEMPLATE.format(examples=EXAMPLES)`): the
   * placeholder it fills, when the code names it.
   */
  fills?: { placeholder?: string };
  /** With `fills`: the texts `fragmentOwner` is itself inserted into, nearest first (when it is no prompt of its own). */
  outerOwners?: SyntaxNode[];
  /** A branch of a choice inside a larger text (`${first ? "Greet them." : ""}`). */
  choice?: boolean;
  /** Reached only as a piece of a prompt found by its name or wording (`assemblyRoots.ts`). */
  assembled?: boolean;
  /** Found only as the content of a message whose list reaches no known sink. */
  messageOnly?: boolean;
  confidence: number;
}

export interface Reach {
  /** Set when the value is the content of a role/content message whose list reaches no known sink (the app's own helper). */
  messageOnly?: MessageShape;
  /**
   * Set when the value is a piece of a prompt found by its name or wording, which reaches no call in the file (see
   * `assemblyRoots.ts`): the symbol of that prompt. `call` is then its binding, not a call.
   */
  assembledInto?: string;
  call: SyntaxNode;
  sink: SinkDefinition;
  arg: SinkArgument;
  detail: string;
  line: number;
  role?: PromptRole;
}

export type CandidateBase = Pick<Candidate, 'expr' | 'context' | 'message' | 'statement'> & {
  /** The parts last built for this expression, kept with the statement (see `partsOf`). */
  parts?: { mode: PartMode; language: SourceLanguage; start: number; parts: PromptPart[] };
  /** `worthHeuristics` of the candidate (its context, name and length are the statement's own). */
  worth?: boolean;
  /** A `p += …` piece or a join of a named list (statement-local; see `concatenationPieces`). */
  piece?: boolean;
};

export type PartMode = 'format' | 'printf' | 'template';

export function collectCandidates(model: FileModel): Candidate[] {
  const candidates: Candidate[] = [];
  for (const top of model.root.children) {
    if (!top.named) continue;
    const facts = top.facts as StatementFacts;
    let bases = facts.candidates;
    let notNegative = facts.notNegative;
    if (!bases || !notNegative) {
      bases = candidateBases(model, facts.literals);
      notNegative = bases.filter((b) => b.context.kind !== 'negative');
      if (!dependsOnPosition(top)) {
        facts.candidates = bases;
        facts.notNegative = notNegative;
      }
    }
    // A string in a negative context (dict key, comparison, exception…) is never a prompt unless a comment forces
    // it: in a file without comments those candidates are not made at all (most of a large file's strings).
    if (!model.comments.size) bases = notNegative;
    // Spelled out: an object spread here is several times slower (thousands of candidates per keystroke).
    for (const b of bases) {
      const candidate: Candidate = { base: b, expr: b.expr, context: b.context, message: b.message, statement: b.statement, signals: [], confidence: 0 };
      candidates.push(candidate);
      if (b.piece) (model.pieceCandidates ??= []).push(candidate);
    }
  }
  return candidates;
}

/** A bare string statement at the top level is a module docstring only when it comes first. */
function dependsOnPosition(top: SyntaxNode): boolean {
  return top.type === 'expression_statement' && top.children.some((c) => isStringLiteral(c));
}

function candidateBases(model: FileModel, literals: SyntaxNode[]): CandidateBase[] {
  const consumed = new Set<SyntaxNode>();
  const bases: CandidateBase[] = [];
  for (const literal of literals) {
    if (consumed.has(literal)) continue;
    const expr = maximalStringExpression(literal, model.source);
    for (const inner of literalsIn(expr.root)) consumed.add(inner);
    const { context, message } = contextOf(model, expr.root);
    const piece = (context.kind === 'binding' && context.binding.value === expr.root && isTextGrowth(model.source, context.binding.node))
      || (CALL_TYPES.has(expr.root.type) && joinedList(model, expr.root) !== undefined);
    bases.push({ expr, context, message, statement: statementOf(expr.root), piece });
  }
  return bases;
}
