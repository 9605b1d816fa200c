// The hover on a prompt: first the model, cost per call and per month at the volume and where each came from; then its
// tokens split by origin, the price with its source and date, per day, caching, the three cheapest alternatives, and a
// link into the sidebar.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rankAlternatives } from '../engine/cost/alternatives';
import { repricingContext } from '../engine/analyze';
import { monthlyCostOverRequests, requestShares, requestSite } from '../engine/cost/requestShares';
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
  'framework-default': 'framework default',
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

/**
 * The hover reads top-down: the headline (model and where it came from; cost per call and per month at the volume and
 * where the volume came from) fits the first screen, then the breakdown: token rows, tokenizer, price, per day,
 * caching, cheaper models, sidebar link. Each part is one function so a new line (or token row) goes in one place.
 */
export function hoverMarkdown(analyzed: AnalyzedPrompt, alternatives: Alternative[], uri: string): string {
  const sections = [
    headline(analyzed),
    fragmentNote(analyzed),
    requestList(analyzed),
    tokenTable(analyzed),
    tokenizerLine(analyzed),
    priceLine(analyzed),
    perDayLine(analyzed),
    cachingLine(analyzed),
    cheaperModels(alternatives),
    sidebarLink(analyzed, uri),
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n');
}

type Lines = string[];

function headline({ prompt, cost }: AnalyzedPrompt): Lines {
  const { model } = cost;
  const label = MODEL_SOURCE[model.source] ?? model.source;
  // Whose default: "framework default: crewAI (crewai 1.15.17 …)"; the wrapper a caller goes through: "wrapper chat() in …".
  const detail = prompt.model?.detail && prompt.model.source === model.source ? prompt.model.detail : undefined;
  const from = detail ? (model.source === 'framework-default' ? `${label}: ${detail}` : detail) : label;
  const written = model.requested && model.requested !== model.id ? ` as ${code(model.requested)}` : '';
  const line = prompt.model?.line !== undefined ? `, line ${prompt.model.line + 1}` : '';
  // A dash, not parentheses: volume sources carry their own (`default (setting promptCost.defaultCallsPerDay)`).
  const volume = `at ${formatTokens(cost.volume.callsPerDay)} calls/day — ${text(cost.volume.source)}`;
  const figures =
    cost.costPerCall !== undefined
      ? `**${formatUsd(cost.costPerCall)}/call** · **${formatUsd(cost.costPerMonth ?? 0)}/month** ${volume}`
      : `Cost: **unknown** — no price for ${code(model.requested || model.id)} (add it under \`models\` in .promptcost.json or the setting promptCost.models); ${volume}`;
  return [`**Prompt cost** · ${code(model.id)} (from ${from}${written}${line})`, '', figures];
}

function fragmentNote({ prompt }: AnalyzedPrompt): Lines {
  return prompt.fragmentOf ? [`Part of ${code(prompt.fragmentOf)} — its cost is counted there (the figures are this text's share).`] : [];
}

/**
 * A text several calls send: one line per request (model, where, per call, per month) and the sum, which is what the
 * text costs; the figures below are its share of the first request.
 */
function requestList(analyzed: AnalyzedPrompt): Lines {
  if (!analyzed.moreRequests?.length) return [];
  const shares = requestShares(analyzed);
  const total = monthlyCostOverRequests(analyzed);
  const rows = shares.map((share, i) => {
    const where = share.site ?? requestSite(share.requestId);
    const figures = share.cost.costPerCall !== undefined ? `${formatUsd(share.cost.costPerCall)}/call · ${formatUsd(share.cost.costPerMonth ?? 0)}/month at ${formatTokens(share.cost.volume.callsPerDay)} calls/day` : 'no price';
    return `- ${code(share.cost.model.id)}${where ? ` (call at ${text(where)})` : ''} — ${figures}${i === 0 ? ' (the breakdown below)' : ''}`;
  });
  const sum = total !== undefined ? `**${formatUsd(total)}/month**` : 'not known (a request has no price)';
  return [`Sent by **${shares.length} requests** — together ${sum}:`, ...rows];
}

/** One row per part of the call's tokens; `[label, value]` so a new kind of token is one more row. */
function tokenRows({ cost }: AnalyzedPrompt): [string, string][] {
  const { tokens } = cost;
  const approx = tokens.exact ? '' : '≈';
  const rows: [string, string][] = [['static text', `${approx}${formatTokens(tokens.staticText)}`]];
  const known = tokens.fragmentPlaceholders;
  if (known) {
    const nested = tokens.estimatedPlaceholders ? ', estimates inside' : '';
    rows.push([`placeholders filled from this file's texts (${known.count}${nested})`, `${approx || nested ? '≈' : ''}${formatTokens(known.tokens)}`]);
  }
  const estimatedCount = tokens.placeholderCount - (known?.count ?? 0);
  if (estimatedCount > 0) rows.push([`placeholders (${estimatedCount}, estimated)`, `≈${formatTokens(tokens.placeholders - (known?.tokens ?? 0))}`]);
  if (tokens.framing > 0) rows.push(['message framing', formatTokens(tokens.framing)]);
  if (tokens.tools !== undefined) rows.push([`tool definitions — ${text(tokens.toolsSource ?? '')}`, `≈${formatTokens(tokens.tools)}`]);
  rows.push(['**input**', `**${approx}${formatTokens(tokens.input)}**`]);
  const maxOutput = tokens.maxOutput !== undefined ? ` (max ${formatTokens(tokens.maxOutput)})` : '';
  rows.push([`expected output — ${text(tokens.outputSource)}`, `${formatTokens(tokens.output)}${maxOutput}`]);
  if (tokens.reasoning !== undefined) rows.push([`reasoning, billed as output (estimate) — ${text(tokens.reasoningSource ?? '')}`, `≈${formatTokens(tokens.reasoning)}`]);
  return rows;
}

function tokenTable(analyzed: AnalyzedPrompt): Lines {
  return ['| tokens | |', '|---|---:|', ...tokenRows(analyzed).map(([label, value]) => `| ${label} | ${value} |`)];
}

function tokenizerLine({ cost }: AnalyzedPrompt): Lines {
  return [`Tokenizer: \`${cost.tokens.encoding}\`${cost.tokens.exact ? '' : ' (estimate)'}`];
}

function priceLine({ cost }: AnalyzedPrompt): Lines {
  const p = cost.model.price;
  if (!p) return [];
  const cached = p.cachedInputPerMillion !== undefined ? ` · cached ${formatPricePerMillion(p.cachedInputPerMillion)}` : '';
  const stale = cost.priceStale ? ' ⚠ may be out of date' : '';
  return [`Price: ${formatPricePerMillion(p.inputPerMillion)} input · ${formatPricePerMillion(p.outputPerMillion)} output${cached} — ${text(p.source)}, ${text(p.date)}${stale}`];
}

function perDayLine({ cost }: AnalyzedPrompt): Lines {
  if (cost.costPerCall === undefined) return [];
  const output = cost.outputCostPerCall !== undefined ? ` (output ${formatUsd(cost.outputCostPerCall)} of it)` : '';
  return [`Per call ${formatUsd(cost.costPerCall)}${output} · per day ${formatUsd(cost.costPerDay ?? 0)} · per month ${formatUsd(cost.costPerMonth ?? 0)} (30 days)`];
}

function cachingLine({ cost }: AnalyzedPrompt): Lines {
  const batch = cost.batch ? [`Batch: ${Math.round(cost.batch.multiplier * 100)}% of list prices — ${text(cost.batch.source)}`, ''] : [];
  return [...batch, `Caching: ${cost.caching.verdict.replace('-', ' ')} — ${text(cost.caching.detail)}`];
}

function cheaperModels(alternatives: Alternative[]): Lines {
  const cheaper = alternatives.filter((a) => !a.current && a.monthlySaving !== undefined && a.monthlySaving > 0).slice(0, 3);
  if (!cheaper.length) return [];
  return [
    'Cheaper models:',
    ...cheaper.map((a) => {
      const fits = a.fitsContext === false ? ' (prompt does not fit its context window)' : '';
      return `- ${code(a.model.id)} ${formatUsd(a.costPerMonth ?? 0)}/mo — saves **${formatUsd(a.monthlySaving ?? 0)}/mo**${fits}`;
    }),
  ];
}

function sidebarLink({ prompt }: AnalyzedPrompt, uri: string): Lines {
  const args = encodeURIComponent(JSON.stringify([{ uri, promptId: prompt.id }]));
  return [`[Open in the Prompt Cost sidebar](command:${SHOW_SIDEBAR_COMMAND}?${args})`];
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
