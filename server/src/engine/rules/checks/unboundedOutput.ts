// unbounded-output: a call with no output limit whose request asks for a short answer (a label, a number, yes/no,
// one sentence, JSON of a given shape). The fix adds the API's limit in the call's own syntax; the saving is the
// configured output estimate against the bound, priced at the request's model.
import { ruleMeta } from '../meta';
import { requestText, shortAnswerOf } from '../outputShape';
import { OUTPUT_LIMIT_KEYS, outputLimitTarget } from '../outputLimit';
import { anchorSpan, argumentFix, monthlySavingOf, outputSavingLabel, withCall } from '../requestFindings';
import type { RuleModule } from '../types';
import { groupThousands } from '../../views/format';

export const unboundedOutput: RuleModule = {
  meta: ruleMeta('unbounded-output', 'The prompt asks for a short answer but the call sets no output limit.', 'information', true, 'rules', 'output'),
  check(run) {
    const facts = run.ctx.request;
    const site = run.prompt.callParams.site;
    if (!facts?.carriesRequest || !site || site.opaqueSpread) return [];
    if (run.prompt.callParams.maxTokens !== undefined || site.keys.some((k) => OUTPUT_LIMIT_KEYS.includes(k))) return [];
    const language = run.ctx.language ?? run.prompt.language;
    const target = outputLimitTarget(site, facts.cost.model, language, run.ctx.documentText);
    if (!target) return [];
    const shape = shortAnswerOf(requestText(run));
    if (!shape) return [];
    const choices = run.prompt.callParams.n && run.prompt.callParams.n > 1 ? Math.floor(run.prompt.callParams.n) : 1;
    const saved = facts.cost.tokens.output - shape.bound * choices;
    if (!(saved >= 1)) return [];
    // Reasoning models spend the same limit on hidden reasoning: leave room for the reasoning the estimate assumes,
    // or the reply would be cut off before it starts.
    const reasoning = target.sharesWithReasoning ? Math.ceil((facts.cost.tokens.reasoning ?? 0) / choices) : 0;
    const limit = shape.bound + reasoning;
    const monthly = monthlySavingOf(facts, {
      change: (p) => (p === run.prompt ? withCall(p, { callParams: { maxTokens: limit }, outputTokens: shape.bound }) : p),
    });
    const label = outputSavingLabel(saved, monthly);
    const room = reasoning ? ` (${shape.bound} for the answer + ${groupThousands(reasoning)} estimated reasoning)` : '';
    return [
      {
        message:
          `Asks for ${shape.described}, but the call sets no output limit: ${target.written}${limit}${room} bounds the reply ` +
          `(output estimate ${groupThousands(facts.cost.tokens.output)} → ${groupThousands(shape.bound * choices)} tokens at ${facts.cost.model.id}${label ? `, ${label}` : ''}).`,
        span: anchorSpan(run.prompt, run.ctx.documentText),
        promptId: run.prompt.id,
        savingsTokens: saved,
        ...(monthly !== undefined ? { savingsMonthly: monthly } : {}),
        fix: argumentFix(`Add ${target.written}${limit}`, label, [target.edit(limit)], saved),
      },
    ];
  },
};
