// Propagators kept as data: how code carries text from one value into another when it builds a prompt from pieces.
// Read by the piece stage (code/pieceGroups.ts). Written 2026-12 from the shapes of issue 14 point 2 (`+=`,
// `p = p + …`, `append/push/extend`, `+= [...]`, `[...intro, …]`, joins).

/**
 * List methods that grow a list which is later joined into one text, and where the argument's text goes:
 * `item` — each argument is one more item at the end (`parts.append(x)`, `lines.push(a, b)`);
 * `items` — the items of a list literal argument go at the end (`parts.extend(["…", "…"])`);
 * `front` — the value goes before the others (`insert`, `unshift`, `appendleft`): the order of the text is not
 * known from the code's order, so such a list is not merged (its pieces stay prompts of their own).
 */
export const LIST_GROWTH: ReadonlyMap<string, 'item' | 'items' | 'front'> = new Map([
  ['append', 'item'],
  ['push', 'item'],
  ['extend', 'items'],
  ['insert', 'front'],
  ['unshift', 'front'],
  ['appendleft', 'front'],
]);

/**
 * Operators of an assignment that adds its right side to the end of what the target held: `p += "…"` for text,
 * `parts += ["…"]` for a list (its items). `p = p + "…"` is the same growth written as a plain assignment.
 */
export const APPEND_OPERATORS: ReadonlySet<string> = new Set(['+=']);

/** Binary operators that concatenate text: `p = p + "…"` keeps `p`'s text in front of the new piece. */
export const CONCAT_OPERATORS: ReadonlySet<string> = new Set(['+']);

/** Node types of a spread item in a list literal (`[...intro, "…"]`, Python `[*intro, "…"]`): its list's items go there. */
export const LIST_SPREAD_TYPES: ReadonlySet<string> = new Set(['spread_element', 'list_splat']);

/**
 * Methods that fill a template's placeholders with their arguments (the receiver is the template):
 * `keywords` — a keyword argument (`TEMPLATE.format(examples=EXAMPLES)`, `.render(tone=TONE)`,
 * `.substitute(name=…)`) fills the placeholder of its name; `pair` — the second argument replaces the text of the
 * first (`TEMPLATE.replace("{{tone}}", TONE)`), so it fills the placeholder written there.
 */
export const TEMPLATE_FILLS: ReadonlyMap<string, 'keywords' | 'pair'> = new Map([
  ['format', 'keywords'],
  ['render', 'keywords'],
  ['substitute', 'keywords'],
  ['safe_substitute', 'keywords'],
  ['replace', 'pair'],
  ['replaceAll', 'pair'],
]);

/** The placeholder name a `.replace` pattern writes (`"{{tone}}"`, `"{tone}"`, `"${tone}"`, `"<tone>"` → `tone`). */
export function placeholderNameOf(pattern: string): string | undefined {
  const name = /^\s*(?:\{\{|\{%|\$\{|\{|<|\[|%\(|\$)\s*([A-Za-z_][\w.]*)\s*(?:\}\}|%\}|\}|>|\]|\)s)?\s*$/.exec(pattern);
  return name?.[1];
}

/**
 * Code that makes one text per item of a list, later joined (`"\n".join(f"- {r}" for r in rules)`,
 * `rules.map((r) => \`- ${r}\`).join("\n")`): the element text is a piece of the prompt the join is part of (sized
 * as one item). Python comprehension node types (their `body` is the element), and JS array methods whose callback
 * returns the element.
 */
export const ELEMENT_COMPREHENSIONS: ReadonlySet<string> = new Set(['generator_expression', 'list_comprehension']);
export const ELEMENT_MAPPERS: ReadonlySet<string> = new Set(['map', 'flatMap']);
