// Classification, the fallback for strings that reach nothing known: name and content evidence, and the
// negatives (console markup, questions for a person, foreign tags, non-prompt callees).
import type { DetectionSignal, PromptRole, SourceLanguage } from '../../types';
import { FEW_SHOT_WORDS, PROMPT_WORDS, contentEvidence, nameEvidence, nameWords, nonPromptContent, roleFromName, wordCount } from '../heuristics';
import { CLASS_TYPES, LIST_TYPES, callArguments, declaredName, text } from '../syntaxShapes';
import { SuffixTable, NON_PROMPT_TABLE } from './calleeTables';
import type { Binding } from './bindings';
import { NON_TEXT_KEYS } from './contexts';
import type { FileModel } from './fileModel';
import type { Candidate } from './candidates';
import { candidateParts, staticText } from './promptParts';
import type { PieceGroup } from './pieceGroups';

/** Console markup (Rich `[bold yellow]…[/]`): text for a terminal, not a model. */
export const RICH_MARKUP = /\[(?:bold|italic|dim|underline|red|green|yellow|blue|cyan|magenta|white)\b[^\]\n]*\][\s\S]*\[\/[a-z ]*\]/;

/** Calls that show a question to a person at a terminal or in a browser. */
const HUMAN_INPUT_CALLEES = new SuffixTable<true>(
  ['input', 'raw_input', 'console.input', 'Prompt.ask', 'Confirm.ask', 'IntPrompt.ask', 'click.prompt', 'click.confirm', 'typer.prompt', 'questionary.text', 'questionary.confirm', 'questionary.select', 'rl.question', 'readline.question', 'window.prompt', 'inquirer.prompt', 'getpass']
    .map((c): [string, true] => [c, true]),
);

/**
 * A question for a person at a terminal or in a form, by its wording: `"prompt": "Enter your AWS region (press Enter
 * to skip)"` in a CLI's setup table. A model is not asked to "enter your" anything.
 */
