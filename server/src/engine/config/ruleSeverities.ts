// Per-rule severities, merged in one place for the editor, the audit and `--fix`: the `promptCost.severity` setting,
// then the config file's `rules`, which win. Values that are not a severity are ignored (the rule keeps its default).
import type { Severity } from '../types';
import type { Settings } from './settings';
import type { WorkspaceConfig } from './workspaceConfig';

const SEVERITIES = new Set<unknown>(['error', 'warning', 'information', 'hint', 'off']);

export function ruleSeverities(settings: Settings, config?: WorkspaceConfig): Record<string, Severity> {
  const result: Record<string, Severity> = {};
  for (const raw of [settings.severity, config?.rules]) {
    if (!raw || typeof raw !== 'object') continue;
    for (const [ruleId, value] of Object.entries(raw)) if (SEVERITIES.has(value)) result[ruleId] = value as Severity;
  }
  return result;
}
