// The sidebar webview: renders what the extension host sends, keeps it across hide/show with setState, and reports
// clicks and keys back. Data is only ever written with textContent or attributes: never parsed as HTML. Control and
// bidi characters in it (an RLO in a file name reorders what the reader sees) are shown as escapes (visibleText).
import { sortPromptRows, type CellTotalsView, type PromptRow, type PromptSortKey } from '../../../../server/src/engine/views/fileView';
import type { ModelSwitchRow } from '../../../../server/src/engine/views/modelSwitchView';
import type { RequestRow } from '../../../../server/src/engine/views/requestRows';
import { visibleText } from '../../../../server/src/engine/report/visibleText';
import type { HostMessage, SidebarState, WebviewMessage } from '../messages';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: SidebarState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const CHART_FILES = 12;

let state: SidebarState = restoreState(vscode.getState());

function restoreState(saved: unknown): SidebarState {
  const fresh: SidebarState = { fileName: null, file: null, selectedId: null, details: null, workspace: null, sort: { key: 'line', direction: 'asc' } };
  if (typeof saved !== 'object' || saved === null || !('sort' in saved)) return fresh;
  return { ...fresh, ...(saved as SidebarState) };
}

function save(): void {
  vscode.setState(state);
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

// ---------------------------------------------------------------- DOM helpers (text only)

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`sidebar markup lacks #${id}`);
  return found as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = visibleText(text);
  if (className) node.className = className;
  return node;
}

/** `label` names the column in the narrow (card) layout, where the header row is hidden. */
function cell(text: string, col: string, numeric = false, label?: string): HTMLTableCellElement {
  const td = el('td', text, numeric ? 'num' : undefined);
  td.dataset.col = col;
  if (label) td.dataset.label = label;
  return td;
}

/** A file path that wraps after its slashes, never inside a name (a narrow sidebar broke "typesc/ript"). */
function pathCell(file: string): HTMLTableCellElement {
  const td = cell('', 'file');
  const parts = visibleText(file).split('/');
  parts.forEach((part, i) => {
    td.append(i < parts.length - 1 ? `${part}/` : part);
    if (i < parts.length - 1) td.append(document.createElement('wbr'));
  });
  return td;
}

function setText(id: string, text: string | undefined): void {
  const node = byId(id);
  node.textContent = visibleText(text ?? '');
  node.hidden = !text;
}

function bar(percent: number, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 8');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add(className);
  const track = document.createElementNS(SVG, 'rect');
  track.setAttribute('class', 'bar-track');
  track.setAttribute('width', '100');
  track.setAttribute('height', '8');
  const fill = document.createElementNS(SVG, 'rect');
  fill.setAttribute('class', 'bar-fill');
  fill.setAttribute('width', String(Math.max(0, Math.min(100, percent))));
  fill.setAttribute('height', '8');
  svg.append(track, fill);
  return svg;
}

// ---------------------------------------------------------------- rendering

function renderAll(): void {
  renderNotice();
  renderFile();
  renderDetails();
  renderWorkspace();
}

function renderNotice(): void {
  const node = byId('notice');
  node.textContent = visibleText(state.notice?.text ?? '');
  node.hidden = !state.notice;
  node.dataset.level = state.notice?.level ?? '';
}

