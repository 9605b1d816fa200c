// Renders the real webview (the HTML shell from html.ts, the bundled webview script, the CSS) in headless Chromium
// with a stubbed acquireVsCodeApi, feeds it hostile prompt text and checks that nothing runs and the text shows
// literally; also checks keyboard use, sorting, the messages sent back, and that state survives hide/show.
// Screenshots (dark, light, high contrast) go to test-output/sidebar/.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sidebarHtml } from '../../client/src/sidebar/html';
import type { HostMessage, SidebarState } from '../../client/src/sidebar/messages';
import type { AuditReport } from '../../server/src/engine/audit/types';
import { buildCacheView } from '../../server/src/engine/views/cacheView';
import { buildFileView } from '../../server/src/engine/views/fileView';
import { buildModelSwitchView } from '../../server/src/engine/views/modelSwitchView';
import { buildNotebookView } from '../../server/src/engine/views/notebookView';
import { buildWorkspaceView } from '../../server/src/engine/views/workspaceView';
import { buildAuditReport } from '../../server/src/engine/report/auditReport';
import { analysis, cost, GPT_4O, model, prompt } from './fixtures';
import { CELL_TEXTS, GROUP, notebookAnalysis } from './notebookFixtures';
import { THEMES } from './themes';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { AGENT_PY } from './requestFixtures';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output', 'sidebar');
const ORIGIN = 'https://webview.test';
const NO_TESTS: AuditReport['totals']['tests'] = { filesWithPrompts: 0, prompts: 0, monthlyCost: 0, unpricedPrompts: 0, findings: { error: 0, warning: 0, information: 0, hint: 0 } };
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const HOSTILE = `<img src=x onerror="window.__pwned='img';alert(1)"></script><script>window.__pwned='script'</script> Summarise {ticket}`;
const HOSTILE_FILE = `evil<svg onload="window.__pwned='svg'">.py`;
const HOSTILE_MODEL = `<b onmouseover="window.__pwned='model'">gpt</b>`;

