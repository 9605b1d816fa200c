// Command-line argument parsing: `--name value`, `--name=value`, boolean flags, repeatable options, `--` ends options.
// Every mistake is a UsageError (exit 2) whose message names the option.

export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'number' | 'boolean' | 'list';
  /** Allowed values for a string option. */
  choices?: readonly string[];
  description: string;
  /** Shown in help, e.g. `FILE`. */
  value?: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean | string[] | undefined>;
}

export function parseArgs(argv: string[], specs: Record<string, OptionSpec>): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} (options are spelled --name)`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const negated = name.startsWith('no-') && specs[name.slice(3)]?.type === 'boolean';
    const spec = specs[negated ? name.slice(3) : name];
    if (!spec) throw new UsageError(`unknown option --${name}${suggest(name, Object.keys(specs))}`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      options[negated ? name.slice(3) : name] = !negated;
      continue;
    }
    let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option --${name} needs a value${spec.value ? ` (${spec.value})` : ''}`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`option --${name}: "${value}" is not one of ${spec.choices.join(', ')}`);
    }
    if (spec.type === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`option --${name}: "${value}" is not a non-negative number`);
      options[name] = n;
    } else if (spec.type === 'list') {
      options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    } else options[name] = value;
    value = undefined;
  }
  return { positionals, options };
}

function suggest(name: string, known: string[]): string {
  const close = known.find((k) => k.startsWith(name) || name.startsWith(k));
  return close ? ` (did you mean --${close}?)` : '';
}

export function formatOptions(specs: Record<string, OptionSpec>): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const value = spec.type === 'boolean' ? '' : ` ${spec.choices ? spec.choices.join('|') : spec.value ?? 'VALUE'}`;
    return [`  --${name}${value}`, spec.description] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right).join('\n');
}
