// The hover on a prompt: where its model and volume come from, its tokens split by origin, the price with its source
// and date, cost per call/day/month, caching, the three cheapest alternatives, and a link into the sidebar.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rankAlternatives } from '../engine/cost/alternatives';
import { repricingContext } from '../engine/analyze';
import type { CostContext } from '../engine/cost/pricePrompt';
import type { Alternative, AnalyzedPrompt, ModelSource } from '../engine/types';
import type { ServerContext } from './context';
import { formatPricePerMillion, formatTokens, formatUsd } from '../engine/views/format';
import { visibleText } from '../engine/report/visibleText';
import { code as inlineCode } from '../engine/report/formatMarkdown';
import { spanToRange } from './positions';

export const SHOW_SIDEBAR_COMMAND = 'promptCost.showSidebar';

const MODEL_SOURCE: Record<ModelSource, string> = {
  annotation: 'prompt-cost annotation',
  'call-site': 'call site',
  constant: 'model constant',
  'front-matter': 'front matter',
  config: '.promptcost.json',
  settings: 'setting promptCost.defaultModel',
  default: 'built-in default',
};

export function register(ctx: ServerContext): void {
  ctx.capabilities.hoverProvider = true;
  ctx.connection.onHover(async (params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await ctx.getAnalysis(document.uri);
    if (!analysis || ctx.documents.get(document.uri)?.version !== document.version) return null;
    const offset = document.offsetAt(params.position);
    // The innermost prompt under the cursor (a message inside a list of messages wins over the list).
    const analyzed = analysis.prompts
      .filter((p) => p.prompt.span.start <= offset && offset <= p.prompt.span.end)
      .sort((a, b) => a.prompt.span.end - a.prompt.span.start - (b.prompt.span.end - b.prompt.span.start))[0];
    if (!analyzed) return null;
    const costContext: CostContext = repricingContext(analysis, analyzed.prompt, ctx.analysisContext(document.uri));
    let alternatives: Alternative[] = [];
    try {
      alternatives = rankAlternatives(analyzed.prompt, analyzed.cost, costContext, { limit: 3, order: 'cheapest' });
    } catch (error) {
      ctx.connection.console.warn(`Prompt Cost Lens: alternatives for ${analyzed.prompt.id} failed: ${String(error)}`);
    }
    return hoverFor(analyzed, alternatives, document);
  });
}

export function hoverFor(analyzed: AnalyzedPrompt, alternatives: Alternative[], document: TextDocument): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(analyzed, alternatives, document.uri) },
    range: spanToRange(document, analyzed.prompt.span),
  };
}

export function hoverMarkdown({ prompt, cost }: AnalyzedPrompt, alternatives: Alternative[], uri: string): string {
  const { tokens, model } = cost;
  const approx = tokens.exact ? '' : '≈';
  const modelLine = [`**Prompt cost** · ${code(model.id)}`];
  const from = MODEL_SOURCE[model.source] ?? model.source;
  const written = model.requested && model.requested !== model.id ? ` as ${code(model.requested)}` : '';
  const line = prompt.model?.line !== undefined ? `, line ${prompt.model.line + 1}` : '';
  modelLine.push(`(from ${from}${written}${line})`);

  const out: string[] = [modelLine.join(' '), ''];
  if (prompt.fragmentOf) out.push(`Part of ${code(prompt.fragmentOf)} — its cost is counted there (the figures below are this text's share).`, '');
  out.push('| tokens | |', '|---|---:|');
  out.push(`| static text | ${approx}${formatTokens(tokens.staticText)} |`);
  const known = tokens.fragmentPlaceholders;
  if (known) {
    const nested = tokens.estimatedPlaceholders ? ', estimates inside' : '';
    out.push(`| placeholders filled from this file's texts (${known.count}${nested}) | ${approx || nested ? '≈' : ''}${formatTokens(known.tokens)} |`);
  }
  const estimatedCount = tokens.placeholderCount - (known?.count ?? 0);
  if (estimatedCount > 0) {
    out.push(`| placeholders (${estimatedCount}, estimated) | ≈${formatTokens(tokens.placeholders - (known?.tokens ?? 0))} |`);
  }
  if (tokens.framing > 0) out.push(`| message framing | ${formatTokens(tokens.framing)} |`);
  out.push(`| **input** | **${approx}${formatTokens(tokens.input)}** |`);
  const maxOutput = tokens.maxOutput !== undefined ? ` (max ${formatTokens(tokens.maxOutput)})` : '';
  out.push(`| expected output — ${text(tokens.outputSource)} | ${formatTokens(tokens.output)}${maxOutput} |`, '');
  out.push(`Tokenizer: \`${tokens.encoding}\`${tokens.exact ? '' : ' (estimate)'}`, '');

  if (model.price) {
    const p = model.price;
    const cached = p.cachedInputPerMillion !== undefined ? ` · cached ${formatPricePerMillion(p.cachedInputPerMillion)}` : '';
    const stale = cost.priceStale ? ' ⚠ may be out of date' : '';
    out.push(`Price: ${formatPricePerMillion(p.inputPerMillion)} input · ${formatPricePerMillion(p.outputPerMillion)} output${cached} — ${text(p.source)}, ${text(p.date)}${stale}`, '');
  } else {
    out.push(`Price: **unknown** for ${code(model.requested || model.id)} — add it under \`models\` in .promptcost.json or the setting promptCost.models.`, '');
  }
  if (cost.costPerCall !== undefined) {
    out.push(
      `Cost: **${formatUsd(cost.costPerCall)}**/call · ${formatUsd(cost.costPerDay ?? 0)}/day · **${formatUsd(cost.costPerMonth ?? 0)}/month**`,
      // A dash, not parentheses: sources carry their own (`default (setting promptCost.defaultCallsPerDay)`).
      `at ${formatTokens(cost.volume.callsPerDay)} calls/day — ${text(cost.volume.source)}`,
      '',
    );
  }
  out.push(`Caching: ${cost.caching.verdict.replace('-', ' ')} — ${text(cost.caching.detail)}`, '');

  const cheaper = alternatives.filter((a) => !a.current && a.monthlySaving !== undefined && a.monthlySaving > 0).slice(0, 3);
  if (cheaper.length) {
    out.push('Cheaper models:');
    for (const a of cheaper) {
      const fits = a.fitsContext === false ? ' (prompt does not fit its context window)' : '';
      out.push(`- ${code(a.model.id)} ${formatUsd(a.costPerMonth ?? 0)}/mo — saves **${formatUsd(a.monthlySaving ?? 0)}/mo**${fits}`);
    }
    out.push('');
  }
  const args = encodeURIComponent(JSON.stringify([{ uri, promptId: prompt.id }]));
  out.push(`[Open in the Prompt Cost sidebar](command:${SHOW_SIDEBAR_COMMAND}?${args})`);
  return out.join('\n');
}

/**
 * Text from code or .promptcost.json as Markdown that shows it literally: a volume glob with `**` and `*` in it lost
 * its asterisks to emphasis, a `|` would end a table cell, `[…](…)` would be a link.
 */
function text(value: string): string {
  return visibleText(value.replace(/\r?\n/g, ' ')).replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** An id or model name as inline code: the hover's spans sit in paragraphs, not table cells. */
function code(value: string): string {
  return inlineCode(value, { inTableCell: false });
}