function renderFile(): void {
  const file = state.file;
  byId('file-name').textContent = visibleText(state.fileName ?? '');
  const totals = file?.totals;
  byId('file-total').textContent = totals
    ? `${totals.prompts} prompt${totals.prompts === 1 ? '' : 's'} · ${totals.monthlyCostText}/month${totals.unpricedPrompts ? ` · ${totals.unpricedPrompts} unpriced` : ''}`
    : '';
  const message = state.fileMessage ?? file?.skipped ?? (file && file.rows.length === 0 ? 'No prompts found in this file.' : file?.scopeNote);
  setText('file-message', message ?? (file ? undefined : 'Open a file with prompts.'));
  const table = byId<HTMLTableElement>('file-table');
  table.hidden = !file || file.rows.length === 0;
  for (const th of Array.from(table.querySelectorAll<HTMLTableCellElement>('th[data-sort]'))) {
    const active = th.dataset.sort === state.sort.key;
    th.setAttribute('aria-sort', active ? (state.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none');
  }
  const body = table.tBodies[0];
  body.replaceChildren();
  renderRequests(file?.requests ?? []);
  if (!file) return;
  const rows = sortPromptRows(file.rows, state.sort.key, state.sort.direction);
  const focusId = rows.some((r) => r.promptId === state.selectedId) ? state.selectedId : rows[0]?.promptId;
  // A notebook in source order reads cell by cell: a heading per cell with its share; other orders name the cell per row.
  const grouped = !!file.cells && state.sort.key === 'line';
  const cells = new Map((file.cells ?? []).map((c) => [c.index, c]));
  let heading: number | undefined;
  for (const r of rows) {
    if (grouped && r.cell && r.cell.index !== heading) {
      heading = r.cell.index;
      const totals = cells.get(r.cell.index);
      if (totals) body.append(cellHeading(totals));
    }
    body.append(fileRow(r, r.promptId === focusId, !grouped));
  }
}

/**
 * The file's requests (call sites), most expensive first: what the provider bills per call beyond the text — tools
 * (input), visible output, hidden reasoning (an estimate) — and whether it goes through a batch API or sets cache_control.
 */
function renderRequests(requests: readonly RequestRow[]): void {
  const table = byId<HTMLTableElement>('requests-table');
  table.hidden = byId('requests-heading').hidden = requests.length === 0;
  table.tBodies[0].replaceChildren(...requests.map((r) => {
    const tr = el('tr');
    tr.dataset.requestId = r.id;
    const call = cell(r.sink, 'call', false, 'Call');
    call.title = `${r.promptIds.length} message${r.promptIds.length === 1 ? '' : 's'}: ${r.promptIds.join(', ')}`;
    tr.append(
      call,
      cell(String(r.line), 'line', true, 'Line'),
      cell(r.modelId, 'model', false, 'Model'),
      cell(r.text.input, 'input', true, 'Input'),
      cell(r.text.tools, 'tools', true, 'Tools'),
      cell(r.text.output, 'output', true, 'Output'),
      cell(r.text.reasoning, 'reasoning', true, 'Reasoning'),
      cell(r.text.flags || '—', 'flags', false, 'Billing'),
      cell(r.text.costPerCall, 'costPerCall', true, 'Per call'),
      cell(r.text.costPerMonth, 'costPerMonth', true, 'Per month'),
    );
    return tr;
  }));
}

function cellHeading(c: CellTotalsView): HTMLTableRowElement {
  const tr = el('tr', undefined, 'group-row cell-group');
  tr.dataset.cellIndex = String(c.index);
  const th = el('th', `${c.label} · ${c.prompts} prompt${c.prompts === 1 ? '' : 's'} · ${c.text.monthlyCost}/month${c.unpricedPrompts ? ` · ${c.unpricedPrompts} unpriced` : ''}`);
  th.colSpan = 6;
  th.scope = 'rowgroup';
  tr.append(th);
  return tr;
}

function fileRow(r: PromptRow, tabStop: boolean, nameCell: boolean): HTMLTableRowElement {
  const tr = el('tr');
  tr.dataset.promptId = r.promptId;
  if (r.cell) tr.dataset.cellIndex = String(r.cell.index);
  tr.tabIndex = tabStop ? 0 : -1;
  tr.setAttribute('aria-selected', String(r.promptId === state.selectedId));
  const label = cell('', 'label');
  if (r.cell && nameCell) label.append(el('div', r.cell.label, 'cell-label'));
  label.append(el('div', r.label, 'label'), el('div', r.preview, 'preview'));
  label.title = visibleText(r.preview);
  const tokens = cell(r.text.tokens, 'tokens', true, 'Tokens');
  // `≈` also when placeholders are sized by estimate, as the inline hint marks it.
  tokens.title = r.text.tokens.startsWith('≈') ? 'Estimated count' : 'Exact count';
  const model = cell(r.modelId, 'model', false, 'Model');
  model.title = r.provider;
  const line = cell(String(r.line), 'line', true, 'Line');
  if (r.cell) line.title = `${r.cell.label}, line ${r.line}`;
  const perCall = cell(r.text.costPerCall, 'costPerCall', true, 'Per call');
  const perMonth = cell(r.text.costPerMonth, 'costPerMonth', true, 'Per month');
  if (r.partOf) perCall.title = perMonth.title = `Part of ${r.partOf}: its cost is counted there.`;
  if (r.requests) perMonth.title = `Sent by ${r.requests} requests: the sum over them (per call: the first).`;
  tr.append(label, line, model, tokens, perCall, perMonth);
  return tr;
}

function renderSelection(): void {
  for (const tr of Array.from(byId('file-table').querySelectorAll<HTMLTableRowElement>('tbody tr[data-prompt-id]'))) {
    const selected = tr.dataset.promptId === state.selectedId;
    tr.setAttribute('aria-selected', String(selected));
    if (selected) {
      for (const other of Array.from(tr.parentElement?.querySelectorAll<HTMLTableRowElement>('tr[data-prompt-id]') ?? [])) other.tabIndex = -1;
      tr.tabIndex = 0;
      tr.scrollIntoView({ block: 'nearest' });
    }
  }
}

function renderDetails(): void {
  const details = state.details && state.details.promptId === state.selectedId ? state.details : null;
  const row = state.file?.rows.find((r) => r.promptId === state.selectedId);
  byId('switch-prompt').textContent = row ? visibleText(`${row.label} · ${row.cell ? `${row.cell.label}, line` : 'line'} ${row.line}`) : '';
  const table = byId<HTMLTableElement>('switch-table');
  const body = table.tBodies[0];
  body.replaceChildren();
  if (!details || 'error' in details) {
    const text = details && 'error' in details ? details.error : state.selectedId ? 'Pricing alternatives…' : 'Select a prompt to compare models.';
    setText('switch-message', text);
    table.hidden = true;
    setText('switch-rewrite-note', undefined);
    setText('switch-source', undefined);
    byId('cache-verdict').hidden = true;
    setText('cache-message', details && 'error' in details ? details.error : state.selectedId ? 'Checking cache suitability…' : 'Select a prompt to see whether it can be cached.');
    return;
  }
  const { modelSwitch, cache } = details;
  setText('switch-message', modelSwitch.rows.length <= 1 ? 'No other priced models to compare.' : undefined);
  table.hidden = modelSwitch.rows.length === 0;
  let group = '';
  for (const r of modelSwitch.rows) {
    if (r.group !== group && r.group !== 'current') {
      const heading = el('tr', undefined, 'group-row');
      const dearer = r.monthlySaving !== undefined && r.monthlySaving < 0;
      const th = el('th', r.group === 'same-provider' ? `Same provider (${r.provider})${dearer ? ', dearer tiers' : ''}` : 'Other providers');
      th.colSpan = 7;
      th.scope = 'colgroup';
      heading.append(th);
      body.append(heading);
    }
    group = r.group;
    body.append(switchRow(r, details.promptId, modelSwitch.rewrite.possible));
  }
  setText('switch-rewrite-note', modelSwitch.rewrite.possible ? undefined : modelSwitch.rewrite.reason);
  setText('switch-source', modelSwitch.priceSource ? `Prices: ${modelSwitch.priceSource}. ≈ = estimated token count.` : undefined);

  byId('cache-verdict').hidden = false;
  byId('cache-verdict').dataset.verdict = cache.verdict;
  byId('cache-verdict').dataset.level = cache.level;
  setText('cache-message', undefined);
  byId('cache-headline').textContent = visibleText(cache.headline);
  const gauge = byId('cache-gauge') as unknown as SVGSVGElement;
  gauge.setAttribute('aria-label', cache.prefix.text);
  gauge.querySelector('.gauge-fill')?.setAttribute('width', String(cache.prefix.gaugePercent ?? 0));
  gauge.style.display = cache.prefix.gaugePercent === undefined ? 'none' : '';
  byId('cache-prefix').textContent = visibleText(cache.prefix.text);
  setText('cache-fix', cache.fix);
  setText('cache-saving', cache.saving?.text);
  setText('cache-whole-response', cache.wholeResponse);
  byId('cache-details').replaceChildren(...cache.details.map((d) => el('li', d)));
  byId('cache-details-box').hidden = cache.details.length === 0;
  setText('cache-source', cache.ruleSource ? `Caching rule: ${cache.ruleSource}` : undefined);
}

function switchRow(r: ModelSwitchRow, promptId: string, canRewrite: boolean): HTMLTableRowElement {
  const tr = el('tr', undefined, r.current ? 'current' : undefined);
  tr.dataset.modelId = r.modelId;
  tr.dataset.group = r.group;
  tr.dataset.current = String(r.current);
  tr.tabIndex = -1;
  const model = cell('', 'model');
  model.append(el('span', r.modelId, 'model-name'));
  if (r.current) model.append(' ', el('span', 'current', 'badge'));
  model.title = r.provider;
  const tokens = cell(r.text.tokens, 'tokens', true, 'Tokens'); // `≈171` when estimated
  tokens.dataset.count = r.text.count;
  tokens.title = r.exact ? 'Exact count' : 'Estimated count';
  // A reasoning model bills hidden reasoning as output on the same request: shown under its input so the costs compare.
  if (r.text.reasoning) {
    tokens.append(el('div', r.text.reasoning, 'reasoning'));
    tokens.title += '; hidden reasoning billed as output (estimate)';
  }
  const saving = cell(r.current ? '—' : `${r.text.saving}${r.text.savingPercent && r.text.savingPercent !== '—' ? ` (${r.text.savingPercent})` : ''}`, 'saving', true, 'Saving / month');
  if (r.monthlySaving !== undefined && !r.current) saving.classList.add(r.monthlySaving > 0 ? 'gain' : 'loss');
  const fits = cell(r.text.fits, 'fits', false, 'Fits context');
  if (r.fitsContext === false) fits.classList.add('loss');
  const action = cell('', 'action');
  if (!r.current && canRewrite && r.costPerMonth !== undefined) {
    const button = el('button', 'Use this model');
    button.type = 'button';
    button.dataset.action = 'use-model';
    button.dataset.modelId = r.modelId;
    button.setAttribute('aria-label', `Use ${r.modelId}`);
    button.addEventListener('click', () => post({ type: 'useModel', promptId, modelId: r.modelId, provider: r.provider }));
    action.append(button);
  }
  tr.append(model, tokens, cell(r.text.costPerCall, 'costPerCall', true, 'Per call'), cell(r.text.costPerMonth, 'costPerMonth', true, 'Per month'), saving, fits, action);
  return tr;
}

function renderWorkspace(): void {
  const ws = state.workspace;
  byId('workspace-body').hidden = !ws;
  setText('workspace-message', ws ? undefined : 'Run an audit to see the workspace\u2019s totals.');
  byId('run-audit').textContent = ws ? 'Audit again' : 'Audit workspace';
  if (!ws) return;
  const totals = byId('workspace-totals');
  const pairs: [string, string][] = [
    ['Monthly cost', ws.totals.text.monthlyCost],
    ['Prompts', `${ws.totals.prompts} in ${ws.totals.filesWithPrompts} of ${ws.totals.files} files`],
    ['Unpriced prompts', String(ws.totals.unpricedPrompts)],
    ['Findings', String(ws.totals.findings)],
    ['Fixes would save', `${ws.totals.text.savingsMonthly}/month`],
  ];
  if (ws.skippedFiles) pairs.push(['Skipped files', String(ws.skippedFiles)]);
  totals.replaceChildren(...pairs.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
  const budget = byId('workspace-budget');
  budget.textContent = ws.budget.text;
  budget.dataset.status = ws.budget.status;

  const chart = byId('workspace-chart');
  chart.replaceChildren(
    ...ws.byFile.slice(0, CHART_FILES).map((f) => {
      const li = el('li');
      li.dataset.file = f.file;
      const label = el('div', undefined, 'chart-label');
      label.append(el('span', f.file, 'chart-file'), el('span', f.text.monthlyCost, 'chart-value'));
      li.append(label, bar(f.barPercent, 'chart-bar'));
      li.title = visibleText(`${f.file}: ${f.text.monthlyCost}/month (${f.text.share})`);
      return li;
    }),
  );
  if (ws.byFile.length > CHART_FILES) chart.append(el('li', `… and ${ws.byFile.length - CHART_FILES} more files (table below)`, 'muted small'));

  const fileRow = (f: (typeof ws.byFile)[number]) => {
    const tr = el('tr');
    tr.dataset.file = f.file;
    tr.append(pathCell(f.file), cell(String(f.prompts), 'prompts', true, 'Prompts'), cell(f.text.monthlyCost, 'monthlyCost', true, 'Per month'), cell(f.text.share, 'share', true, 'Share'));
    return tr;
  };
  fillTable('workspace-by-file', ws.byFile.map(fileRow));
  // Test and fixture files: their own rows, outside the totals unless promptCost.includeTests (older saved states have none).
  const tests = ws.tests;
  const testsBlock = byId('workspace-tests');
  testsBlock.hidden = !tests || tests.prompts === 0;
  testsBlock.dataset.included = String(tests?.included ?? false);
  setText('workspace-tests-summary', tests?.text.summary);
  fillTable('workspace-tests-by-file', (tests?.byFile ?? []).map(fileRow));
  fillTable('workspace-by-model', ws.byModel.map((m) => {
    const tr = el('tr');
    tr.dataset.model = m.model;
    tr.append(cell(m.unknown ? `${m.model} (unknown model)` : m.model, 'model'), cell(String(m.prompts), 'prompts', true, 'Prompts'), cell(m.text.monthlyCost, 'monthlyCost', true, 'Per month'), cell(m.text.share, 'share', true, 'Share'));
    return tr;
  }));
  fillTable('workspace-top', ws.topPrompts.map((p, i) => {
    const tr = el('tr');
    tr.dataset.promptId = p.promptId;
    tr.tabIndex = i === 0 ? 0 : -1;
    const where = cell('', 'prompt');
    where.append(el('div', p.promptId, 'label'), el('div', `${p.file}:${p.line}`, 'preview'));
    tr.append(where, cell(p.model, 'model', false, 'Model'), cell(p.text.tokens, 'tokens', true, 'Tokens'), cell(p.text.costPerCall, 'costPerCall', true, 'Per call'), cell(p.text.monthlyCost, 'monthlyCost', true, 'Per month'));
    tr.addEventListener('click', () => post({ type: 'openWorkspacePrompt', file: p.file, line: p.line, column: p.column }));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        post({ type: 'openWorkspacePrompt', file: p.file, line: p.line, column: p.column });
      }
    });
    return tr;
  }));
  byId('workspace-source').textContent = `Audit of ${new Date(ws.generatedAt).toLocaleString()} · prices: ${ws.priceData}`;
}

