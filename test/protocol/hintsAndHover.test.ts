// The inline cost hint and the hover, over real LSP.
import { strict as assert } from 'assert';
import { hints, LspSession, positionOf } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

const FULL_LABEL = /^≈?[\d,]+ in \+ ≈?[\d,]+ out(?: \(\d+% of cost\)| · \$[\d.]+\/call) · \$[\d.,]+[kM]?\/mo$/;

describe('protocol: inlay hints and hover', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('shows tokens, cost per call and per month after the first line of each prompt', async () => {
    // Today's placement, whatever the line length (hintPlacement.test.ts covers `auto`).
    session = await LspSession.start({ settings: { inlineHintPosition: 'endOfLine' } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const result = await hints(session, uri);
    const system = result.find((h) => h.position.line === positionOf(SUPPORT_BOT_PY, 'SYSTEM_PROMPT = ').line);
    assert.ok(system, `no hint on the SYSTEM_PROMPT line: ${JSON.stringify(result)}`);
    assert.match(system.label, FULL_LABEL);
    assert.doesNotMatch(system.label, /^≈/, 'the system prompt has no placeholders: an exact count');
    const firstLine = SUPPORT_BOT_PY.split('\n')[system.position.line];
    assert.equal(system.position.character, firstLine.length, 'at the end of the first line');

    const template = result.find((h) => h.position.line === positionOf(SUPPORT_BOT_PY, 'ANSWER_TEMPLATE = ').line);
    assert.ok(template, 'no hint on the template');
    assert.match(template.label, /^≈[\d,]+ in(?: \+ | · )/, `three placeholders are estimated: ${template.label}`);
    assert.match(String(template.tooltip), /3 placeholder\(s\) estimated/);
  });

  it('says a fragment is part of the larger prompt instead of pricing it, and the hover says where it is counted', async () => {
    const bot = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'RULES = "Answer in English and cite the order number of the customer."',
      'SYSTEM = f"You are a support bot for Acme. {RULES}"',
      'def reply(question):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])',
      '',
    ].join('\n');
    session = await LspSession.start();
    const uri = session.open('bot.py', 'python', bot);
    const result = await hints(session, uri);
    const rules = result.find((h) => h.position.line === positionOf(bot, 'RULES = ').line);
    const system = result.find((h) => h.position.line === positionOf(bot, 'SYSTEM = ').line);
    assert.ok(rules && system, `hints: ${JSON.stringify(result)}`);
    assert.match(rules.label, /^[\d,]+ tok · in SYSTEM$/);
    assert.match(system.label, FULL_LABEL);
    assert.doesNotMatch(system.label, /^≈/, 'the placeholder is the known text of RULES, not a variable');
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(bot, 'cite the order') });
    assert.match(hover.contents.value, /Part of `[^`]*#SYSTEM` — its cost is counted there/);
  });

  it('follows promptCost.inlineHints: tokens only, or nothing', async () => {
    session = await LspSession.start({ settings: { inlineHints: 'tokens' } });
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const tokensOnly = await hints(session, uri);
    assert.ok(tokensOnly.length >= 2);
    for (const h of tokensOnly) assert.match(h.label, /^≈?[\d,]+ tok(?: \+\d+ vars?)?$/);

    session.settings = { ...session.settings, inlineHints: 'off' };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitForServerRequest('workspace/inlayHint/refresh');
    assert.deepEqual(await hints(session, uri), []);
  });

  it('hovers with the model, the token split, the price source, monthly cost, caching and a sidebar link', async () => {
    session = await LspSession.start();
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SUPPORT_BOT_PY, 'support assistant') });
    assert.ok(hover, 'no hover on the system prompt');
    const text: string = hover.contents.value;
    assert.match(text, /`gpt-4o`/);
    assert.match(text, /call site/);
    assert.match(text, /static text/);
    assert.match(text, /expected output/);
    assert.match(text, /\$[\d.]+\/M input/);
    assert.match(text, /\d{4}-\d{2}-\d{2}/, 'price date');
    assert.match(text, /\/month/);
    assert.match(text, /1,000 calls\/day/);
    assert.doesNotMatch(text, /\(\w+ \(/, 'no parentheses inside parentheses ("(default (setting …))")');
    assert.match(text, /cached \$\d+\.\d\d+\/M/, 'the cached price has two decimals at least, as the other prices');
    assert.match(text, /Caching:/);
    assert.match(text, /Cheaper models:\n- `[^`]+` .*saves \*\*\$/);
    const link = /\(command:promptCost\.showSidebar\?([^)]+)\)/.exec(text);
    assert.ok(link, 'sidebar command link');
    const [arg] = JSON.parse(decodeURIComponent(link[1]));
    assert.equal(arg.uri, uri);
    assert.ok(arg.promptId);
  });

  it('shows globs and names from code or .promptcost.json literally in the hover markdown', async () => {
    const bot = 'from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "You are a support agent for Acme. Answer briefly."\nclient.chat.completions.create(model="acme`|[x](https://evil.example)", messages=[{"role": "system", "content": SYSTEM}])\n';
    session = await LspSession.start({ files: { '.promptcost.json': JSON.stringify({ models: { 'acme`|[x](https://evil.example)': { inputPerMillion: 1, outputPerMillion: 2 } }, volumes: { globs: { 'src/**/*_bot.py': 20 } } }) } });
    const uri = session.open('src/app/support_bot.py', 'python', bot);
    await session.diagnosticsFor(uri);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(bot, 'support agent') });
    const text: string = hover.contents.value;
    const volume = text.split('\n').find((l) => l.includes('at 20 calls/day'));
    assert.ok(volume, text);
    // Every * escaped: unescaped, `**/*_` became bold and italics and the glob lost its asterisks.
    assert.ok(volume.includes('src/\\*\\*/\\*\\_bot.py'), volume);
    const modelLine = text.split('\n')[0];
    assert.ok(modelLine.includes('`` acme`|[x](https://evil.example) ``'), `the model name is one code span, shown as written: ${modelLine}`);
  });

  it('shows control and bidi characters of a model name from code as escapes in the hover, as the other views do', async () => {
    const RLO = '\u202e';
    const bot = `from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "You are a support agent for Acme. Answer briefly."\nclient.chat.completions.create(model="acme-${RLO}lm", messages=[{"role": "system", "content": SYSTEM}])\n`;
    session = await LspSession.start();
    const uri = session.open('support_bot.py', 'python', bot);
    await session.diagnosticsFor(uri);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(bot, 'support agent') });
    const text: string = hover.contents.value;
    assert.ok(!text.includes(RLO), 'no raw bidi override in the hover');
    assert.ok(text.includes('acme-\\u202elm'), text);
  });

  it('has no hover outside prompts', async () => {
    session = await LspSession.start();
    const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SUPPORT_BOT_PY, 'import logging', 3) });
    assert.equal(hover, null);
  });
});
