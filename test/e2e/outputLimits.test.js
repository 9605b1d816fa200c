// Issue 16 in the real VS Code workbench (code-server, packaged .vsix; see workbench.test.js for the harness): the
// unbounded-output quick fix on a Python call and on a TypeScript call. The workspace is
// test/fixtures/e2e/output_limits: a multi-line `chat.completions.create(...)` in each language whose system message
// asks for a label / yes-no and that sets no output limit. The quick fix's title carries the CLI audit's saving; after
// it the call has `max_tokens=16` (Python keyword, before the trailing comment) / `max_tokens: 16,` (TS property),
// and the finding is gone. Screenshots: test-output/e2e/output-limit-*.png.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { useWorkbench } = require('./lib/session');
const { squash, waitForLine } = require('./lib/workbench');
const { ROOT, lineOf } = require('./lib/expected');
const { formatUsd } = require('../../server/src/engine/views/format');

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'e2e', 'output_limits');

const CASES = [
  { file: 'triage.py', anchor: 'Classify the ticket', written: 'max_tokens=16', shot: 'output-limit-python' },
  { file: 'sentiment.ts', anchor: 'Is the customer review positive', written: 'max_tokens: 16', shot: 'output-limit-typescript' },
];

describe('unbounded-output quick fix in the real VS Code workbench', function () {
  this.timeout(180000);
  const session = useWorkbench({ fixture: FIXTURE, logsName: 'logs-output-limits' });
  let server;
  let wb;
  let report;
  before(() => ({ server, wb, report } = session));

  for (const c of CASES) {
    it(`adds the output limit to the ${c.file} call in its own syntax, with the CLI's saving in the title`, async () => {
      const finding = report.prompts.filter((p) => p.file === c.file).flatMap((p) => p.findings).find((f) => f.ruleId === 'unbounded-output');
      assert.ok(finding && finding.savingsMonthly > 0, `the CLI reports no unbounded-output saving in ${c.file}`);
      const line = lineOf(server.workspace, c.file, c.anchor);
      const column = fs.readFileSync(path.join(server.workspace, c.file), 'utf8').split('\n')[line - 1].indexOf(c.anchor) + 5;
      await wb.openFile(c.file, { expectText: c.anchor });
      // The quick-fix menu asks once: wait until the analysis is on screen (the hint on the prompt's line).
      await waitForLine(wb, c.anchor, / in \+ /, 60000);
      await wb.goTo(line, column);
      let titles;
      for (let attempt = 0; !titles; attempt++) {
        try {
          titles = await wb.quickFixTitles(/max_tokens/);
        } catch (e) {
          if (attempt >= 2) throw e;
          await wb.closeWidgets();
          await wb.page.waitForTimeout(2000);
        }
      }
      const title = titles.find((t) => t.includes(`Add ${c.written.replace(/ /g, ' ')}`));
      assert.ok(title, `no "Add ${c.written}" fix among: ${titles.join(' | ')}`);
      assert.ok(title.includes(`−${finding.savingsTokens} output tokens`), `title "${title}" lacks the CLI's ${finding.savingsTokens} output tokens`);
      assert.ok(title.includes(`${formatUsd(finding.savingsMonthly)}/mo`), `title "${title}" lacks the CLI's ${formatUsd(finding.savingsMonthly)}/mo`);
      await wb.screenshot(`${c.shot}-menu`);
      await wb.applyQuickFix(title);
      // The new argument is rendered on its own line of the call, indented like the others.
      const added = wb.line(c.written);
      await added.waitFor({ timeout: 10000 });
      assert.match(squash(await added.innerText()), new RegExp(`^${c.written},?( #.*)?$`));
      await wb.page.waitForTimeout(800); // the server re-analyses the edited text: the finding goes with the fix
      await wb.screenshot(`${c.shot}-applied`);
      await wb.page.keyboard.press('Control+Z'); // back to the text on disk
      await added.waitFor({ state: 'detached', timeout: 10000 });
    });
  }
});
