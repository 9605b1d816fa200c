// Property (issue 14, bad input): over random multi-file workspaces — module graphs in Python and TypeScript with
// import cycles, self-imports, wrappers calling wrappers (recursively too), constants imported under aliases,
// barrels re-exporting with star imports, imports of missing modules and of computed names — the workspace index
// never throws, ends, gives the same findings and problems whatever the order files are indexed in, gives the same
// findings after one file is edited or removed as a rebuild does, and every text it reports is a string literal
// written in the file it names, at the range it names.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { collectCrossFile, type CrossFileResult } from '../../server/src/engine/detection/workspace/crossFileFindings';
import { factsOf } from '../../server/src/engine/detection/workspace/factsOf';
import { WorkspaceIndex } from '../../server/src/engine/detection/workspace/workspaceIndex';

type Lang = 'python' | 'ts';

/** Where a call's text comes from: a literal at the call, or a constant of some module (through an alias or a barrel). */
type TextSource = { literal: number } | { module: number; constant: number; alias: boolean; viaBarrel: boolean };

interface ModuleSpec {
  /** Calls the model itself (with one of two models), or forwards to another module's wrapper (maybe itself). */
  sink: 0 | 1 | undefined;
  forwardTo: number;
  forwardAlias: boolean;
  constants: number;
  calls: { target: number; text: TextSource; inFunction: boolean }[];
  importsMissing: boolean;
  computedImport: boolean;
}

interface WorkspaceSpec {
  lang: Lang;
  modules: ModuleSpec[];
  /** Modules the barrel re-exports with a star import. */
  barrel: number[];
}

const MODELS = ['gpt-4o-mini', 'gpt-4.1-nano'];

const sentence = (i: number, k: number): string => `Module ${i} text ${k}: describe the quarterly numbers for team ${i} in plain words.`;
const inline = (i: number, c: number): string => `Inline ${i}-${c}: summarise the meeting notes in three short bullet points.`;

function workspaceSpec(lang: Lang): fc.Arbitrary<WorkspaceSpec> {
  return fc.integer({ min: 2, max: 7 }).chain((n) => {
    const index = fc.integer({ min: 0, max: n - 1 });
    const text: fc.Arbitrary<TextSource> = fc.oneof(
      fc.integer({ min: 0, max: 3 }).map((literal) => ({ literal })),
      fc.record({ module: index, constant: fc.integer({ min: 0, max: 2 }), alias: fc.boolean(), viaBarrel: fc.boolean() }),
    );
    const module: fc.Arbitrary<ModuleSpec> = fc.record({
      sink: fc.constantFrom<0 | 1 | undefined>(0, 1, undefined, undefined),
      forwardTo: index,
      forwardAlias: fc.boolean(),
      constants: fc.integer({ min: 0, max: 3 }),
      calls: fc.array(fc.record({ target: index, text, inFunction: fc.boolean() }), { maxLength: 4 }),
      importsMissing: fc.boolean(),
      computedImport: fc.boolean(),
    });
    return fc.record({ lang: fc.constant(lang), modules: fc.array(module, { minLength: n, maxLength: n }), barrel: fc.uniqueArray(index, { maxLength: n }) });
  });
}

