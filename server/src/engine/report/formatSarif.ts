// SARIF 2.1.0 for GitHub code scanning: one result per finding, relative URIs against %SRCROOT%, every rule id the
// results use described in tool.driver.rules (with help text), and a fingerprint that survives lines moving.
import { createHash } from 'crypto';
import type { Severity } from '../types';
import type { AuditReport } from '../audit/types';
import { usd } from './numbers';

export interface SarifRuleInfo {
  id: string;
  /** PascalCase-ish display name; defaults to the id. */
  name?: string;
  description: string;
  /** Longer help, Markdown allowed. */
  help?: string;
  helpUri?: string;
  defaultSeverity?: Severity;
}

/** GitHub code scanning accepts at most 25,000 results per run. */
export const SARIF_MAX_RESULTS = 25_000;
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

export function formatSarif(report: AuditReport, rules: SarifRuleInfo[], informationUri?: string): string {
  return JSON.stringify(buildSarif(report, rules, informationUri), null, 2) + '\n';
}

export function buildSarif(report: AuditReport, rules: SarifRuleInfo[], informationUri?: string): Record<string, unknown> {
  const known = new Map(rules.map((r) => [r.id, r]));
  const findings = report.prompts
    .flatMap((prompt) => prompt.findings.filter((f) => f.severity !== 'off').map((finding) => ({ prompt, finding })))
    .sort((a, b) => LEVEL_ORDER[b.finding.severity] - LEVEL_ORDER[a.finding.severity]);
  const kept = findings.slice(0, SARIF_MAX_RESULTS);
  // Every rule a result names must be described; an id the registry does not know gets a generic entry.
  const usedIds = [...new Set([...rules.map((r) => r.id), ...kept.map((k) => k.finding.ruleId)])].sort();
  const ruleIndex = new Map(usedIds.map((id, i) => [id, i]));
  const driverRules = usedIds.map((id) => {
    const info = known.get(id) ?? { id, description: `Prompt cost finding ${id}.` };
    const rule: Record<string, unknown> = {
      id,
      name: info.name ?? id,
      shortDescription: { text: info.description },
      fullDescription: { text: info.description },
      help: { text: info.help ?? info.description, markdown: info.help ?? info.description },
      defaultConfiguration: { level: LEVELS[info.defaultSeverity ?? 'warning'] },
      properties: { tags: ['cost', 'llm-prompt'] },
    };
    if (info.helpUri) rule.helpUri = info.helpUri;
    return rule;
  });
  const results = kept
    .sort((a, b) => compare(a.prompt.file, b.prompt.file) || a.finding.startLine - b.finding.startLine || a.finding.startColumn - b.finding.startColumn || compare(a.finding.ruleId, b.finding.ruleId))
    .map(({ prompt, finding }) => {
      const savings = finding.savingsMonthly !== undefined ? ` Fixing it saves about ${usd(finding.savingsMonthly)} per month.` : '';
      const properties: Record<string, unknown> = { promptId: prompt.id, model: prompt.model, promptMonthlyCost: prompt.monthlyCost };
      if (finding.savingsTokens !== undefined) properties.savingsTokens = finding.savingsTokens;
      if (finding.savingsMonthly !== undefined) properties.savingsMonthly = finding.savingsMonthly;
      if (prompt.cell !== undefined) properties.cell = prompt.cell;
      // Code scanning can filter on it; test-scope findings are reported, their cost is not in the run's monthlyCost.
      properties.scope = prompt.scope ?? 'app';
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVELS[finding.severity],
        message: { text: finding.message + savings },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeUriPath(prompt.file), uriBaseId: SRCROOT },
              region: { startLine: finding.startLine, startColumn: finding.startColumn, endLine: finding.endLine, endColumn: finding.endColumn },
            },
          },
        ],
        partialFingerprints: { 'promptCostFinding/v1': fingerprint(finding.ruleId, prompt.file, prompt.id, finding.message) },
        properties,
      };
    });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool, version: report.version, semanticVersion: report.version, ...(informationUri ? { informationUri } : {}), rules: driverRules } },
        automationDetails: { id: 'prompt-cost/audit/' },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          monthlyCost: report.totals.monthlyCost,
          prompts: report.totals.prompts,
          includesTests: report.totals.includesTests,
          testPrompts: report.totals.tests.prompts,
          testMonthlyCost: report.totals.tests.monthlyCost,
          ...(report.totals.requests !== undefined ? { requests: report.totals.requests } : {}),
          priceData: report.priceData,
          ...(findings.length > kept.length ? { truncatedResults: findings.length - kept.length } : {}),
        },
      },
    ],
  };
}

const LEVEL_ORDER: Record<Severity, number> = { error: 4, warning: 3, information: 2, hint: 1, off: 0 };

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `%`, unicode), `/` kept. */
export function encodeUriPath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
