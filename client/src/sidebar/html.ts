// The webview's HTML shell. Static markup only: every piece of data arrives later by postMessage and is set with
// textContent, so nothing a prompt contains can become markup. No `vscode` import, so tests can load it in Chromium.

export interface SidebarHtmlOptions {
  /** `webview.cspSource`: the only origin styles, images and fonts may come from. */
  cspSource: string;
  /** Fresh per render; the one script runs only with it. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function sidebarHtml(o: SidebarHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `img-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>Prompt Cost</title>
</head>
<body>
<div id="notice" role="status" aria-live="polite" hidden></div>

<section id="file-section" aria-labelledby="file-heading">
  <h2 id="file-heading">This file</h2>
  <p class="subtitle"><span id="file-name"></span> <span id="file-total"></span></p>
  <p id="file-message" class="muted" hidden></p>
  <div class="table-scroll">
    <table id="file-table" aria-labelledby="file-heading" hidden>
      <thead><tr>
        <th scope="col" data-sort="label" aria-sort="none"><button type="button">Prompt</button></th>
        <th scope="col" data-sort="line" aria-sort="none" class="num"><button type="button">Line</button></th>
        <th scope="col" data-sort="model" aria-sort="none"><button type="button">Model</button></th>
        <th scope="col" data-sort="tokens" aria-sort="none" class="num"><button type="button">Tokens</button></th>
        <th scope="col" data-sort="costPerCall" aria-sort="none" class="num"><button type="button">Per call</button></th>
        <th scope="col" data-sort="costPerMonth" aria-sort="none" class="num"><button type="button">Per month</button></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
  <h3 id="requests-heading" hidden>Requests in this file</h3>
  <div class="table-scroll">
    <table id="requests-table" aria-labelledby="requests-heading" hidden>
      <thead><tr>
        <th scope="col">Call</th>
        <th scope="col" class="num">Line</th>
        <th scope="col">Model</th>
        <th scope="col" class="num">Input</th>
        <th scope="col" class="num">Tools</th>
        <th scope="col" class="num">Output</th>
        <th scope="col" class="num">Reasoning</th>
        <th scope="col">Billing</th>
        <th scope="col" class="num">Per call</th>
        <th scope="col" class="num">Per month</th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
</section>

<section id="switch-section" aria-labelledby="switch-heading">
  <h2 id="switch-heading">Model switch</h2>
  <p id="switch-prompt" class="subtitle"></p>
  <p id="switch-message" class="muted">Select a prompt to compare models.</p>
  <div class="table-scroll">
    <table id="switch-table" aria-labelledby="switch-heading" hidden>
      <thead><tr>
        <th scope="col">Model</th>
        <th scope="col" class="num">Tokens</th>
        <th scope="col" class="num">Per call</th>
        <th scope="col" class="num">Per month</th>
        <th scope="col" class="num">Saving / month</th>
        <th scope="col">Fits</th>
        <th scope="col"><span class="visually-hidden">Action</span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
  <p id="switch-rewrite-note" class="muted" hidden></p>
  <p id="switch-source" class="muted small"></p>
</section>

<section id="cache-section" aria-labelledby="cache-heading">
  <h2 id="cache-heading">Cache suitability</h2>
  <div id="cache-verdict" hidden>
    <p id="cache-headline"></p>
    <svg id="cache-gauge" class="gauge" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="">
      <rect class="gauge-track" x="0" y="0" width="100" height="6"></rect>
      <rect class="gauge-fill" x="0" y="0" width="0" height="6"></rect>
    </svg>
    <p id="cache-prefix" class="small"></p>
    <p id="cache-fix" class="fix" hidden></p>
    <p id="cache-saving" hidden></p>
    <p id="cache-whole-response" class="note" hidden></p>
    <details id="cache-details-box" class="small muted"><summary>Details</summary><ul id="cache-details"></ul></details>
    <p id="cache-source" class="muted small"></p>
  </div>
  <p id="cache-message" class="muted">Select a prompt to see whether it can be cached.</p>
</section>

<section id="workspace-section" aria-labelledby="workspace-heading">
  <h2 id="workspace-heading">Workspace</h2>
  <p id="workspace-message" class="muted">Run an audit to see the workspace's totals.</p>
  <button type="button" id="run-audit">Audit workspace</button>
  <div id="workspace-body" hidden>
    <dl id="workspace-totals" class="totals"></dl>
    <p id="workspace-budget"></p>
    <h3 id="chart-heading">Monthly cost by file</h3>
    <ol id="workspace-chart" class="chart" aria-labelledby="chart-heading"></ol>
    <div class="table-scroll">
      <table id="workspace-by-file" aria-label="Cost by file">
        <thead><tr><th scope="col">File</th><th scope="col" class="num">Prompts</th><th scope="col" class="num">Per month</th><th scope="col" class="num">Share</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <h3>Cost by model</h3>
    <div class="table-scroll">
      <table id="workspace-by-model" aria-label="Cost by model">
        <thead><tr><th scope="col">Model</th><th scope="col" class="num">Prompts</th><th scope="col" class="num">Per month</th><th scope="col" class="num">Share</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <h3>Most expensive prompts</h3>
    <div class="table-scroll">
      <table id="workspace-top" aria-label="Most expensive prompts">
        <thead><tr><th scope="col">Prompt</th><th scope="col">Model</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Per call</th><th scope="col" class="num">Per month</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <div id="workspace-tests">
      <h3>Tests and fixtures</h3>
      <p id="workspace-tests-summary" class="muted"></p>
      <div class="table-scroll">
        <table id="workspace-tests-by-file" aria-label="Cost by test or fixture file">
          <thead><tr><th scope="col">File</th><th scope="col" class="num">Prompts</th><th scope="col" class="num">Per month</th><th scope="col" class="num">Share</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </div>
    <p id="workspace-source" class="muted small"></p>
  </div>
</section>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
