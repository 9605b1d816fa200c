// Drafts customer-facing release notes from merged pull requests with Anthropic's Messages API.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export interface MergedChange {
  title: string;
  body: string;
}

export async function draftReleaseNotes(version: string, changes: MergedChange[]): Promise<string> {
  const changeList = changes.map((c) => `- ${c.title}: ${c.body}`).join('\n');
  const message = await anthropic.messages.create({
    model: 'claude-3-5-sonnet-latest',
    max_tokens: 1024,
    system:
      'You write release notes for Acme Cloud customers. I would appreciate it if you could group the changes ' +
      'into "New", "Improved" and "Fixed", leave out internal refactoring, and write one short sentence per change.',
    messages: [{ role: 'user', content: `Release ${version} contains these changes:\n${changeList}` }],
  });
  const first = message.content[0];
  return first && first.type === 'text' ? first.text : '';
}
