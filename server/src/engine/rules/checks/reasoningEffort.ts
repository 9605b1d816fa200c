// reasoning-effort: a reasoning model left at its default or a high effort on a request whose answer is a label or
// an extraction. The fix sets a low effort where the API takes it (Chat Completions `reasoning_effort`, Responses
// `reasoning.effort`, AI SDK `providerOptions.openai.reasoningEffort`); the saving is the request's reasoning estimate
// priced before and after (cost/reasoning.ts, cost/reasoningModels.ts).
import { reasoningRowOf } from '../../cost/reasoningModels';
import type { ArgumentContainer, CallSite, SourceEdit, SourceLanguage } from '../../types';
import { addEntryEdit, entryNamed, isPython, replaceValueEdit, type ArgumentValue } from '../argumentEdits';
import { ruleMeta } from '../meta';
import { parsedAsJson, requestText, smallTierTask } from '../outputShape';
import { anchorSpan, argumentFix, monthlySavingOf, outputSavingLabel, withCall } from '../requestFindings';
import type { RuleModule } from '../types';
import { groupThousands } from '../../views/format';

/** Efforts worth lowering from; `none`/`minimal`/`low` are already low. */
const HIGH_EFFORTS = new Set(['medium', 'high', 'xhigh']);

/** gpt-5, gpt-5-mini, gpt-5-nano take `minimal`; the o-series and later gpt-5.x take `low` as their lowest common step. */
function suggestedEffort(modelId: string): string {
  return /^gpt-5(?:-|$)/.test(modelId) ? 'minimal' : 'low';
}

export const reasoningEffort: RuleModule = {
  meta: ruleMeta('reasoning-effort', 'A reasoning model at its default or high effort on a label or extraction prompt.', 'information', true, 'rules', 'output'),
  check(run) {
    const facts = run.ctx.request;
    const site = run.prompt.callParams.site;
    if (!facts?.carriesRequest || !site || site.opaqueSpread) return [];
    const model = facts.cost.model;
    const row = reasoningRowOf(model);
    if (!row || row.mode !== 'effort' || !(facts.cost.tokens.reasoning! > 0)) return [];
    const written = run.prompt.callParams.reasoning;
    if (written && (written.budgetTokens !== undefined || written.enabled !== undefined)) return [];
    const effort = (written?.effort ?? row.defaultEffort ?? 'medium').toLowerCase();
    if (!HIGH_EFFORTS.has(effort)) return [];
    const text = requestText(run);
    const task = smallTierTask(text, 0, parsedAsJson(run.prompt, run.ctx.documentText));
    if (!task) return [];
    const language = run.ctx.language ?? run.prompt.language;
    const target = effortTarget(site, model.provider, language, run.ctx.documentText);
    if (!target) return [];
    const suggested = suggestedEffort(model.id);
    const change = { change: (p: typeof run.prompt) => (p === run.prompt ? withCall(p, { callParams: { reasoning: { effort: suggested, written: target.written(suggested) } } }) : p) };
    const after = facts.pricedWith(change);
    const saved = (facts.cost.tokens.reasoning ?? 0) - (after.tokens.reasoning ?? 0);
    if (!(saved >= 1)) return [];
    const monthly = monthlySavingOf(facts, change);
    const label = outputSavingLabel(saved, monthly, 'reasoning tokens');
    const what = task === 'json-output' ? 'an extraction read as JSON' : task.described;
    const now = written ? written.written : `${model.id}'s default effort (${effort})`;
    return [
      {
        message:
          `${now} on a prompt whose answer is ${what}: ${target.written(suggested)} reasons far less ` +
          `(reasoning estimate ${groupThousands(facts.cost.tokens.reasoning ?? 0)} → ${groupThousands(after.tokens.reasoning ?? 0)} tokens${label ? `, ${label}` : ''}).`,
        span: anchorSpan(run.prompt, run.ctx.documentText),
        promptId: run.prompt.id,
        savingsTokens: saved,
        ...(monthly !== undefined ? { savingsMonthly: monthly } : {}),
        fix: argumentFix(`Set ${target.written(suggested)}`, label, [target.edit(suggested)], saved),
      },
    ];
  },
};

interface EffortTarget {
  written(effort: string): string;
  edit(effort: string): SourceEdit | undefined;
}

/** Where the API takes the effort; undefined for calls we do not write to. */
function effortTarget(site: CallSite, provider: string, language: SourceLanguage, doc: string): EffortTarget | undefined {
  const python = isPython(language);
  const q = (s: string) => (python ? `"${s}"` : `'${s}'`);
  // A key spread into the call from a dict we read is not written in its arguments: adding it would pass it twice.
  const spreadIn = (key: string) => site.keys.includes(key) && !entryNamed(site.args, key);
  if (['reasoning_effort', 'reasoning', 'providerOptions'].some(spreadIn)) return undefined;
  switch (site.sink) {
    case 'openai.chat.completions':
      return {
        written: (e) => (python ? `reasoning_effort=${q(e)}` : `reasoning_effort: ${q(e)}`),
        edit: (e) => setPath(doc, site.args, ['reasoning_effort'], e, language),
      };
    case 'openai.responses':
      return {
        written: (e) => (python ? `reasoning={"effort": ${q(e)}}` : `reasoning: { effort: ${q(e)} }`),
        edit: (e) => setPath(doc, site.args, ['reasoning', 'effort'], e, language),
      };
    case 'ai-sdk':
      if (python || (provider !== 'openai' && provider !== 'azure')) return undefined;
      return {
        written: (e) => `providerOptions.openai.reasoningEffort: ${q(e)}`,
        edit: (e) => setPath(doc, site.args, ['providerOptions', 'openai', 'reasoningEffort'], e, language),
      };
    default:
      return undefined;
  }
}

/**
 * Sets `path` (keys from the call's arguments down) to `value`: replaces the value where the last key is written,
 * else adds the missing part at the deepest container written. Undefined where a step is written as something we
 * cannot edit (a variable).
 */
function setPath(doc: string, container: ArgumentContainer, path: string[], value: string, language: SourceLanguage): SourceEdit | undefined {
  const [key, ...rest] = path;
  const entry = entryNamed(container, key);
  if (!entry) {
    let built: ArgumentValue = value;
    for (let i = rest.length - 1; i >= 0; i--) built = { [rest[i]]: built };
    // Beside the model it tunes; unbounded-output adds its limit after the last argument, so both apply in one fix-all.
    return addEntryEdit(doc, container, key, built, language, 'model');
  }
  if (rest.length === 0) return replaceValueEdit(entry, value, language);
  return entry.nested ? setPath(doc, entry.nested, rest, value, language) : undefined;
}
