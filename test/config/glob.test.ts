import assert from 'node:assert/strict';
import { matchesGlob, matchesGlobAtAnyDepth } from '../../server/src/engine/config/glob';
import { detectionLanguage } from '../../server/src/engine/detection/language';

describe('prompt-file globs (any depth)', () => {
  const cases: [string, string, boolean][] = [
    ['/home/dev/app/prompts/intro.txt', 'prompts/*.txt', true],
    ['prompts/intro.txt', 'prompts/*.txt', true],
    ['/home/dev/app/prompts/deep/intro.txt', 'prompts/*.txt', false],
    ['/home/dev/app/Prompts/Intro.TXT', 'prompts/*.txt', true],
    ['C:\\work\\app\\templates\\mail\\welcome.j2', 'templates/**/*.j2', true],
    ['src/agents/system.role', '*.{role,sys}', true],
    ['src/agents/brief.md', 'agents/*.{txt,md}', true],
    ['src/myprompts/brief.md', 'prompts/*.md', false],
    ['prompts/brief.md', '/prompts/*.md', false],
  ];
  for (const [file, glob, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.equal(matchesGlobAtAnyDepth(file, glob), expected));
  }

  it('is what detection uses for promptFileGlobs', () => {
    assert.equal(detectionLanguage('/home/dev/app/prompts/intro.txt2', undefined, ['prompts/*.txt2']), 'prompt');
    assert.equal(detectionLanguage('/home/dev/app/notes/intro.txt2', undefined, ['prompts/*.txt2']), undefined);
  });

  it('differs from workspace-relative globs only in anchoring and case', () => {
    assert.equal(matchesGlob('lib/prompts/a.txt', 'prompts/*.txt'), false);
    assert.equal(matchesGlobAtAnyDepth('lib/prompts/a.txt', 'prompts/*.txt'), true);
    assert.equal(matchesGlob('prompts/A.TXT', 'prompts/*.txt'), false);
  });
});
