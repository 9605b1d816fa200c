// Reports carry text from the audited tree (file names, model names written in code, rule messages that quote the
// prompt): in a terminal, a spreadsheet or a rendered pull-request comment that text must show as written and never
// act — no escape sequences, no formulas, no HTML, links or broken table rows.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { AuditPrompt, AuditReport } from '../../server/src/engine/audit/types';
import { buildAuditReport } from '../../server/src/engine/report/auditReport';
import { formatCsv } from '../../server/src/engine/report/formatCsv';
import { code, escapeCell, formatMarkdown } from '../../server/src/engine/report/formatMarkdown';
import { formatTable } from '../../server/src/engine/report/formatTable';
import { buildOnce, runCli, scratch } from './cliHarness';

const ESC = '\u001b';
const RLO = '\u202e'; // right-to-left override

function prompt(overrides: Partial<AuditPrompt>): AuditPrompt {
  return {
    id: 'app.py#SYSTEM_PROMPT', file: 'app.py', startLine: 3, endLine: 3, startColumn: 17, endColumn: 60,
    language: 'python', role: 'system', model: 'gpt-4o', modelSource: 'call-site', inputTokens: 40, tokensExact: true,
    outputTokens: 250, costPerCall: 0.0026, callsPerDay: 1000, monthlyCost: 78, findings: [], scope: 'app', ...overrides,
  };
}

function report(prompts: AuditPrompt[], skipped: AuditReport['skipped'] = []): AuditReport {
  return buildAuditReport({ prompts, skipped, files: prompts.length + skipped.length }, {
    version: '0.0.0-test', priceData: { source: 'test prices', date: '2026-01-01' }, generatedAt: new Date('2026-01-02T00:00:00Z'),
  });
}

