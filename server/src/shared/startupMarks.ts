// Where the time to a document's first inline hint goes (issue 17): wall-clock marks (epoch ms, the clock the
// extension host's log, the client, the server and the browser share), written to the client's output channel as
//   [timing] <epoch ms> <side>: <event>
// lines when the server is traced (`promptCost.trace.server` not `off`). The e2e harness reads them to split the cold
// path (test/e2e/firstHint.test.js); a user reads them to see what a slow start waited for.

export const TIMING_PREFIX = '[timing]';

/** One `[timing]` line. */
export function timingLine(at: number, event: string): string {
  return `${TIMING_PREFIX} ${Math.round(at)} ${event}`;
}

/** What dist/server.js (server/src/bootstrap.ts) leaves for the server: when it began and when the bundle compiled. */
export interface BootstrapMarks {
  startedAt: number;
  compiledAt: number;
  /** hit: compiled from the code cache; miss: no usable cache (one is written at exit); off: PROMPT_COST_NO_CODE_CACHE. */
  codeCache: 'hit' | 'miss' | 'off';
}

export const BOOTSTRAP_MARKS_KEY = '__promptCostBootstrapMarks';