function messages(): HostMessage[] {
  const text = `SYSTEM = "You are a terse support agent."\nPROMPT = "${HOSTILE}"\n`;
  const p1 = prompt('app.py#SYSTEM', 'You are a terse support agent.', text.indexOf('"You'), {
    symbol: 'SYSTEM',
    model: { name: 'gpt-4o', source: 'call-site', span: { start: 0, end: 8 }, literal: true },
  });
  const p2 = prompt('app.py#PROMPT', HOSTILE, text.indexOf('"<img'), { symbol: undefined, signals: [{ kind: 'name', detail: HOSTILE }] });
  const current = cost(GPT_4O, 1200, 250, 1000);
  const a = analysis('file:///w/app.py', [
    { prompt: p1, cost: current, findings: [] },
    { prompt: p2, cost: cost(model('claude-3-5-haiku', 'anthropic', 0.8, 4), 40, 250, 200, false), findings: [] },
  ]);
  const mini = cost(model('gpt-4o-mini', 'openai', 0.15, 0.6, 128000), 1200, 250, 1000);
  const evil = cost(model(HOSTILE_MODEL, 'acme', 0.1, 0.1), 1300, 250, 1000, false);
  const alt = (c: typeof mini, fits?: boolean) => ({ model: c.model, current: false, inputTokens: c.tokens.input, outputTokens: 250, exact: c.tokens.exact, encoding: '', costPerCall: c.costPerCall, costPerMonth: c.costPerMonth, fitsContext: fits });
  const report: AuditReport = {
    tool: 'prompt-cost', version: '0.1.0', generatedAt: '2026-11-23T05:00:00.000Z', priceData: { source: 'genai-prices', date: '2026-10-01' },
    totals: { files: 3, filesWithPrompts: 2, prompts: 2, monthlyCost: 171.19, unpricedPrompts: 0, findings: { error: 0, warning: 1, information: 0, hint: 0 }, savingsMonthly: 3, byModel: [{ model: HOSTILE_MODEL, prompts: 1, monthlyCost: 165 }, { model: 'claude-3-5-haiku', prompts: 1, monthlyCost: 6.19 }], includesTests: false, tests: NO_TESTS },
    prompts: [
      { id: 'app.py#SYSTEM', file: 'app.py', startLine: 1, endLine: 1, startColumn: 10, endColumn: 40, language: 'python', role: 'system', model: 'gpt-4o', modelSource: 'call-site', inputTokens: 1200, tokensExact: true, outputTokens: 250, costPerCall: 0.0055, callsPerDay: 1000, monthlyCost: 165, findings: [], scope: 'app' },
      { id: HOSTILE, file: HOSTILE_FILE, startLine: 2, endLine: 2, startColumn: 10, endColumn: 90, language: 'python', role: 'user', model: HOSTILE_MODEL, modelSource: 'call-site', inputTokens: 40, tokensExact: false, outputTokens: 250, costPerCall: 0.0010, callsPerDay: 200, monthlyCost: 6.19, findings: [], scope: 'app' },
    ],
    skipped: [],
  };
  return [
    { type: 'file', fileName: HOSTILE_FILE, file: buildFileView(a, text) },
    { type: 'select', promptId: 'app.py#SYSTEM' },
    {
      type: 'details',
      details: {
        promptId: 'app.py#SYSTEM',
        modelSwitch: buildModelSwitchView(p1, current, [alt(mini, true), alt(evil, false)]),
        cache: buildCacheView({
          verdict: 'variable-first', staticPrefixTokens: 12, minTokens: 1024, hitRate: 0.5, monthlySaving: 24,
          variableFirst: { placeholder: HOSTILE, staticTokensAfter: 1180 }, wholeResponseCacheable: false, messages: [HOSTILE],
          rule: { provider: 'openai', models: ['gpt-4o'], mechanism: 'automatic', minTokens: 1024, readMultiplier: 0.5, writeMultiplier: 1, source: 'OpenAI docs, Prompt caching', date: '2026-11' },
        }, current),
      },
    },
    { type: 'workspace', workspace: buildWorkspaceView(report, 150) },
  ];
}

