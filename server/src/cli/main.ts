// `prompt-cost`: the workspace audit, the cost diff against a git ref, token counting and the rule list, for
// terminals and CI. Exit codes as ESLint: 0 clean, 1 findings/budget, 2 usage or configuration error.
import { formatOptions, UsageError } from './args';
import { ConfigFailure } from './cliContext';
import { visibleText } from '../engine/report/visibleText';
import { AUDIT_OPTIONS, auditCommand } from './commands/audit';
import { COUNT_OPTIONS, countCommand } from './commands/count';
import { DIFF_OPTIONS, diffCommand } from './commands/diff';
import { MERGE_OPTIONS, mergeCommand } from './commands/merge';
import type { CommandIO } from './commands/io';
import { RULES_OPTIONS, rulesCommand } from './commands/rules';
import { EXIT_CLEAN, EXIT_USAGE } from './exitCodes';
import { useColor } from './terminal';
import { VERSION } from './version';
import { isMainThread, workerData } from 'worker_threads';
import { AUDIT_WORKER_FLAG, runAuditWorker } from '../engine/audit/workerPool';

const COMMANDS = {
  audit: { run: auditCommand, options: AUDIT_OPTIONS, usage: 'audit [paths…] [options]', summary: 'Audit prompts in files and folders (default: the current directory)' },
  diff: { run: diffCommand, options: DIFF_OPTIONS, usage: 'diff --base <git-ref> [paths…] [options]', summary: 'Monthly cost change per prompt between the working tree and a git ref' },
  merge: { run: mergeCommand, options: MERGE_OPTIONS, usage: 'merge REPORT.json… [--format F] [--out FILE]', summary: 'Join the JSON reports of audit --shard k/n runs into the report of one run' },
  count: { run: countCommand, options: COUNT_OPTIONS, usage: 'count [--model M] [FILE|-] [options]', summary: 'Tokens and cost of a text exactly as given (standard input with - or no FILE)' },
  rules: { run: rulesCommand, options: RULES_OPTIONS, usage: 'rules [--format text|json]', summary: 'List the rules with their default severity' },
} as const;

function generalHelp(): string {
  const lines = [`prompt-cost ${VERSION} — cost of the LLM prompts in your code`, '', 'Usage:'];
  for (const c of Object.values(COMMANDS)) lines.push(`  prompt-cost ${c.usage}`);
  lines.push('', 'Commands:');
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)}${c.summary}`);
  lines.push('', 'Run `prompt-cost <command> --help` for its options.', 'Exit codes: 0 clean, 1 findings at/above --fail-on or budget exceeded, 2 usage or configuration error.');
  return lines.join('\n') + '\n';
}

function commandHelp(name: keyof typeof COMMANDS): string {
  const c = COMMANDS[name];
  return `Usage: prompt-cost ${c.usage}\n\n${c.summary}.\n\nOptions:\n${formatOptions(c.options)}\n  --help${' '.repeat(14)}Show this help\n`;
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(generalHelp());
    return first === undefined ? EXIT_USAGE : EXIT_CLEAN;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_CLEAN;
  }
  if (!(first in COMMANDS)) {
    io.stderr(`prompt-cost: unknown command "${first}". Commands: ${Object.keys(COMMANDS).join(', ')}. See prompt-cost --help.\n`);
    return EXIT_USAGE;
  }
  const name = first as keyof typeof COMMANDS;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(name));
    return EXIT_CLEAN;
  }
  try {
    return await COMMANDS[name].run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`prompt-cost ${name}: ${error.message}\nSee prompt-cost ${name} --help.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigFailure) {
      // Messages quote keys and values of the audited tree's .promptcost.json: their control characters show, not act.
      io.stderr(`prompt-cost: configuration error\n${error.message.split('\n').map(visibleText).join('\n')}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`prompt-cost: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

if (!isMainThread && workerData?.[AUDIT_WORKER_FLAG]) {
  // The same bundle runs the audit's worker threads (see engine/audit/workerPool.ts).
  runAuditWorker(workerData.init);
} else if (require.main === module) {
  const io: CommandIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: useColor(process.stdout),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      // Let stdout drain before exiting (large reports into a pipe).
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`prompt-cost: ${String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