function fillTable(id: string, rows: HTMLTableRowElement[]): void {
  byId<HTMLTableElement>(id).tBodies[0].replaceChildren(...rows);
}

// ---------------------------------------------------------------- interaction

function selectPrompt(promptId: string, reveal: boolean): void {
  if (state.selectedId !== promptId) {
    state.selectedId = promptId;
    state.details = null;
    renderDetails();
  }
  renderSelection();
  save();
  post({ type: 'selectPrompt', promptId, reveal });
}

/** Arrow keys move between the rows of a table body (roving tabindex); Enter or Space activates the row. */
function keyboardRows(tbody: HTMLTableSectionElement, activate: (row: HTMLTableRowElement) => void): void {
  tbody.addEventListener('keydown', (e) => {
    const row = (e.target as HTMLElement).closest('tr');
    if (!row || row.parentElement !== tbody || e.target !== row) return;
    const rows = Array.from(tbody.rows).filter((r) => r.tabIndex >= -1 && !r.classList.contains('group-row'));
    const index = rows.indexOf(row);
    let next: HTMLTableRowElement | undefined;
    switch (e.key) {
      case 'ArrowDown': next = rows[Math.min(rows.length - 1, index + 1)]; break;
      case 'ArrowUp': next = rows[Math.max(0, index - 1)]; break;
      case 'Home': next = rows[0]; break;
      case 'End': next = rows[rows.length - 1]; break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        activate(row);
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next && next !== row) {
      row.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  });
}

function wire(): void {
  const fileBody = byId<HTMLTableElement>('file-table').tBodies[0];
  fileBody.addEventListener('click', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-prompt-id]');
    if (row?.dataset.promptId) selectPrompt(row.dataset.promptId, true);
  });
  keyboardRows(fileBody, (row) => row.dataset.promptId && selectPrompt(row.dataset.promptId, true));
  keyboardRows(byId<HTMLTableElement>('switch-table').tBodies[0], (row) => row.querySelector('button')?.click());
  keyboardRows(byId<HTMLTableElement>('workspace-top').tBodies[0], () => undefined);

  for (const th of Array.from(document.querySelectorAll<HTMLTableCellElement>('#file-table th[data-sort]'))) {
    th.querySelector('button')?.addEventListener('click', () => {
      const key = th.dataset.sort as PromptSortKey;
      const sameKey = state.sort.key === key;
      // Costs and tokens start with the largest, text and lines with the first.
      const firstDirection = key === 'line' || key === 'label' || key === 'model' ? 'asc' : 'desc';
      state.sort = { key, direction: sameKey ? (state.sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection };
      save();
      renderFile();
    });
  }
  byId('run-audit').addEventListener('click', () => post({ type: 'runAudit' }));

  window.addEventListener('message', (event: MessageEvent) => receive(event.data as HostMessage));
}

function receive(message: HostMessage): void {
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'file': {
      state.fileName = message.fileName;
      state.file = message.file;
      state.fileMessage = message.message;
      // A selection survives a re-analysis of the same prompt; a prompt that is gone takes its details with it.
      if (!message.file?.rows.some((r) => r.promptId === state.selectedId)) {
        state.selectedId = null;
        state.details = null;
      }
      renderFile();
      renderDetails();
      break;
    }
    case 'select':
      state.selectedId = message.promptId;
      if (state.details?.promptId !== message.promptId) state.details = null;
      renderSelection();
      renderDetails();
      break;
    case 'details':
      if (message.details.promptId !== state.selectedId) return;
      state.details = message.details;
      renderDetails();
      break;
    case 'workspace':
      state.workspace = message.workspace;
      renderWorkspace();
      byId('workspace-section').scrollIntoView({ block: 'start' });
      break;
    case 'notice':
      state.notice = { text: message.text, level: message.level };
      renderNotice();
      break;
    default:
      return;
  }
  save();
}

wire();
renderAll();
post({ type: 'ready' });