describe('sidebar webview in headless Chromium', function () {
  this.timeout(60000);
  let browser: Browser;
  let script: string;
  const css = fs.readFileSync(path.join(ROOT, 'client/media/sidebar.css'), 'utf8');
  const html = sidebarHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/media/sidebar.js`, styleUri: `${ORIGIN}/media/sidebar.css` });
  const requested: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    const bundle = await build({ entryPoints: [path.join(ROOT, 'client/src/sidebar/webview/main.ts')], bundle: true, write: false, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'silent' });
    script = bundle.outputFiles[0].text;
    fs.mkdirSync(OUT, { recursive: true });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-sidebar-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
      env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'config'), XDG_CACHE_HOME: path.join(profile, 'cache') },
    });
  });
  after(async () => browser?.close());

  async function openSidebar(seed?: SidebarState): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      requested.push(url.pathname);
      const files: Record<string, [string, string]> = {
        '/index.html': [html, 'text/html'],
        '/media/sidebar.js': [script, 'text/javascript'],
        '/media/sidebar.css': [css, 'text/css'],
      };
      const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
      return file ? route.fulfill({ body: file[0], contentType: file[1] }) : route.fulfill({ status: 404, body: '' });
    });
    // The webview API VS Code injects: messages to the host are recorded, state is kept like getState/setState do.
    // (A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.)
    await page.addInitScript({
      content: `
        window.__posted = [];
        window.__state = ${JSON.stringify(seed ?? null)} ?? undefined;
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
          getState: () => window.__state,
          setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
        });`,
    });
    await page.goto(`${ORIGIN}/index.html`);
    return { page, dialogs, errors };
  }

  async function send(page: Page, list: HostMessage[]): Promise<void> {
    for (const m of list) await page.evaluate((msg) => window.postMessage(msg, '*'), m);
  }

  const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);

  it('shows hostile prompt text, file and model names literally and runs none of it', async () => {
    const { page, dialogs, errors } = await openSidebar();
    await send(page, messages());
    await page.waitForSelector('#switch-table tbody tr[data-model-id]');
    await page.waitForSelector('#workspace-top tbody tr');
    await page.hover(`#switch-table tr[data-group="other-provider"] td[data-col="model"]`);

    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined, 'no injected handler ran');
    assert.deepEqual(dialogs, [], 'no alert');
    assert.deepEqual(errors, [], 'no script error in the page');
    assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
    assert.equal(await page.locator('script').count(), 1, 'only the nonce script');
    assert.equal(await page.locator('b').count(), 0);
    assert.ok(!requested.includes('/x'), 'the hostile src was never fetched');

    assert.equal(await page.textContent('#file-name'), HOSTILE_FILE);
    assert.equal(await page.textContent('tr[data-prompt-id="app.py#PROMPT"] .label'), HOSTILE);
    assert.equal((await page.textContent('tr[data-prompt-id="app.py#PROMPT"] .preview'))?.includes('</script><script>'), true);
    assert.equal(await page.textContent(`#switch-table tr[data-group="other-provider"] .model-name`), HOSTILE_MODEL);
    assert.ok((await page.textContent('#cache-fix'))?.includes(HOSTILE));
    assert.equal(await page.textContent('#cache-details li'), HOSTILE);
    assert.equal(await page.getAttribute(`#workspace-chart li >> nth=1`, 'data-file'), HOSTILE_FILE);
    assert.equal(await page.textContent(`#workspace-by-model tbody tr >> nth=0 >> td[data-col="model"]`), HOSTILE_MODEL);
  });

  it('shows </style>, bidi overrides and terminal escapes in names and prompt text as visible text', async () => {
    const { page, errors } = await openSidebar();
    const RLO = '\u202e';
    const ESC = '\u001b';
    const fileName = `invoice${RLO}yp.txt.py`;
    const body = `You are a bot.</style><style>body{display:none}</style> ${ESC}[31mred${ESC}[0m`;
    const text = `PROMPT = "${body}"\n`;
    const p = prompt('a.py#PROMPT', body, text.indexOf('"You'), { symbol: `PROMPT${RLO}`, model: { name: 'gpt-4o', source: 'call-site', span: { start: 0, end: 8 }, literal: true } });
    const a = analysis('file:///w/a.py', [{ prompt: p, cost: cost(GPT_4O, 40, 250, 1000), findings: [] }]);
    await send(page, [{ type: 'file', fileName, file: buildFileView(a, text) }]);
    await page.waitForSelector('#file-table tbody tr[data-prompt-id]');
    assert.deepEqual(errors, []);
    assert.equal(await page.textContent('#file-name'), 'invoice\\u202eyp.txt.py', 'the override shows as an escape, not as reversed text');
    assert.equal(await page.textContent('tr[data-prompt-id="a.py#PROMPT"] .label'), 'PROMPT\\u202e');
    const preview = (await page.textContent('tr[data-prompt-id="a.py#PROMPT"] .preview')) ?? '';
    assert.ok(preview.includes('</style><style>body{display:none}</style>'), preview);
    assert.ok(preview.includes('\\x1b[31mred'), preview);
    const rendered = await page.evaluate(() => document.body.innerText);
    assert.ok(!rendered.includes('\u202e') && !rendered.includes('\u001b'), 'no raw control character reaches the page');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', 'the prompt\'s </style> ended no style sheet');
  });

  it('shows bidi overrides in the selected prompt\'s name and the cache verdict as visible text', async () => {
    const { page, errors } = await openSidebar();
    const RLO = '\u202e';
    const body = 'You are a support bot. Answer the question about the order.';
    const text = `PROMPT = "${body}"\n`;
    const p = prompt('a.py#PROMPT', body, text.indexOf('"You'), { symbol: `PROMPT${RLO}`, model: { name: 'gpt-4o', source: 'call-site', span: { start: 0, end: 8 }, literal: true } });
    const current = cost(GPT_4O, 1200, 250, 1000);
    const a = analysis('file:///w/a.py', [{ prompt: p, cost: current, findings: [] }]);
    const cache = buildCacheView({
      verdict: 'variable-first', staticPrefixTokens: 12, minTokens: 1024, hitRate: 0.5, monthlySaving: 24,
      variableFirst: { placeholder: `{user${RLO}}`, staticTokensAfter: 1180 }, wholeResponseCacheable: false, messages: [],
      rule: { provider: 'openai', models: ['gpt-4o'], mechanism: 'automatic', minTokens: 1024, readMultiplier: 0.5, writeMultiplier: 1, source: 'OpenAI docs, Prompt caching', date: '2026-11' },
    }, current);
    await send(page, [
      { type: 'file', fileName: 'a.py', file: buildFileView(a, text) },
      { type: 'select', promptId: 'a.py#PROMPT' },
      { type: 'details', details: { promptId: 'a.py#PROMPT', modelSwitch: buildModelSwitchView(p, current, []), cache } },
    ]);
    await page.waitForSelector('#cache-verdict:not([hidden])');
    assert.deepEqual(errors, []);
    assert.ok((await page.textContent('#cache-headline'))?.includes('{user\\u202e}'), 'the placeholder reads with the escape');
    assert.ok((await page.textContent('#switch-prompt'))?.includes('PROMPT\\u202e'));
    const rendered = await page.evaluate(() => document.body.innerText);
    assert.ok(!rendered.includes(RLO), 'no raw bidi override reaches the page');
  });

  it('narrow sidebar: figures wrap inside their card instead of being cut off, paths wrap only after a slash', async () => {
    const { page } = await openSidebar();
    await page.setViewportSize({ width: 300, height: 900 });
    const list = messages();
    const report: AuditReport = {
      tool: 'prompt-cost', version: '0.1.0', generatedAt: '2026-11-23T05:00:00.000Z', priceData: { source: 'genai-prices', date: '2026-10-01' },
      totals: { files: 1, filesWithPrompts: 1, prompts: 1, monthlyCost: 873.07, unpricedPrompts: 0, findings: { error: 0, warning: 0, information: 0, hint: 0 }, savingsMonthly: 0, byModel: [{ model: 'claude-3-5-sonnet', prompts: 1, monthlyCost: 873.07 }], includesTests: false, tests: NO_TESTS },
      prompts: [{ id: 'typescript/src/releaseNotes.ts#SYSTEM', file: 'typescript/src/releaseNotes.ts', startLine: 17, endLine: 17, startColumn: 7, endColumn: 40, language: 'typescript', role: 'system', model: 'claude-3-5-sonnet', modelSource: 'call-site', inputTokens: 60, tokensExact: false, outputTokens: 250, costPerCall: 0.0047, callsPerDay: 6000, monthlyCost: 873.07, findings: [], scope: 'app' }],
      skipped: [],
    };
    await send(page, [...list.slice(0, -1), { type: 'workspace', workspace: buildWorkspaceView(report) }]);
    await page.waitForSelector('#switch-table tbody tr[data-model-id]');
    await page.waitForSelector('#workspace-by-file tbody tr');
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#switch-table td, #workspace-top td, #file-table td, #workspace-by-file td'))
        .filter((td) => td.offsetParent !== null && td.scrollWidth > td.clientWidth + 1)
        .map((td) => `${td.dataset.col}: ${td.textContent}`));
    assert.deepEqual(clipped, [], 'cells whose text runs past their edge');
    const scrolls = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.table-scroll')).filter((d) => d.offsetParent !== null && d.scrollWidth > d.clientWidth + 1).map((d) => d.querySelector('table')?.id));
    await page.screenshot({ path: path.join(OUT, 'sidebar-narrow.png'), fullPage: true });
    assert.deepEqual(scrolls, [], 'tables wider than the sidebar');
    // Each segment of the path sits on one line: a Range over it has a single line box.
    const broken = await page.evaluate(() => {
      const td = document.querySelector<HTMLElement>('#workspace-by-file tbody td[data-col="file"]')!;
      const out: string[] = [];
      for (const node of Array.from(td.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE)) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(node.textContent ?? '');
      }
      return { out, text: td.textContent };
    });
    assert.equal(broken.text, 'typescript/src/releaseNotes.ts', 'the path reads as written (no inserted characters)');
    assert.deepEqual(broken.out, [], 'path segments broken across lines');
    assert.match((await page.textContent('#workspace-top tbody td[data-col="tokens"]')) ?? '', /^≈60$/, 'an estimate reads ≈, as the inline hint');
    await page.screenshot({ path: path.join(OUT, 'sidebar-narrow.png'), fullPage: true });
  });

  it('enforces the CSP: a script without the nonce does not run', async () => {
    const { page } = await openSidebar();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = "window.__inline = 'ran'";
      document.body.append(s);
    });
    assert.equal(await page.evaluate(() => (window as unknown as { __inline?: string }).__inline), undefined);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(csp, `default-src 'none'; style-src ${ORIGIN}; img-src ${ORIGIN}; font-src ${ORIGIN}; script-src 'nonce-${NONCE}'`);
  });

  it('renders the model switch, cache verdict, workspace and budget with the view model\'s figures', async () => {
    const { page } = await openSidebar();
    await send(page, messages());
    await page.waitForSelector('#switch-table tbody tr[data-model-id]');
    assert.deepEqual(await page.locator('#switch-table tbody tr[data-model-id]').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.modelId, (r as HTMLElement).dataset.current])), [
      ['gpt-4o', 'true'],
      ['gpt-4o-mini', 'false'],
      [HOSTILE_MODEL, 'false'],
    ]);
    assert.equal(await page.textContent('#switch-table tr[data-model-id="gpt-4o-mini"] td[data-col="saving"]'), '$155 (94%)');
    assert.equal(await page.textContent('#switch-table tr[data-model-id="gpt-4o-mini"] td[data-col="costPerMonth"]'), '$9.90');
    assert.equal(await page.getAttribute('#switch-table tr[data-model-id="gpt-4o-mini"] td[data-col="tokens"]', 'data-count'), 'exact');
    assert.equal(await page.locator('#switch-table tr[data-current="true"] button').count(), 0, 'no "Use this model" on the current model');
    assert.equal(await page.getAttribute('#cache-verdict', 'data-verdict'), 'variable-first');
    assert.equal(await page.isVisible('#cache-fix'), true);
    assert.equal(await page.textContent('#cache-saving'), 'Estimated saving at a 50% cache hit rate: $24/month after the fix.');
    assert.equal(await page.getAttribute('#workspace-budget', 'data-status'), 'over');
    assert.equal(await page.getAttribute('#workspace-chart li >> nth=0 >> rect.bar-fill', 'width'), '100');

    await page.click('#switch-table button[data-model-id="gpt-4o-mini"]');
    const sent = await posted(page);
    assert.deepEqual(sent.at(-1), { type: 'useModel', promptId: 'app.py#SYSTEM', modelId: 'gpt-4o-mini', provider: 'openai' });
    assert.deepEqual(sent[0], { type: 'ready' });
  });

  it('shows test and fixture files in their own block, outside the workspace tables, and hides it when there are none', async () => {
    const { page } = await openSidebar();
    const list = messages();
    const row = (file: string, line: number, monthlyCost: number, scope: 'app' | 'test') => ({
      id: `${file}#P${line}`, file, startLine: line, endLine: line, startColumn: 1, endColumn: 30, language: 'python' as const, role: 'system' as const,
      model: 'gpt-4o', modelSource: 'call-site' as const, inputTokens: 40, tokensExact: true, outputTokens: 250, costPerCall: monthlyCost / 30000,
      callsPerDay: 1000, monthlyCost, findings: [], scope,
    });
    const withTests = buildAuditReport({ prompts: [row('app/agent.py', 3, 80, 'app'), row('tests/test_agent.py', 9, 230, 'test')], skipped: [], files: 2 }, { version: '0.1.0', priceData: { source: 'genai-prices', date: '2026-10-01' } });
    await send(page, [...list.slice(0, -1), { type: 'workspace', workspace: buildWorkspaceView(withTests, 100) }]);
    await page.waitForSelector('#workspace-tests-by-file tbody tr');
    assert.equal(await page.isVisible('#workspace-tests'), true);
    assert.equal(await page.getAttribute('#workspace-tests', 'data-included'), 'false');
    assert.equal(await page.getAttribute('#workspace-tests-by-file tbody tr >> nth=0', 'data-file'), 'tests/test_agent.py');
    assert.match((await page.textContent('#workspace-tests-summary')) ?? '', /^1 prompt in 1 test or fixture file, \$230\/month at the same volumes: not counted/);
    assert.deepEqual(await page.locator('#workspace-by-file tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.file)), ['app/agent.py']);
    assert.equal(await page.getAttribute('#workspace-budget', 'data-status'), 'near', '$80 of $100: the test file is not in the budget');
    const appOnly = buildAuditReport({ prompts: [row('app/agent.py', 3, 80, 'app')], skipped: [], files: 1 }, { version: '0.1.0', priceData: { source: 'genai-prices', date: '2026-10-01' } });
    await send(page, [...list.slice(0, -1), { type: 'workspace', workspace: buildWorkspaceView(appOnly) }]);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#workspace-tests')!.hidden);
  });

  it('is keyboard-navigable and sortable, and reports selections to the host', async () => {
    const { page } = await openSidebar();
    await send(page, messages());
    await page.waitForSelector('#file-table tbody tr');
    await page.focus('#file-table tbody tr[tabindex="0"]');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.promptId), 'app.py#SYSTEM');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.promptId), 'app.py#PROMPT');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'selectPrompt', promptId: 'app.py#PROMPT', reveal: true });
    assert.equal(await page.getAttribute('tr[data-prompt-id="app.py#PROMPT"]', 'aria-selected'), 'true');

    // Sort by monthly cost: the first click puts the dearest first.
    await page.click('#file-table th[data-sort="costPerMonth"] button');
    assert.equal(await page.getAttribute('#file-table th[data-sort="costPerMonth"]', 'aria-sort'), 'descending');
    assert.deepEqual(await page.locator('#file-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.promptId)), ['app.py#SYSTEM', 'app.py#PROMPT']);
    await page.click('#file-table th[data-sort="costPerMonth"] button');
    assert.deepEqual(await page.locator('#file-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.promptId)), ['app.py#PROMPT', 'app.py#SYSTEM']);

    await page.click('#workspace-top tbody tr >> nth=0');
    assert.deepEqual((await posted(page)).at(-1), { type: 'openWorkspacePrompt', file: 'app.py', line: 1, column: 10 });
  });

  it('shows a notebook as one file, its prompts under a heading per cell, the cell named per row in other orders', async () => {
    const { page, errors } = await openSidebar();
    await send(page, [
      { type: 'file', fileName: 'notebooks/release.ipynb', file: buildNotebookView(notebookAnalysis(), (uri) => CELL_TEXTS[uri]) },
      { type: 'select', promptId: `${GROUP}#PERSONA` },
    ]);
    await page.waitForSelector('#file-table tr.cell-group');
    assert.equal(await page.textContent('#file-total'), '3 prompts · $171/month · 1 unpriced', 'the notebook total');
    const bodyRows = () => page.locator('#file-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.promptId ?? `heading ${(r as HTMLElement).dataset.cellIndex}: ${r.textContent}`));
    assert.deepEqual(await bodyRows(), [
      'heading 1: Cell 2 · 1 prompt · $165/month',
      `${GROUP}#PERSONA`,
      'heading 4: Cell 5 · 2 prompts · $6.19/month · 1 unpriced',
      `${GROUP}#anthropic.system`,
      `${GROUP}#other`,
    ]);
    assert.equal(await page.textContent(`tr[data-prompt-id="${GROUP}#anthropic.system"] td[data-col="line"]`), '4', 'line inside the cell');
    assert.equal(await page.getAttribute(`tr[data-prompt-id="${GROUP}#anthropic.system"]`, 'data-cell-index'), '4');
    assert.equal(await page.textContent('#switch-prompt'), 'PERSONA · Cell 2, line 2');

    // Arrow keys skip the cell headings.
    await page.focus(`tr[data-prompt-id="${GROUP}#PERSONA"]`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.promptId), `${GROUP}#anthropic.system`);

    // Sorted by cost, the headings go and each row names its cell.
    await page.click('#file-table th[data-sort="costPerMonth"] button');
    assert.equal(await page.locator('#file-table tr.cell-group').count(), 0);
    assert.deepEqual(await page.locator('#file-table tbody tr .cell-label').allTextContents(), ['Cell 2', 'Cell 5', 'Cell 5']);
    assert.deepEqual(errors, []);
  });

  it('comes back as it was after hide/show, from the saved state alone', async () => {
    const first = await openSidebar();
    await send(first.page, messages());
    await first.page.waitForSelector('#workspace-top tbody tr');
    await first.page.click('#file-table th[data-sort="tokens"] button');
    const saved = await first.page.evaluate(() => (window as unknown as { __state: SidebarState }).__state);
    await first.page.close();

    const again = await openSidebar(saved);
    await again.page.waitForSelector('#switch-table tbody tr[data-model-id]');
    assert.equal(await again.page.getAttribute('#file-table th[data-sort="tokens"]', 'aria-sort'), 'descending');
    assert.equal(await again.page.getAttribute('tr[data-prompt-id="app.py#SYSTEM"]', 'aria-selected'), 'true');
    assert.equal(await again.page.isVisible('#workspace-body'), true);
    assert.equal(await again.page.textContent('#file-name'), HOSTILE_FILE);
    assert.equal(await again.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
  });

  for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
    it(`renders in the ${theme} theme (screenshot)`, async () => {
      const { page } = await openSidebar();
      await page.evaluate((vars) => {
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      }, THEMES[theme]);
      await send(page, messages());
      await page.waitForSelector('#workspace-top tbody tr');
      const color = await page.evaluate(() => getComputedStyle(document.body).color);
      const expected = { dark: 'rgb(204, 204, 204)', light: 'rgb(59, 59, 59)', 'high-contrast': 'rgb(255, 255, 255)' }[theme];
      assert.equal(color, expected, 'text colour comes from the theme variables');
      const file = path.join(OUT, `sidebar-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 10000);
    });
  }

  it('lists the file\'s requests: model, tools, output, reasoning and the batch flag per call (screenshot)', async () => {
    const { page, errors } = await openSidebar();
    const analyzed = await analyzeDocument({ uri: 'file:///w/app/agent.py', fileName: 'app/agent.py', languageId: 'python', text: AGENT_PY }, { settings: defaultSettings(), relativePath: 'app/agent.py' });
    await send(page, [{ type: 'file', fileName: 'app/agent.py', file: buildFileView(analyzed, AGENT_PY) }]);
    await page.waitForSelector('#requests-table tbody tr[data-request-id]');
    assert.deepEqual(errors, []);
    assert.equal(await page.isVisible('#requests-heading'), true);
    assert.equal(await page.locator('#requests-table tbody tr').count(), 2);
    const first = '#requests-table tbody tr >> nth=0';
    assert.equal(await page.textContent(`${first} >> td[data-col="model"]`), 'o3');
    assert.equal(await page.textContent(`${first} >> td[data-col="reasoning"]`), '≈3,000');
    assert.match((await page.textContent(`${first} >> td[data-col="tools"]`)) ?? '', /^≈\d+$/);
    assert.equal(await page.textContent('#requests-table tbody tr >> nth=1 >> td[data-col="flags"]'), 'batch 50%');
    await page.screenshot({ path: path.join(OUT, 'sidebar-requests.png'), fullPage: true });
  });
});