const HUMAN_QUESTION = /^\s*(?:please\s+)?(?:enter|type|input|paste)\s+(?:your|the|an?)\b|\((?:press|hit) enter\b|[[(]y\/n[\])]/i;

/** `prompt = "..."; answer = console.input(prompt)`: a question for a person, whatever the name says. */
function askedOfHuman(model: FileModel, binding: Binding): boolean {
  for (const last of ['input', 'ask', 'prompt', 'confirm', 'question', 'text', 'select', 'raw_input', 'getpass']) {
    for (const call of model.callsNamed(last)) {
      if (!HUMAN_INPUT_CALLEES.matches(model.writtenCalleePath(call)).length) continue;
      const first = callArguments(model.source, call).positional[0];
      if (first && first.type === 'identifier' && text(model.source, first) === binding.name) return true;
    }
  }
  return false;
}

const NEGATIVE_TAGS = /^(?:sql|html|css|gql|graphql|svg|md|markdown|json|xml|styled|keyframes|createGlobalStyle|injectGlobal|\w+\.\w+)$/;

/**
 * Name evidence for a candidate: its own name, or for an attribute of a class named for prompts (`class
 * CoderPrompts: files_content_prefix = "…"`) that class's name, when the attribute's own name says nothing against it.
 */
function candidateNameKind(model: FileModel, c: Candidate, name: string | undefined): ReturnType<typeof nameEvidence> {
  const own = nameEvidence(name);
  if ((own !== 'none' && own !== 'weak') || c.context.kind !== 'binding' || c.context.keys.length) return own;
  return promptClassOf(model, c.context.binding) ? 'prompt' : own;
}

/** The class a class attribute belongs to, when the class's name ends in a prompt word (`EditBlockPrompts`). */
function promptClassOf(model: FileModel, binding: Binding): string | undefined {
  if (!CLASS_TYPES.has(binding.scope.type) || binding.member) return undefined;
  const cls = declaredName(model.source, binding.scope);
  const last = cls ? nameWords(cls).pop() : undefined;
  return last && PROMPT_WORDS.has(last) ? cls : undefined;
}

/** Evidence for strings that reach no known sink; returns the signals, or undefined when not a prompt. */
export function heuristicSignals(model: FileModel, c: Candidate, name: string | undefined, textValue: string): { signals: DetectionSignal[]; confidence: number; role: PromptRole } | undefined {
  const line = model.lines.lineOf(c.expr.root.start);
  if (c.context.kind === 'negative' || c.context.kind === 'docstring') return undefined;
  if (c.context.kind === 'call') {
    if (NON_PROMPT_TABLE.matches(model.writtenCalleePath(c.context.call)).length) return undefined;
  }
  if (c.expr.foreignTag && NEGATIVE_TAGS.test(c.expr.foreignTag)) return undefined;
  if (nonPromptContent(textValue)) return undefined;
  if (fewShotValue(model, c) && wordCount(textValue) >= 3 && !RICH_MARKUP.test(textValue)) {
    const binding = (c.context as Extract<Candidate['context'], { kind: 'binding' }>).binding;
    return { signals: [{ kind: 'name', detail: `a few-shot example in ${binding.symbol}`, line }], confidence: 0.6, role: 'user' };
  }
  const nameKind = candidateNameKind(model, c, name);
  if (nameKind === 'negative') return undefined;
  if (RICH_MARKUP.test(textValue)) return undefined;
  if (c.context.kind === 'binding' && askedOfHuman(model, c.context.binding)) return undefined;
  if (HUMAN_QUESTION.test(textValue) && textValue.length < 200) return undefined;
  const content = contentEvidence(textValue);
  const words = wordCount(textValue);
  const length = textValue.trim().length;
  const signals: DetectionSignal[] = [];
  const cueText = content.cues.slice(0, 2).map((q) => `"${q}"`).join(', ');
  const role = roleFromName(name);
  if (nameKind === 'prompt' && (content.score >= 1 || (words >= 6 && length >= 40))) {
    const promptClass = nameEvidence(name) !== 'prompt' && c.context.kind === 'binding' ? promptClassOf(model, c.context.binding) : undefined;
    signals.push({ kind: 'name', detail: promptClass ? `attribute ${name} of ${promptClass}` : `bound to ${name}`, line });
    if (content.score) signals.push({ kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: content.score >= 2 ? 0.85 : content.score ? 0.75 : 0.6, role };
  }
  if (nameKind === 'template' && content.score >= 2 && words >= 5) {
    signals.push({ kind: 'name', detail: `bound to ${name}`, line }, { kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: 0.7, role };
  }
  if (nameKind === 'weak' && content.score >= 3 && words >= 8) {
    signals.push({ kind: 'name', detail: `bound to ${name}`, line }, { kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: 0.65, role };
  }
  const strong = content.score >= 4 || (content.score >= 3 && /^\s*(?:you are|your task|act as|i want you)/i.test(textValue));
  if (strong && length >= 80 && words >= 12) {
    signals.push({ kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: 0.55, role };
  }
  return undefined;
}


/**
 * A value inside an object of a list named for few-shot examples (`EXAMPLES = [{"question": "…", "answer": "…"}]`):
 * examples are serialised into the prompt they illustrate (json.dumps, f-strings, JSON.stringify), often in another
 * module. A sentence there is prompt text; one-word values (`{ word: "happy", antonym: "sad" }`) stay data.
 */
function fewShotValue(model: FileModel, c: Candidate): boolean {
  if (c.context.kind !== 'binding' || !c.context.keys.length) return false;
  const binding = c.context.binding;
  if (!LIST_TYPES.has(binding.value.type) || NON_TEXT_KEYS.has(c.context.keys[0])) return false;
  return nameWords(binding.name).some((w) => FEW_SHOT_WORDS.includes(w));
}

/** Cheap pre-checks before building parts for a string that reached nothing known. */
export function worthHeuristics(model: FileModel, c: Candidate): boolean {
  if (c.context.kind === 'negative' || c.context.kind === 'docstring') return false;
  if (fewShotValue(model, c)) return true;
  const kind = candidateNameKind(model, c, candidateName(model, c));
  if (kind === 'negative') return false;
  // Content alone needs 80 characters; with a weak or no name, shorter source cannot qualify.
  return kind === 'prompt' || kind === 'template' || c.expr.root.end - c.expr.root.start >= 40;
}

/** The name that describes a string: its innermost object key, keyword, or the variable it (or the call wrapping it) is bound to. */
export function candidateName(model: FileModel, c: Candidate): string | undefined {
  if (c.context.kind === 'binding') return c.context.keys[0] ?? c.context.binding.name;
  if (c.context.kind === 'call') {
    const named = c.context.keys[0] ?? c.context.argName;
    if (named) return named;
    const parent = c.context.call.parent;
    const bound = parent?.binding as Binding | undefined;
    return bound && bound.value === c.context.call ? bound.name : undefined;
  }
  if (c.context.kind === 'none') return c.context.keys[0];
  return undefined;
}

/**
 * Evidence for a merged prompt that reaches nothing known. With a prompt-like name the whole text counts; else one
 * piece must read like a prompt on its own: cues that only appear across two pieces (`p = "…you are"`,
 * `p += " an expert…"`) are not read by the pre-filter (`prefilter.ts`), which must never skip a file with a prompt.
 */
export function groupHeuristics(model: FileModel, group: PieceGroup, name: string | undefined, value: string, language: SourceLanguage): ReturnType<typeof heuristicSignals> {
  const kind = nameEvidence(name);
  if (kind === 'prompt' || kind === 'template') return heuristicSignals(model, group.members[0], name, value);
  for (const m of group.members) {
    const found = heuristicSignals(model, m, name, staticText(candidateParts(m, model.source, language)));
    if (found) return found;
  }
  return undefined;
}
