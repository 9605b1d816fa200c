// long-prompt: information when one prompt's static text passes a configurable size (`ctx.longPromptTokens`).
import { ruleMeta } from '../meta';
import { PLACEHOLDER_MARK, lineEnd } from '../promptView';
import type { RuleModule } from '../types';
import { groupThousands } from '../../views/format';

/** Used when the settings give no threshold. */
export const DEFAULT_LONG_PROMPT_TOKENS = 4000;

export const longPrompt: RuleModule = {
  meta: ruleMeta('long-prompt', 'A single prompt whose static text passes the configured token size.', 'information', false),
  check(run) {
    const limit = run.ctx.longPromptTokens ?? DEFAULT_LONG_PROMPT_TOKENS;
    if (!(limit > 0)) return [];
    const tokens = run.tokens(run.view.text.split(PLACEHOLDER_MARK).join(' '));
    if (tokens <= limit) return [];
    // Point at the first line of the prompt's text: the whole prompt underlined would hide every other finding in it,
    // and the expression's start (`dedent(`, a quote, a placeholder) is code, not the prompt's text.
    const firstText = run.prompt.parts.find((p) => p.kind === 'text' && p.span.end > p.span.start);
    const start = firstText?.span.start ?? run.prompt.span.start;
    const end = Math.min(firstText?.span.end ?? run.prompt.span.end, lineEnd(run.ctx.documentText, start));
    return [
      {
        message:
          `This prompt's static text is ${groupThousands(tokens)} tokens (limit ${groupThousands(limit)}). ` +
          'Move stable reference material into a cached prefix, retrieve it on demand, or trim it.',
        span: { start, end: Math.max(end, start) },
        promptId: run.prompt.id,
      },
    ];
  },
};
