// The workspace index's call sites of a text become further requests of it only when they are in another file: the
// editor names the document by its absolute path, the index its sites by workspace-relative ones (a site in the same
// file is the prompt's own request, already priced — counting it again doubled the demo's SYSTEM_PROMPT).
import { strict as assert } from 'assert';
import { applyCrossFile } from '../../server/src/engine/detection/workspace/crossFilePrompts';
import type { CrossFileFinding } from '../../server/src/engine/detection/workspace/crossFileFindings';
import type { DetectedPrompt } from '../../server/src/engine/types';

const TEXT = 'SYSTEM = "You are a support assistant for Acme. Answer briefly."\n';

function prompt(): DetectedPrompt {
  return {
    id: 'app/bot.py#SYSTEM', language: 'python', span: { start: 9, end: TEXT.length - 1 }, role: 'system', signals: [], confidence: 0.9,
    parts: [{ kind: 'text', text: 'You are a support assistant for Acme. Answer briefly.', span: { start: 10, end: TEXT.length - 2 } }] as DetectedPrompt['parts'],
    callParams: {}, requestId: 'app/bot.py#openai.chat.completions@21', model: { name: 'gpt-4o', source: 'call-site' },
  };
}

function finding(site: string, more: string[] = []): CrossFileFinding {
  return {
    file: 'app/bot.py', kind: 'code', parts: prompt().parts, span: prompt().span, role: 'system', symbol: 'SYSTEM',
    model: { name: 'claude-sonnet-4-5', where: site }, detail: 'passed as system', site, sites: 1 + more.length,
    ...(more.length ? { moreSites: more.map((s) => ({ site: s, model: { name: 'gpt-4o-mini', where: s } })) } : {}),
  };
}

describe('cross-file call sites of a shared text', () => {
  for (const fileName of ['/home/dev/project/app/bot.py', 'app/bot.py']) {
    it(`a site in the same file adds no request (${fileName.startsWith('/') ? 'editor, absolute path' : 'audit, relative path'})`, () => {
      const [p] = applyCrossFile(fileName, TEXT, [prompt()], [finding('app/bot.py:21')]);
      assert.equal(p.moreRequests, undefined);
    });

    it(`sites in other files are one more request each (${fileName.startsWith('/') ? 'editor' : 'audit'})`, () => {
      const [p] = applyCrossFile(fileName, TEXT, [prompt()], [finding('app/bot.py:21', ['app/batch.py:7', 'app/nightly.py:30'])]);
      assert.deepEqual(p.moreRequests?.map((r) => `${r.site} ${r.model?.name}`), ['app/batch.py:7 gpt-4o-mini', 'app/nightly.py:30 gpt-4o-mini']);
    });
  }
});