/** The workspace's files: `m<i>.py|ts` per module, and `barrel.py|ts` re-exporting some of them. */
function render(spec: WorkspaceSpec): Record<string, string> {
  const py = spec.lang === 'python';
  const ext = py ? 'py' : 'ts';
  const files: Record<string, string> = {};
  const constantExists = (m: number, k: number): boolean => k < spec.modules[m].constants;
  spec.modules.forEach((mod, i) => {
    const imports = new Set<string>();
    const body: string[] = [];
    const importName = (from: number | 'barrel' | 'missing', name: string, local: string): void => {
      const target = from === 'barrel' ? 'barrel' : from === 'missing' ? `missing_${i}` : `m${from}`;
      if (from === i) return;
      const as = local === name ? name : py ? `${name} as ${local}` : `${name} as ${local}`;
      imports.add(py ? `from ${target} import ${as}` : `import { ${as} } from "./${target}";`);
    };
    if (mod.sink !== undefined) {
      imports.add(py ? 'from openai import OpenAI' : 'import OpenAI from "openai";');
      body.push(py ? 'client = OpenAI()' : 'const client = new OpenAI();');
    }
    for (let k = 0; k < mod.constants; k++) body.push(py ? `C${i}_${k} = "${sentence(i, k)}"` : `export const C${i}_${k} = "${sentence(i, k)}";`);
    // The wrapper: a sink call, or a forward to another wrapper (itself: recursion; a chain back: a cycle).
    if (mod.sink !== undefined) {
      body.push(py
        ? `def w${i}(text):\n    return client.chat.completions.create(model="${MODELS[mod.sink]}", messages=[{"role": "user", "content": text}])`
        : `export function w${i}(text: string) {\n  return client.chat.completions.create({ model: "${MODELS[mod.sink]}", messages: [{ role: "user", content: text }] });\n}`);
    } else {
      const j = mod.forwardTo;
      const local = mod.forwardAlias && j !== i ? `f${j}` : `w${j}`;
      importName(j, `w${j}`, local);
      body.push(py ? `def w${i}(text):\n    return ${local}(text)` : `export function w${i}(text: string) {\n  return ${local}(text);\n}`);
    }
    if (mod.importsMissing) {
      importName('missing', 'helper', 'helper');
      body.push(py ? 'helper("A text passed to a module that is not in the workspace.")' : 'helper("A text passed to a module that is not in the workspace.");');
    }
    if (mod.computedImport) {
      if (py) imports.add('import importlib');
      body.push(py ? 'def plugin(name):\n    return importlib.import_module(name)' : 'export async function plugin(name: string) {\n  return import(name);\n}');
    }
    mod.calls.forEach((call, c) => {
      const t = call.target;
      const wrapper = t === i ? `w${i}` : `w${t}`;
      importName(t, `w${t}`, wrapper);
      let arg: string;
      if ('literal' in call.text) arg = `"${inline(i, c)}"`;
      else {
        const { module: m, constant: k } = call.text;
        const name = `C${m}_${k}`;
        if (m === i) arg = constantExists(m, k) ? name : `"${inline(i, c)}"`;
        else {
          const local = call.text.alias ? `A${m}_${k}` : name;
          importName(call.text.viaBarrel ? 'barrel' : m, name, local);
          arg = local;
        }
      }
      body.push(call.inFunction
        ? (py ? `def call_${c}():\n    return ${wrapper}(${arg})` : `export function call_${c}() {\n  return ${wrapper}(${arg});\n}`)
        : (py ? `${wrapper}(${arg})` : `${wrapper}(${arg});`));
    });
    files[`m${i}.${ext}`] = [...imports, '', ...body, ''].join('\n');
  });
  files[`barrel.${ext}`] = spec.barrel.map((m) => (py ? `from m${m} import *` : `export * from "./m${m}";`)).join('\n') + '\n';
  return files;
}

/** Every generated sentence: a reported text must be one of them (nothing else in these files is prose). */
function sentences(spec: WorkspaceSpec): Set<string> {
  const out = new Set<string>(['A text passed to a module that is not in the workspace.']);
  spec.modules.forEach((mod, i) => {
    for (let k = 0; k < 3; k++) out.add(sentence(i, k));
    for (let c = 0; c < 4; c++) out.add(inline(i, c));
  });
  return out;
}

async function build(files: Record<string, string>, order: string[]): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex({ readText: (rel) => files[rel], exists: (rel) => rel in files });
  for (const rel of order) index.addFile(rel);
  for (const rel of order) await setText(index, rel, files[rel]);
  return index;
}

async function setText(index: WorkspaceIndex, rel: string, text: string): Promise<void> {
  const outcome = await factsOf(rel, text, 2_000_000);
  if ('facts' in outcome) index.setFacts(outcome.facts);
}

/** The whole result as comparable text: every field of every finding, and the problems, in a fixed order. */
function snapshot(result: CrossFileResult): string {
  const findings = [...result.byFile.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, list]) => [file, [...list].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || a.symbol.localeCompare(b.symbol))]);
  return JSON.stringify({ findings, problems: [...result.problems].map((p) => `${p.file}: ${p.reason}`).sort() }, null, 1);
}

