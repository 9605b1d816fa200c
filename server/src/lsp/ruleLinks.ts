// Where a rule's documentation lives: `docs/rules/<id>.md` under the same base URL the SARIF report links to, so the
// diagnostic's code is a link that opens the page in a browser from any editor.
import { DOCS_BASE_URL } from '../engine/report/ruleCatalog';

export function ruleDocsUrl(ruleId: string): string | undefined {
  if (!/^[a-z0-9-]+$/i.test(ruleId)) return undefined;
  return `${DOCS_BASE_URL}docs/rules/${ruleId}.md`;
}