/** The parsed rows of an RFC 4180 CSV text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

const hostile = [
  prompt({ file: `${ESC}[31mred.py`, id: `${ESC}[31mred.py#P` }),
  prompt({ file: `bidi${RLO}yp.txt.py`, id: `bidi${RLO}yp.txt.py#P`, model: 'gpt-4o|x\n|y', costPerCall: null, monthlyCost: null }),
  prompt({ file: '=cmd.py', id: '=cmd.py#P', model: '=HYPERLINK("http://evil.example","open")', costPerCall: null, monthlyCost: null, findings: [
    { ruleId: 'unknown-model', severity: 'warning', message: 'No price for <img src=x onerror=alert(1)> [click](http://evil.example)\nsecond line', startLine: 3, startColumn: 1, endLine: 3, endColumn: 5 },
  ] }),
  prompt({ file: 'plain.py', id: 'plain.py#P', model: `@SUM(1+1)${ESC}]8;;http://evil.example${ESC}\\`, costPerCall: null, monthlyCost: null }),
];

describe('reports show hostile text from the audited tree as text', () => {
  it('CSV: a text cell that starts like a formula is kept text; numbers and the row structure are unchanged', () => {
    const rows = parseCsv(formatCsv(report(hostile)));
    const header = rows[0];
    assert.equal(rows.length, hostile.length + 1, 'one row per prompt, no row split by a newline in a model name');
    for (const row of rows) assert.equal(row.length, header.length, `row ${JSON.stringify(row)} has ${header.length} fields`);
    const col = (name: string) => header.indexOf(name);
    const cmd = rows.find((r) => r[col('file')].includes('cmd.py'))!;
    assert.equal(cmd[col('file')], "'=cmd.py");
    assert.equal(cmd[col('id')], "'=cmd.py#P");
    assert.equal(cmd[col('model')], `'=HYPERLINK("http://evil.example","open")`);
    const plain = rows.find((r) => r[col('file')] === 'plain.py')!;
    assert.ok(plain[col('model')].startsWith("'@SUM"), plain[col('model')]);
    for (const row of rows.slice(1)) {
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@]/, `cell ${JSON.stringify(cell)} would run as a formula`);
    }
    assert.equal(rows[1][col('inputTokens')], '40', 'numbers stay numbers');
  });

  it('terminal table: escape sequences and bidi controls in names and messages are printed visibly, not sent', () => {
    const out = formatTable(report(hostile, [{ file: `skip${ESC}[2J.py`, reason: 'binary file (contains NUL bytes)' }]), { color: false });
    assert.ok(!out.includes(ESC), 'no raw ESC reaches the terminal');
    assert.ok(!out.includes(RLO), 'no raw right-to-left override');
    assert.ok(out.includes('\\x1b[31mred.py'), out);
    assert.ok(out.includes('bidi\\u202eyp.txt.py'), out);
    assert.ok(out.includes('skip\\x1b[2J.py'), 'skipped file names too');
    assert.match(out, /No price for .* second line/, 'a message with a newline stays on its line');
    for (const line of out.split('\n')) assert.ok(!line.includes('\r'), 'no carriage return that would overwrite a line');
  });

  it('Markdown: cells hold no HTML, links, raw control characters or extra pipes; an unpriced model is not $0', () => {
    const md = formatMarkdown(report(hostile));
    assert.ok(!md.includes(ESC) && !md.includes(RLO), 'no raw control characters');
    assert.doesNotMatch(md, /(^|[^\\])<img/m, 'raw HTML reached the report');
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>'), 'the tag is shown as text');
    assert.ok(md.includes('\\[click\\](http://evil.example)'), 'the link is shown as text');
    // Every row of a table has as many unescaped pipes as its header.
    let expected: number | undefined;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) { expected = undefined; continue; }
      const pipes = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
      expected ??= pipes;
      assert.equal(pipes, expected, `row breaks its table: ${line}`);
    }
    const byModel = md.slice(md.indexOf('## By model'), md.indexOf('## By file'));
    assert.match(byModel, /HYPERLINK.* \| 1 \| unpriced \|/, `an unpriced model reads "unpriced":\n${byModel}`);
    assert.doesNotMatch(byModel, /\| \$0 \|/, 'no unpriced model shown as $0');
  });

  it('Markdown inline code survives backtick runs in the text', () => {
    assert.equal(code('a``b'), '``` a``b ```');
    assert.equal(code('plain'), '`plain`');
    assert.equal(escapeCell('a|b<c>[d]'), 'a\\|b\\<c\\>\\[d\\]');
  });

  it('counts information findings apart from hints (the Problems panel lists one and not the other)', () => {
    const findings = (severity: 'information' | 'hint', n: number) => Array.from({ length: n }, (_, i) => ({ ruleId: 'verbose-phrase', severity, message: 'wordy', startLine: 3, startColumn: i + 1, endLine: 3, endColumn: i + 2 }));
    const r = report([prompt({ findings: [...findings('information', 2), ...findings('hint', 3)] })]);
    assert.match(formatTable(r), /0 errors, 0 warnings, 2 info, 3 hints;/);
    assert.match(formatMarkdown(r), /5 findings \(0 errors, 0 warnings, 2 info, 3 hints\)/);
  });
});

describe('prompt-cost audit on a tree with hostile names (built CLI)', function () {
  this.timeout(60000);
  before(buildOnce);

  it('prints every format without raw control characters, formulas or broken rows, and exits cleanly', () => {
    const bot = (model: string) => `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="${model}", messages=[{"role": "system", "content": "You are a helpful assistant. Answer the question."}])\n`;
    const root = scratch({ 'app.py': bot('gpt-4o'), '=cmd.py': bot('@SUM(1+1)') });
    fs.writeFileSync(path.join(root, `${ESC}[31mred.py`), bot('gpt-4o'));
    const table = runCli(['audit', '.'], root);
    assert.equal(table.status, 0, table.stderr);
    assert.ok(!table.stdout.includes(ESC), 'the table sends no escape sequence from a file name');
    assert.ok(table.stdout.includes('\\x1b[31mred.py'), table.stdout);
    const csv = runCli(['audit', '.', '--format', 'csv'], root);
    assert.equal(csv.status, 0, csv.stderr);
    const rows = parseCsv(csv.stdout);
    assert.equal(rows.length, 4);
    for (const row of rows.slice(1)) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@]/, `CSV cell ${JSON.stringify(cell)}`);
    const md = runCli(['audit', '.', '--format', 'md'], root);
    assert.equal(md.status, 0, md.stderr);
    assert.ok(!md.stdout.includes(ESC));
  });

  it('prints configuration errors that quote a .promptcost.json key without its escape sequences', () => {
    const root = scratch({ 'app.py': 'x = 1\n', '.promptcost.json': JSON.stringify({ rules: { [`verbose-phrase${ESC}[2J`]: 'off' } }) });
    const result = runCli(['audit', '.'], root);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /unknown rule id/);
    assert.ok(!result.stderr.includes(ESC), 'a key from the audited tree clears no terminal');
    assert.ok(result.stderr.includes('verbose-phrase\\x1b[2J'), result.stderr);
  });

  it('warns about a .promptcost.json prompt key that matches nothing without its escape sequences', () => {
    const bot = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "You are a helpful assistant. Answer the question."}])\n';
    const root = scratch({ 'app.py': bot, '.promptcost.json': JSON.stringify({ volumes: { prompts: { [`app.py#GONE${ESC}[2J`]: 10 } } }) });
    const result = runCli(['audit', '.'], root);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /matches no prompt/);
    assert.ok(!result.stderr.includes(ESC), result.stderr);
  });
});

describe('notebook cells in the human-readable reports', () => {
  it('are numbered from 1 as VS Code, the sidebar and the status bar number them; JSON keeps the 0-based index', () => {
    const r = report([prompt({ file: 'nb/review.ipynb', id: 'nb/review.ipynb#P', cell: 2, cellLine: 1, findings: [
      { ruleId: 'verbose-phrase', severity: 'information', message: 'wordy', startLine: 6, startColumn: 3, endLine: 6, endColumn: 9 },
    ] })]);
    assert.match(formatTable(r), /cell 3:1/);
    const md = formatMarkdown(r);
    assert.match(md, /nb\/review\.ipynb:3 \(cell 3, line 1\)/);
    assert.match(md, /nb\/review\.ipynb:6:3 \(cell 3\)/);
    assert.equal(JSON.parse(JSON.stringify(r)).prompts[0].cell, 2);
  });
});