function checkTexts(result: CrossFileResult, files: Record<string, string>, written: Set<string>): void {
  for (const [file, findings] of result.byFile) {
    for (const f of findings) {
      assert.equal(f.file, file);
      assert.ok(file in files, `${file} is a workspace file`);
      assert.equal(f.kind, 'code', 'no file is loaded in these workspaces');
      const source = files[file].slice(f.span!.start, f.span!.end);
      assert.match(source, /^"[^"]*"$/, `${file}:${f.span!.start} is a string literal: ${source}`);
      assert.ok(written.has(source.slice(1, -1)), `a generated text: ${source}`);
      for (const part of f.parts ?? []) if (part.kind === 'text') assert.ok(source.includes(part.text), `part "${part.text}" is in ${source}`);
      if (f.model) assert.ok(MODELS.includes(f.model.name), `model ${f.model.name}`);
    }
  }
}

const shuffle = (items: string[], seed: number): string[] => {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe('workspace index: properties over random multi-file workspaces', function () {
  this.timeout(240000);

  for (const lang of ['python', 'ts'] as const) {
    it(`${lang}: never throws, ends, same result for any file order and after an edit or a removal as a rebuild`, async () => {
      const seen = { findings: 0, viaAlias: 0, viaBarrel: 0, problems: 0 };
      await fc.assert(
        fc.asyncProperty(workspaceSpec(lang), fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), async (spec, seed, pick) => {
          const files = render(spec);
          const names = Object.keys(files).sort();
          const written = sentences(spec);

          const first = collectCrossFile(await build(files, names));
          checkTexts(first, files, written);
          const all = [...first.byFile.values()].flat();
          seen.findings += all.length;
          seen.viaAlias += all.filter((f) => /^C\d+_\d+$/.test(f.symbol) && f.site.split(':')[0] !== f.file).length;
          seen.viaBarrel += all.filter((f) => f.sites > 1).length;
          seen.problems += first.problems.length;
          const reversed = collectCrossFile(await build(files, [...names].reverse()));
          assert.equal(snapshot(reversed), snapshot(first), 'reverse order');
          const shuffled = collectCrossFile(await build(files, shuffle(names, seed)));
          assert.equal(snapshot(shuffled), snapshot(first), 'shuffled order');

          // Edit one module (its constants and calls change) in a built index, then compare with a rebuild.
          const index = await build(files, names);
          collectCrossFile(index); // summaries computed before the edit: the edit must invalidate them
          const edited = names[pick % names.length];
          const changedSpec: WorkspaceSpec = { ...spec, modules: spec.modules.map((m, i) => (`m${i}.${lang === 'python' ? 'py' : 'ts'}` === edited ? { ...m, sink: m.sink === undefined ? 1 : undefined, calls: m.calls.slice(1), constants: Math.max(0, m.constants - 1) } : m)) };
          const editedFiles = { ...files, [edited]: render(changedSpec)[edited] };
          await setText(index, edited, editedFiles[edited]);
          const incremental = collectCrossFile(index);
          // The index keeps reading files through its host: give the rebuild the same edited texts.
          const rebuilt = collectCrossFile(await build(editedFiles, names));
          assert.equal(snapshot(incremental), snapshot(rebuilt), `after editing ${edited}`);
          checkTexts(incremental, editedFiles, sentences(changedSpec));

          // Remove a file from the built index, then compare with a rebuild without it.
          const removed = names[(pick + 1) % names.length];
          index.removeFile(removed);
          const without = { ...editedFiles };
          delete without[removed];
          assert.equal(snapshot(collectCrossFile(index)), snapshot(collectCrossFile(await build(without, Object.keys(without).sort()))), `after removing ${removed}`);
        }),
        { numRuns: 40, seed: 14_2026 },
      );
      // The generator makes workspaces where the index has something to find (the properties are not vacuous).
      assert.ok(seen.findings > 40 && seen.viaAlias > 5 && seen.viaBarrel > 0 && seen.problems > 5, JSON.stringify(seen));
    });
  }
});
