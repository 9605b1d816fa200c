// `prompt-cost rules`: every rule id a user can see or configure, with its default severity and whether it fixes.
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT_CLEAN } from '../exitCodes';
import { ruleList } from '../../engine/report/ruleCatalog';
import type { CommandIO } from './io';

export const RULES_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', choices: ['text', 'json'], description: 'Output format (default text)' },
};

export async function rulesCommand(argv: string[], io: CommandIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, RULES_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`rules takes no arguments (got ${positionals[0]})`);
  const rules = ruleList();
  if (options.format === 'json') {
    io.stdout(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.defaultSeverity, fixable: r.fixable, reportedBy: r.reportedBy, description: r.description, docs: r.docsUrl })), null, 2) + '\n');
    return EXIT_CLEAN;
  }
  const idWidth = Math.max(...rules.map((r) => r.id.length)) + 2;
  for (const r of rules) {
    io.stdout(`${r.id.padEnd(idWidth)}${r.defaultSeverity.padEnd(13)}${(r.fixable ? 'fixable' : '').padEnd(9)}${r.description}\n`);
  }
  return EXIT_CLEAN;
}
