// Hints in sight: the server cannot see the editor's width, so with promptCost.inlineHintPosition `auto` a hint that
// would end past promptCost.inlineHintMaxColumn goes before the prompt's string, or at the line's first non-blank
// character; `endOfLine` keeps it at the end of the line.
import { strict as assert } from 'assert';
import { hints, LspSession, positionOf } from './lspHarness';

const LONG_FIRST_LINE = 'You are the support assistant for Acme Corporation: answer every customer question briefly and politely.';
const BOT = [
  'from openai import OpenAI',
  'client = OpenAI()',
  '',
  'SHORT_PROMPT = "Summarise the ticket in one sentence."',
  '',
  `SYSTEM_PROMPT = """${LONG_FIRST_LINE}`,
  'Cite the order number when the customer gives one.',
  '"""',
  '',
  'def reply(question, ticket):',
  '    client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": SHORT_PROMPT}])',
  '    return client.chat.completions.create(model="gpt-4o", temperature=0, messages=[{"role": "user", "content": "Classify this support ticket by urgency and product area, in one line each: " + ticket}])',
  '',
].join('\n');

describe('protocol: inlay hint placement', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  const hintOn = (all: any[], needle: string) => {
    const line = positionOf(BOT, needle).line;
    const found = all.find((h) => h.position.line === line);
    assert.ok(found, `no hint on the line of ${needle}: ${JSON.stringify(all)}`);
    return found;
  };

  it('auto (default, 100 columns): end of line when it fits, else before the string, else at the start of the line', async () => {
    session = await LspSession.start();
    const uri = session.open('bot.py', 'python', BOT);
    const all = await hints(session, uri);

    const short = hintOn(all, 'SHORT_PROMPT = ');
    assert.equal(short.position.character, BOT.split('\n')[short.position.line].length, 'a short line keeps its hint at the end');
    assert.equal(short.paddingLeft, true);

    const system = hintOn(all, 'SYSTEM_PROMPT = """');
    assert.deepEqual(system.position, positionOf(BOT, '"""You are'), 'before the string: the line is 122 characters long');
    assert.equal(system.paddingRight, true);
    assert.ok(system.position.character + system.label.length + 1 <= 100, 'and it ends within 100 columns');

    const inline = hintOn(all, '"Classify this');
    assert.deepEqual(inline.position, positionOf(BOT, 'return client'), 'the string starts past the limit: the first non-blank character');
  });

  it('a wider promptCost.inlineHintMaxColumn keeps more hints at the end; endOfLine keeps them all there', async () => {
    session = await LspSession.start({ settings: { inlineHintMaxColumn: 200 } });
    const uri = session.open('bot.py', 'python', BOT);
    const system = hintOn(await hints(session, uri), 'SYSTEM_PROMPT = """');
    assert.equal(system.position.character, `SYSTEM_PROMPT = """${LONG_FIRST_LINE}`.length);

    session.settings = { ...session.settings, inlineHintPosition: 'endOfLine', inlineHintMaxColumn: 40 };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitForServerRequest('workspace/inlayHint/refresh');
    const all = await hints(session, uri);
    const classify = hintOn(all, '"Classify this');
    const line = BOT.split('\n')[classify.position.line];
    assert.ok(classify.position.character > line.indexOf('"Classify'), 'after the string, as before this setting existed');
    assert.equal(hintOn(all, 'SYSTEM_PROMPT = """').position.character, `SYSTEM_PROMPT = """${LONG_FIRST_LINE}`.length);
  });
});
