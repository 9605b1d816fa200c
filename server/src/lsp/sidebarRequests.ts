// The sidebar's custom requests, open to any LSP client: promptCost/fileAnalysis (a document's prompts with costs) and
// promptCost/alternatives (one prompt priced on other models, plus its cache-suitability advice).
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { rankAlternatives } from '../engine/cost/alternatives';
import { cacheAdvice } from '../engine/cost/caching';
import { repricingContext } from '../engine/analyze';
import type { CostContext } from '../engine/cost/pricePrompt';
import {
  Requests,
  type AlternativesParams,
  type AlternativesResult,
  type FileAnalysisParams,
  type FileAnalysisResult,
} from '../shared/protocol';
import type { ServerContext } from './context';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(Requests.fileAnalysis, async (params: FileAnalysisParams): Promise<FileAnalysisResult> => {
    if (typeof params?.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'promptCost/fileAnalysis needs { uri: string }.');
    return ctx.getAnalysis(params.uri);
  });

  ctx.connection.onRequest(Requests.alternatives, async (params: AlternativesParams): Promise<AlternativesResult> => {
    if (typeof params?.uri !== 'string' || typeof params.promptId !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, 'promptCost/alternatives needs { uri: string, promptId: string }.');
    }
    const analysis = await ctx.getAnalysis(params.uri);
    const analyzed = analysis?.prompts.find((p) => p.prompt.id === params.promptId);
    if (!analysis || !analyzed) return null;
    const { prompt, cost } = analyzed;
    // Messages of the same call share the request's framing tokens, fragments size placeholders: priced alike.
    const costContext: CostContext = repricingContext(analysis, prompt, ctx.analysisContext(params.uri));
    try {
      const limit = typeof params.limit === 'number' && params.limit > 0 ? Math.floor(params.limit) : undefined;
      return {
        promptId: prompt.id,
        current: cost,
        alternatives: rankAlternatives(prompt, cost, costContext, { order: 'tiers', ...(limit ? { limit } : {}) }),
        cache: cacheAdvice(prompt, cost, costContext),
      };
    } catch (e) {
      throw new ResponseError(ErrorCodes.InternalError, `Could not price alternatives for ${prompt.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
