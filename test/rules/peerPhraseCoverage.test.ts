// Wording coverage against the best-known prompt linter's own phrase list (issue 16): promptlint-cli
// (pypi promptlint-cli 1.0.x; its politeness words, `verbosity-redundancy` and `actionability-weak-verbs` patterns,
// read 2026-12-07). Each row is the peer's phrase, a sentence of an instruction using it as a new user would write
// it, and the tokens our rules save on it in o200k (measured; the fix-all result is checked too). Two peer phrases
// have no safe rewrite on their own (NOT_COVERED says why); the rows give the form of them we do rewrite.
import { strict as assert } from 'assert';
import { applySourceEdits, compressPromptFix, runRules } from '../../server/src/engine/rules';
import { countO200k } from './helpers/ruleTester';
import { promptFromSource } from './helpers/sourcePrompt';

const ROWS: [phrase: string, sentence: string, savedTokens: number][] = [
  ["please", "Please list the dates, please.", 3],
  ["kindly", "Kindly list the dates.", 2],
  ["i would appreciate", "I would appreciate it if you could list the dates.", 7],
  ["thank you", "List the dates, thank you.", 3],
  ["be so kind as to", "Be so kind as to list the dates.", 5],
  ["if possible", "Cite the source, if possible.", 3],
  ["in order to", "Read the notes in order to list the dates.", 2],
  ["due to the fact that", "Skip it due to the fact that it is old.", 4],
  ["at this point in time", "List the dates at this point in time.", 4],
  ["for the purpose of", "Read it for the purpose of review.", 3],
  ["in the event that", "Stop in the event that the list is empty.", 3],
  ["prior to", "Read it prior to answering.", 1],
  ["subsequent to", "Answer subsequent to reading.", 1],
  ["a total of", "Return a total of 5 dates.", 3],
  ["each and every", "Check each and every date.", 2],
  ["first and foremost", "First and foremost, list the dates.", 2],
  ["future plans", "Describe the future plans.", 1],
  ["past history", "Summarize the past history.", 1],
  ["end result", "Report the end result.", 1],
  ["basic fundamentals", "Explain the basic fundamentals.", 1],
  ["close proximity", "Note the close proximity of the dates.", 1],
  ["gather together", "Gather together the notes.", 1],
  ["join together", "Join together the lists.", 1],
  ["refer back", "Refer back to the notes.", 1],
  ["return back", "Return back to the list.", 1],
  ["unexpected surprise", "Flag any unexpected surprise.", 1],
  ["completely eliminate", "Completely eliminate duplicates.", 1],
  ["completely finished", "Say when it is completely finished.", 1],
  ["advance planning", "Skip advance planning.", 1],
  ["past experience", "Base it on past experience.", 1],
  ["new innovation", "Describe the new innovation.", 1],
  ["personal opinion", "Give no personal opinion.", 1],
  ["repeat again", "Do not repeat again.", 1],
  ["still remains", "Say what still remains.", 1],
  ["true fact", "State each true fact.", 1],
  ["with the exception of", "List all with the exception of drafts.", 3],
  ["in close proximity to", "List stores in close proximity to the user.", 3],
  ["has the ability to", "Say if the user has the ability to pay.", 3],
  ["is able to", "Say if the user is able to pay.", 2],
  ["in spite of the fact that", "Answer in spite of the fact that it is late.", 5],
  ["with regard to", "Answer with regard to the dates.", 2],
  ["in relation to", "Answer in relation to the dates.", 2],
  ["for the reason that", "Skip it for the reason that it is old.", 3],
  ["in the near future", "List events in the near future.", 3],
  ["at the present time", "List open items at the present time.", 3],
  ["until such time as", "Wait until such time as the user replies.", 3],
  ["on a daily basis", "Summarize sales on a daily basis.", 3],
  ["on a weekly basis", "Summarize sales on a weekly basis.", 3],
  ["on a monthly basis", "Summarize sales on a monthly basis.", 3],
  ["consider", "Consider adding a date.", 1],
  ["try to", "Try to list the dates.", 2],
  ["attempt to", "Attempt to list the dates.", 2],
  ["endeavor to", "Endeavor to list the dates.", 4],
  ["you might want to", "You might want to list the dates.", 4],
  ["feel free to", "Feel free to ask questions.", 3],
  ["it would be good if", "It would be good if you could list the dates.", 7],
  ["it would be nice if", "It would be nice if you could list the dates.", 7],
  ["it would be helpful if", "It would be helpful if you could list the dates.", 7],
  ["it would be great if", "It would be great if you could list the dates.", 7],
  ["it would be good to", "It would be good to list the dates.", 5],
  ["it would be nice to", "It would be nice to list the dates.", 5],
  ["it would be helpful to", "It would be helpful to list the dates.", 5],
  ["it would be great to", "It would be great to list the dates.", 5],
  ["whenever possible", "Use bullet points whenever possible.", 2],
  ["whenever you can", "Cite sources, whenever you can.", 4],
];

/** Peer phrases with no safe rewrite on their own; the forms above cover how they are used in instructions. */
const NOT_COVERED: Record<string, string> = {
  'i would appreciate': '"I would appreciate a short answer" has no shorter form that keeps the request; "I would appreciate it if you could" is covered',
  consider: '"Consider X" alone may be a real instruction to weigh X; "Consider adding/using/…" is rewritten to the imperative',
};

describe('wording coverage of the peer phrase list (promptlint-cli)', () => {
  for (const [phrase, sentence, saved] of ROWS) {
    it(`${phrase}: "${sentence}" saves ${saved}`, () => {
      const code = `PROMPT = "${sentence}"\n`;
      const prompt = promptFromSource(code, 'python');
      const ctx = { documentText: code, countTokens: countO200k };
      const findings = runRules(prompt, ctx);
      assert.ok(saved >= 1, 'every row saves at least one token');
      assert.equal(findings.reduce((sum, f) => sum + (f.savingsTokens ?? 0), 0), saved, JSON.stringify(findings.map((f) => f.message)));
      const first = phrase.split(' ')[0];
      assert.ok(findings.some((f) => code.slice(f.span.start, f.span.end).toLowerCase().includes(first)), `no finding on "${phrase}"`);
      const fix = compressPromptFix(prompt, findings, ctx);
      const after = applySourceEdits(code, fix!.edits);
      assert.ok(!after.toLowerCase().includes(` ${phrase} `), after);
      assert.equal(countO200k(sentence) - countO200k(after.slice('PROMPT = "'.length, after.lastIndexOf('"'))), fix!.savingsTokens);
    });
  }
  it('lists every peer phrase once, covered or with a reason', () => {
    const phrases = ROWS.map((r) => r[0]);
    assert.equal(new Set(phrases).size, phrases.length);
    for (const p of Object.keys(NOT_COVERED)) assert.ok(phrases.includes(p), p);
    assert.equal(phrases.length, 65);
  });
});
