// What a user does in the workbench, as playwright steps that proved reliable in VS Code 1.100 (keyboard paths rather
// than mouse hovering, which is timing-dependent). Each helper waits for a visible result and returns its text.
'use strict';
const path = require('path');

const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { screenshotDir } = {}) {
    this.page = page;
    this.screenshotDir = screenshotDir;
  }

  async waitReady() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  }

  /**
   * Quick Open (Ctrl+P) by relative path; waits for the editor tab and the text of its first lines. Retried: from a
   * notebook editor the first Ctrl+P can land in the cell while focus moves.
   */
  async openFile(relativePath, { expectText } = {}) {
    const base = path.basename(relativePath);
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: base });
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.closeWidgets();
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 10000 });
        await input.fill(relativePath);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ timeout: 20000 });
        // Enter opens the focused row, which is not always the first match (recently opened entries come first).
        const focused = this.page.locator('.quick-input-list .monaco-list-row.focused');
        for (let i = 0; i < 10 && !squash(await focused.first().innerText().catch(() => '')).includes(base); i++) {
          await this.page.keyboard.press('ArrowDown');
        }
        await this.page.keyboard.press('Enter');
        await tab.waitFor({ timeout: 10000 });
        lastError = undefined;
        break;
      } catch (e) {
        lastError = e;
      }
    }
    if (lastError) throw lastError;
    if (expectText) await this.line(expectText).waitFor({ timeout: 20000 });
  }

  /** The active editor's rendered line holding `text` (string or RegExp). Inlay hints render inside the line. */
  line(text) {
    return this.page.locator('.editor-group-container.active .editor-instance .view-line', { hasText: text }).first();
  }

  async lineText(text) {
    return squash(await this.line(text).innerText());
  }

  /** Code lenses of the active editor (rendered above lines as `.codelens-decoration`). */
  codeLens(hasText) {
    return this.page.locator('.editor-group-container.active .codelens-decoration', hasText ? { hasText } : {}).first();
  }

  /** Moves the cursor to `line` (1-based) and `column` with "Go to Line/Column" — precise, unlike a click. */
  async goTo(line, column = 1) {
    await this.closeWidgets();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`); // the Go to Line picker is Quick Open with a ":" prefix
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /**
   * Selects the first occurrence of `text` after the cursor in the active editor with the Find widget (find-as-you-type
   * selects the match; Escape closes the widget and keeps the selection). Resolves with the status bar's cursor text,
   * e.g. "Ln 10, Col 47 (11 selected)".
   */
  async selectText(text) {
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    const selected = this.page.locator('#status\\.editor\\.selection', { hasText: `(${text.length} selected)` });
    await selected.waitFor({ timeout: 10000 });
    await this.page.keyboard.press('Escape');
    return squash(await selected.innerText());
  }

  /** Show or Focus Hover (Ctrl+K Ctrl+I) at the cursor; resolves with the hover text once it contains `hasText`. */
  async hoverAtCursor(hasText) {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover-content', { hasText }).first();
    await hover.waitFor({ timeout: 20000 });
    return { locator: hover, text: squash(await hover.innerText()) };
  }

  /** Opens the Problems panel and waits for a row containing `hasText`. */
  async problemRow(hasText, timeout = 30000) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.page.keyboard.press('Control+Shift+M');
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText }).first();
    await row.waitFor({ timeout });
    return squash(await row.innerText());
  }

  async problemRows() {
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(squash);
  }

  statusItem(hasText) {
    return this.page.locator('.statusbar-item', { hasText }).first();
  }

  /**
   * Runs a command from the palette by its title ("Prompt Cost: Audit Workspace"). Retried: right after start-up the
   * palette can open before the extensions' contributed commands are listed.
   */
  async runCommand(title, attempts = 3) {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^${escapeRegExp(title)}`) }).first();
    for (let attempt = 1; ; attempt++) {
      await this.closeWidgets();
      await this.page.keyboard.press('Control+Shift+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 10000 });
        break;
      } catch (e) {
        if (attempt >= attempts) throw e;
      }
    }
    await this.page.keyboard.press('Enter');
  }

  /** Opens the quick-fix menu (Ctrl+.) at the cursor; returns the titles offered. */
  async quickFixTitles(expected) {
    await this.page.keyboard.press('Control+.');
    const row = this.page.locator('.action-widget .monaco-list-row', expected ? { hasText: expected } : {}).first();
    await row.waitFor({ timeout: 20000 });
    return (await this.page.locator('.action-widget .monaco-list-row').allInnerTexts()).map(squash);
  }

  /**
   * Applies the quick fix whose title contains `title` from the open menu: moves the focus with the arrow keys
   * (mouse clicks are swallowed by the context view's pointer block) and presses Enter.
   */
  async applyQuickFix(title) {
    const rows = this.page.locator('.action-widget .monaco-list-row');
    for (let i = 0; i < 40; i++) {
      const focused = this.page.locator('.action-widget .monaco-list-row.focused');
      if (await focused.count()) {
        const text = squash(await focused.first().innerText());
        if (text.includes(title)) {
          await this.page.keyboard.press('Enter');
          await rows.first().waitFor({ state: 'hidden', timeout: 10000 });
          return text;
        }
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`quick fix "${title}" not reachable; offered: ${(await rows.allInnerTexts()).map(squash).join(' | ')}`);
  }

  notification(hasText) {
    return this.page.locator('.notifications-toasts .notification-list-item', { hasText }).first();
  }

  /** Closes hovers, menus and quick inputs so the next keystroke goes to the editor. */
  async closeWidgets() {
    for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
  }

  async screenshot(name) {
    if (!this.screenshotDir) return undefined;
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/** The rendered text of the active editor's line holding `lineText` once it matches `pattern` (the hint renders inside). */
async function waitForLine(wb, lineText, pattern, timeout) {
  const end = Date.now() + timeout;
  let line = '';
  while (Date.now() < end) {
    line = squash(await wb.line(lineText).innerText().catch(() => ''));
    if (pattern.test(line)) return line;
    await wb.page.waitForTimeout(300);
  }
  throw new Error(`the line with "${lineText}" did not match ${pattern} within ${timeout / 1000}s (line: "${line}")`);
}

module.exports = { Workbench, squash, escapeRegExp, waitForLine };
