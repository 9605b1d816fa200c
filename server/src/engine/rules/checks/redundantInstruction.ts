// redundant-instruction: the same or a near-identical sentence twice in one prompt, or in two messages of the
// same call (system and user). The later copy is reported; an exact repeat (ignoring case, spacing and final
// punctuation) is removed by the fix, a near-identical one is only reported (the wording differs, so a person
// decides which to keep).
import { buildFix } from '../fixes';
import { ruleMeta } from '../meta';
import { PLACEHOLDER_MARK, buildView, overlapsProtected, sourceSpanOf, type PromptView } from '../promptView';
import type { RuleFinding, RuleModule, RuleRun } from '../types';
import { editDistance } from '../../text/editDistance';

/** Sentences shorter than this are list labels and headings ("Output:", "Be concise.") more often than rules. */
const MIN_WORDS = 4;
/** Word-level similarity from which two sentences say the same thing. */
const NEAR_IDENTICAL = 0.85;

interface Sentence {
  start: number;
  /** Where a removal starts (the line start when the sentence is a whole line). */
  removeFrom: number;
  /** End including the whitespace after it (what a removal takes). */
  end: number;
  textEnd: number;
  words: string[];
  key: string;
}

export const redundantInstruction: RuleModule = {
  meta: ruleMeta('redundant-instruction', 'The same instruction twice in a prompt or in two messages of one call.', 'warning', true),
  check(run: RuleRun): RuleFinding[] {
    const own = sentencesOf(run.view);
    const findings: RuleFinding[] = [];
    const reported = new Set<number>();
    const report = (s: Sentence, other: Sentence, where: string) => {
      if (reported.has(s.start)) return;
      reported.add(s.start);
      const exact = s.key === other.key;
      const snippet = run.view.text.slice(s.start, s.textEnd);
      const span = sourceSpanOf(run.view, s.start, s.textEnd);
      if (!span) return;
      const built = exact ? buildFix(run, [{ start: s.removeFrom, end: s.end, text: '' }], (label) => `Remove the repeated sentence${label}`) : undefined;
      findings.push({
        message: `${exact ? 'Repeats' : 'Nearly repeats'} ${where}: "${shorten(snippet)}"`,
        span,
        promptId: run.prompt.id,
        savingsTokens: built?.savingsTokens,
        savingsMonthly: built?.savingsMonthly,
        fix: built?.fix,
      });
    };
    own.forEach((s, i) => {
      for (let j = 0; j < i; j++) {
        if (similar(own[j], s)) {
          report(s, own[j], 'an earlier sentence of this prompt');
          break;
        }
      }
    });
    for (const sibling of run.ctx.requestSiblings ?? []) {
      if (sibling.id === run.prompt.id || !reportsHere(run, sibling)) continue;
      const theirs = sentencesOf(buildView(sibling));
      for (const s of own) {
        const match = theirs.find((t) => similar(t, s));
        if (match) report(s, match, `the ${sibling.role === 'unknown' ? 'other' : sibling.role} message of the same call`);
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

/** Across messages the copy is reported once: in the later message, the system prompt being the one to keep. */
function reportsHere(run: RuleRun, sibling: RuleRun['prompt']): boolean {
  const order = (role: string) => (role === 'system' || role === 'developer' ? 0 : 1);
  const mine = order(run.prompt.role);
  const theirs = order(sibling.role);
  if (mine !== theirs) return mine > theirs;
  return run.prompt.span.start > sibling.span.start;
}

function sentencesOf(view: PromptView): Sentence[] {
  const text = view.text;
  const out: Sentence[] = [];
  // A sentence ends at . ! ? followed by space/line break, or at a line break.
  const re = /[^\n.!?]+(?:[.!?]+(?=\s|$)|(?=\n)|$)/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const start = m.index! + lead;
    const textEnd = m.index! + raw.trimEnd().length;
    if (textEnd <= start) continue;
    let end = textEnd;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    let from = start;
    const ls = text.lastIndexOf('\n', start - 1) + 1;
    // A sentence that is a whole line goes with its indentation and line break.
    if (text[end] === '\n' && /^[ \t]*$/.test(text.slice(ls, start))) {
      end++;
      from = ls;
    } else if (end === text.length || text[end] === '\n') {
      // The last sentence of a line takes the space before it, or that space would be left trailing.
      while (from > ls && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    }
    const body = text.slice(start, textEnd);
    if (body.includes(PLACEHOLDER_MARK) || overlapsProtected(view, start, textEnd, ['quote', 'inline-code'])) continue;
    const words = body.toLowerCase().replace(/^[-*•+>#\d.)\s]+/, '').match(/[\p{L}\p{N}'’]+/gu) ?? [];
    if (words.length < MIN_WORDS) continue;
    out.push({ start, removeFrom: from, end, textEnd, words, key: words.join(' ') });
  }
  return out;
}

function similar(a: Sentence, b: Sentence): boolean {
  if (a.key === b.key) return true;
  const longer = Math.max(a.words.length, b.words.length);
  if (Math.min(a.words.length, b.words.length) / longer < NEAR_IDENTICAL) return false;
  return 1 - editDistance(a.words, b.words) / longer >= NEAR_IDENTICAL;
}


function shorten(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 60 ? flat.slice(0, 59) + '…' : flat;
}
