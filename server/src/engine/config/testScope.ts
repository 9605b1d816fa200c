// Scopes: a prompt in a test or fixture file is in the "test" scope, every other one in "app". Test prompts are
// listed apart in every report and left out of totals, budgets and the status bar's workspace figure unless the user
// asks for them (CLI `--include-tests`, setting `promptCost.includeTests`). Measured on three public agent projects
// (issue 17, 2026-12-07): tests held 41 of 85, 966 of 1,414 and 3,391 of 3,534 prompts, and most of each total.
import type { DetectedPrompt } from '../types';
import { withoutPrompts } from '../detection/dataStrings';
import { matchesGlob } from './glob';
import type { WorkspaceConfig } from './workspaceConfig';

export type PromptScope = 'app' | 'test';

/**
 * The conventions of pytest (`test_*.py`, `*_test.py`, `conftest.py`, `tests/`), Jest/Vitest/Mocha (`__tests__/`,
 * `*.test.*`, `*.spec.*`, `test/`, `__mocks__/`), recorded HTTP fixtures (`cassettes/`, vcrpy/pytest-recording) and
 * fixture folders, at any depth; `*-tests/` and `*_tests/` for monorepos' integration-test packages. Replaced as a
 * whole by `testGlobs` in .promptcost.json (`[]`: no test scope).
 */
export const DEFAULT_TEST_GLOBS: readonly string[] = [
  '**/tests/**', '**/test/**', '**/__tests__/**', '**/*-tests/**', '**/*_tests/**', '**/*.test.*', '**/*.spec.*',
  '**/test_*.py', '**/*_test.py', '**/conftest.py', '**/fixtures/**', '**/cassettes/**', '**/__mocks__/**',
];

/** The globs that make a file a test file: the config's `testGlobs` when given, else the defaults. */
export function testGlobs(config: Pick<WorkspaceConfig, 'testGlobs'> | undefined): readonly string[] {
  return config?.testGlobs ?? DEFAULT_TEST_GLOBS;
}

/** The scope of a file by its workspace-relative path (or its file name when it lies outside the workspace). */
export function fileScope(path: string | undefined, config: Pick<WorkspaceConfig, 'testGlobs'> | undefined): PromptScope {
  if (!path) return 'app';
  return testGlobs(config).some((glob) => matchesGlob(path, glob)) ? 'test' : 'app';
}

/**
 * In a test file an assistant turn is a model reply the test fakes (`[textMessage('Outline v1')]` handed to a fake
 * model, `{"role": "assistant", …}` in a fixture): never input. Dropped with the fragments inserted only into them.
 */
export function withoutTestReplies(prompts: DetectedPrompt[]): DetectedPrompt[] {
  return withoutPrompts(prompts, new Set(prompts.filter((p) => p.role === 'assistant').map((p) => p.id)));
}

/** Whether test prompts count in totals and budgets: the CLI flag, else the setting `promptCost.includeTests`. */
export function includeTestsSetting(settings: Record<string, unknown>): boolean {
  return settings.includeTests === true;
}
