// Command-line options of `npm run eval:review` (eval-review.ts), parsed apart from the run so they can be tested.
// `--set FILE` picks the review set: session 4's set is the default; session 5's is the second held-out set
// (README.md says why there are two).
import * as path from 'path';

export const DEFAULT_SET_FILE = path.join(__dirname, 'review-set-session4.json');

export const USAGE = 'Usage: npm run eval:review -- [--set FILE] [--mirrors DIR] [--per-repo] [--json]';

export interface ReviewOptions {
  /** Absolute path of the review set (JSON, the format of review-set-session4.json). */
  setFile: string;
  mirrors: string;
  perRepo: boolean;
  json: boolean;
}

export type ParsedReviewOptions = { ok: true; options: ReviewOptions } | { ok: false; message: string };

/** `argv` without node and script; a relative `--set` path is taken from `cwd`, as a shell user expects. */
export function parseReviewOptions(argv: string[], env: NodeJS.ProcessEnv, cwd: string): ParsedReviewOptions {
  const options: ReviewOptions = { setFile: DEFAULT_SET_FILE, mirrors: env.PROMPT_COST_MIRRORS || '/work/.mirror', perRepo: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valued = (name: string): string | undefined => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (arg === name && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) return argv[++i];
      return undefined;
    };
    if (arg === '--per-repo') options.perRepo = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--set' || arg.startsWith('--set=')) {
      const value = valued('--set');
      if (!value) return { ok: false, message: `--set needs a file (a review set JSON).\n${USAGE}` };
      options.setFile = path.resolve(cwd, value);
    } else if (arg === '--mirrors' || arg.startsWith('--mirrors=')) {
      const value = valued('--mirrors');
      if (!value) return { ok: false, message: `--mirrors needs a directory.\n${USAGE}` };
      options.mirrors = value;
    } else return { ok: false, message: `Unknown argument: ${arg}\n${USAGE}` };
  }
  return { ok: true, options };
}
