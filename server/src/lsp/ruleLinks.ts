// Where a rule's documentation lives: `docs/rules/<id>.md` in the repository named by package.json, so the
// diagnostic's code is a link that opens the page in a browser from any editor.
import packageJson from '../../../package.json';

const repositoryUrl = (() => {
  const repository = (packageJson as { repository?: string | { url?: string } }).repository;
  const url = typeof repository === 'string' ? repository : repository?.url ?? '';
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
})();

export function ruleDocsUrl(ruleId: string): string | undefined {
  if (!repositoryUrl || !/^[a-z0-9-]+$/i.test(ruleId)) return undefined;
  return `${repositoryUrl}/blob/main/docs/rules/${ruleId}.md`;
}
