// The steps between a file shown in the workbench and its first inline hint, read from the logs one run leaves: the
// extension host's log (when it activated us) and the `[timing] <epoch ms> <side>: <event>` lines the client and the
// server write to the output channel (server/src/shared/startupMarks.ts). Each step is ms after the file was shown.
'use strict';

const TIMING = /\[timing\] (\d+) ((?:client|server): .+?)\s*$/gm;
const ACTIVATION = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) .*_doActivateExtension prompt-cost-lens/m;
const URI_AT_END = / ((?:file|untitled|vscode-notebook-cell):\S+)$/;

/** Every timing mark in the logs: { at, event, uri? } with the document's URI split off the event. */
function timingMarks(logs) {
  const marks = [];
  for (const text of logs) {
    for (const m of text.matchAll(TIMING)) {
      const uriMatch = URI_AT_END.exec(m[2]);
      marks.push({ at: Number(m[1]), event: uriMatch ? m[2].slice(0, uriMatch.index) : m[2], uri: uriMatch?.[1] });
    }
  }
  return marks.sort((a, b) => a.at - b.at);
}

/** When the extension host began activating the extension (epoch ms; its log has local-time timestamps). */
function activationAt(logs) {
  for (const text of logs) {
    const m = ACTIVATION.exec(text);
    if (m) return new Date(`${m[1]}T${m[2]}`).getTime();
  }
  return undefined;
}

/** Event names without their details in parentheses: `inlayHint answered (50 hints)` → `inlayHint answered`. */
const stepName = (event) => event.replace(/ \([^)]*\)$/, '');

/**
 * The document's own steps after `shownWall`: the first of each event, except the answers, where the first with hints
 * counts (an empty answer before the analysis is not the hint the user sees).
 */
function documentSteps(marks, entry, uri) {
  const steps = {};
  for (const m of marks) {
    if (m.uri !== uri) continue;
    const name = stepName(m.event);
    if (/answer/.test(name) && /\(0 hints\)/.test(m.event)) continue;
    if (!(name in steps)) steps[name] = m.at - entry.shownWall;
  }
  const refresh = marks.find((m) => m.event === 'server: inlayHint refresh sent' && m.at >= entry.shownWall);
  if (refresh) steps['server: inlayHint refresh sent'] = refresh.at - entry.shownWall;
  steps['hint on screen'] = entry.hintWall - entry.shownWall;
  return steps;
}

/** The cold path: activation, client and server start-up, then the document's steps; sorted by time. */
function coldSteps(logs, entry, uri) {
  const marks = timingMarks(logs);
  const steps = {};
  const activated = activationAt(logs);
  if (activated !== undefined) steps['extension host: activation event'] = activated - entry.shownWall;
  const cache = marks.find((m) => m.event.startsWith('server: bundle compiled'));
  for (const m of marks) {
    if (m.uri) continue;
    const name = stepName(m.event);
    if (!(name in steps) && name !== 'server: inlayHint refresh sent') steps[name] = m.at - entry.shownWall;
  }
  const all = { ...steps, ...documentSteps(marks, entry, uri) };
  const sorted = Object.fromEntries(Object.entries(all).sort((a, b) => a[1] - b[1]));
  if (cache) sorted.codeCache = /code cache (\w+)/.exec(cache.event)?.[1];
  return sorted;
}

function warmSteps(logs, entry, uri) {
  const all = documentSteps(timingMarks(logs), entry, uri);
  return Object.fromEntries(Object.entries(all).sort((a, b) => a[1] - b[1]));
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = Math.floor(v.length / 2);
  return Math.round(v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2);
}

/** Per step, the median over runs of its time after the file was shown (steps every run has), in time order. */
function stepMedians(runs) {
  const names = new Set(runs.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')));
  const out = {};
  for (const name of names) if (runs.every((r) => typeof r[name] === 'number')) out[name] = median(runs.map((r) => r[name]));
  return Object.fromEntries(Object.entries(out).sort((a, b) => a[1] - b[1]));
}

module.exports = { timingMarks, activationAt, coldSteps, warmSteps, median, stepMedians };
