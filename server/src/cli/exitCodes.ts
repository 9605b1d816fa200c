// Exit codes as ESLint's: scripts and CI tell "clean", "problems found" and "could not run" apart.
export const EXIT_CLEAN = 0;
/** Findings at or above --fail-on, or the monthly budget exceeded. */
export const EXIT_FINDINGS = 1;
/** Usage or configuration error; nothing was audited. */
export const EXIT_USAGE = 2;
