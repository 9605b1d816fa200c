// verbose-output-request: "explain in detail", "step by step", "show your reasoning" in a prompt whose reply is read
// as JSON or a label: the explanation is generated, billed as output, and thrown away by the parser. A hint, with the
// output the request would save if it asked for the short answer only (the configured estimate against the bound).
import { OUTPUT_SHAPES } from '../data/outputShapes';
import { quoteShort } from '../fixes';
import { ruleMeta } from '../meta';
import { parsedAsJson, requestText, verboseRequestsIn } from '../outputShape';
import { sourceSpanOf } from '../promptView';
import { monthlySavingOf, outputSavingLabel, withCall } from '../requestFindings';
import type { RuleFinding, RuleModule } from '../types';

const JSON_BOUND = OUTPUT_SHAPES.find((row) => row.shape === 'short-json')!.bound;

/** The answer the request is read as: JSON by the code, or a label / number / yes-no / JSON the prompt asks for. */
function parsedAnswerBound(text: string, json: boolean): number | undefined {
  const asked = OUTPUT_SHAPES.find((row) => row.shape !== 'one-sentence' && row.patterns.some((re) => re.test(text)));
  if (asked) return asked.bound;
  return json ? JSON_BOUND : undefined;
}

export const verboseOutputRequest: RuleModule = {
  meta: ruleMeta('verbose-output-request', 'Asks for a detailed explanation or visible reasoning, but the reply is read as a label or JSON.', 'hint', false, 'rules', 'output'),
  check(run) {
    const facts = run.ctx.request;
    if (!facts) return [];
    const found = verboseRequestsIn(run.view.text);
    if (!found.length) return [];
    const bound = parsedAnswerBound(requestText(run), parsedAsJson(run.prompt, run.ctx.documentText));
    if (bound === undefined) return [];
    // The saving belongs to the request once: on the message that carries its output.
    const saved = facts.carriesRequest ? facts.cost.tokens.output - bound : 0;
    const monthly = saved >= 1 ? monthlySavingOf(facts, { change: (p) => (p === run.prompt ? withCall(p, { outputTokens: bound }) : p) }) : undefined;
    const label = saved >= 1 ? outputSavingLabel(saved, monthly) : '';
    const findings: RuleFinding[] = [];
    for (const m of found) {
      const span = sourceSpanOf(run.view, m.start, m.end);
      if (!span) continue;
      findings.push({
        message:
          `${quoteShort(m.matched)} asks for text that is thrown away when the reply is read as a label or JSON, and is billed as output. ` +
          `Ask for the answer only${label ? ` (${label} if the reply is the answer alone)` : ''}.`,
        span,
        promptId: run.prompt.id,
        ...(saved >= 1 ? { savingsTokens: saved } : {}),
        ...(monthly !== undefined && saved >= 1 ? { savingsMonthly: monthly } : {}),
      });
    }
    return findings;
  },
};
