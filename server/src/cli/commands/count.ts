// `prompt-cost count --model M [FILE|-]`: tokens and input cost of a text exactly as given — no message framing,
// no placeholders, no output tokens — with the model's own tokenizer.
import * as fs from 'fs';
import { countTokens } from '../../engine/tokens';
import { resolveModel } from '../../engine/pricing/catalog';
import { costPerCall } from '../../engine/cost/costModel';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { loadCliContext } from '../cliContext';
import { EXIT_CLEAN } from '../exitCodes';
import { usd } from '../../engine/report/numbers';
import type { CommandIO } from './io';
import { groupThousands } from '../../engine/views/format';

export const COUNT_OPTIONS: Record<string, OptionSpec> = {
  model: { type: 'string', value: 'MODEL', description: 'Model whose tokenizer and price to use (default: the defaultModel setting)' },
  format: { type: 'string', choices: ['text', 'json'], description: 'Output format (default text)' },
  config: { type: 'string', value: 'FILE', description: 'Config file for custom models and aliases (default ./.promptcost.json)' },
};

export async function countCommand(argv: string[], io: CommandIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, COUNT_OPTIONS);
  if (positionals.length > 1) throw new UsageError('count takes one FILE (or - for standard input)');
  const ctx = loadCliContext({ root: process.cwd(), configFile: options.config as string | undefined });
  const source = positionals[0] ?? '-';
  const text = source === '-' ? await io.readStdin() : readText(source);
  const modelName = (options.model as string | undefined) ?? ctx.workspaceConfig?.defaultModel ?? ctx.settings.defaultModel;
  const model = resolveModel(modelName, options.model ? 'settings' : 'default', ctx.workspaceConfig);
  const count = countTokens(text, model.id);
  const perCall = model.price ? costPerCall({ input: count.tokens, output: 0 }, model.price) : null;
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ model: model.id, encoding: count.encoding, inputTokens: count.tokens, tokensExact: count.exact, costPerCall: perCall }, null, 2) + '\n');
  } else {
    const exactness = count.exact ? 'exact' : 'estimate';
    io.stdout(`${groupThousands(count.tokens)} tokens (${model.id}, ${count.encoding}, ${exactness}); ${perCall === null ? 'no known price' : `${usd(perCall)} per call as input`}\n`);
  }
  return EXIT_CLEAN;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
