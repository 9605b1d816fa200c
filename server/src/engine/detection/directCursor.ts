// A tree cursor that calls the tree-sitter runtime's cursor functions directly.
//
// web-tree-sitter keeps a cursor's state in JavaScript and, on every call (gotoFirstChild, nodeTypeId, startIndex…),
// copies it into the runtime's transfer buffer with four generic `setValue` calls and, after a move, back out with
// four `getValue` calls. Copying a 5,000-line file's 40,000 nodes makes ≈ 200,000 such calls, and that copying was
// most of the time of `mirrorTree` (profile in docs/design/detection.md). The runtime's own functions leave the
// moved cursor in the transfer buffer, so a walk that makes no other tree-sitter call in between can keep the state
// there: the cursor is written into the buffer once at the start and read back once at the end.
//
// This relies on two facts of web-tree-sitter 0.25 (the exact version is pinned in package.json): the options object
// given to `Parser.init` becomes the Emscripten module (its `_ts_*` exports and `HEAP32` view), and a cursor is the
// four 32-bit words `cursor[0..3]` of the JavaScript `TreeCursor`. `openDirectCursor` checks both and returns
// undefined when either does not hold, and the caller falls back to the library's cursor (same results, slower);
// test/detection/directCursor.test.ts checks that both walks copy identical trees.
import type { Tree, TreeCursor } from 'web-tree-sitter';

/** The tree-sitter runtime's exports this cursor uses (the Emscripten module object). */
interface RuntimeModule {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
}

const REQUIRED_EXPORTS: (keyof RuntimeModule)[] = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
];

/** Words of cursor state web-tree-sitter copies to and from the transfer buffer. */
const CURSOR_WORDS = 4;

let runtime: RuntimeModule | undefined;
let transferBuffer = 0;
let enabled = true;

/** Called with the options object once `Parser.init(options)` has resolved (see parserRuntime.ts). */
export function useRuntimeModule(candidate: unknown): void {
  const module = candidate as Partial<RuntimeModule> | undefined;
  const complete = !!module && module.HEAP32 instanceof Int32Array && REQUIRED_EXPORTS.every((name) => typeof module[name] === 'function');
  runtime = complete ? (module as RuntimeModule) : undefined;
  // `_ts_init` only returns the buffer's address (and writes the two version words into it, unused from here on).
  transferBuffer = runtime ? runtime._ts_init() : 0;
}

/** Tests switch the direct cursor off to compare both walks. */
export function setDirectCursorEnabled(on: boolean): void {
  enabled = on;
}

/** The subset of `TreeCursor` the tree copy uses; the direct cursor implements it too. */
export interface WalkCursor {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  readonly nodeTypeId: number;
  readonly currentFieldId: number;
  readonly startIndex: number;
  readonly endIndex: number;
}

type CursorWords = Record<number, number>;

export class DirectCursor implements WalkCursor {
  constructor(
    private readonly m: RuntimeModule,
    /** Address of the tree in the runtime's memory (`tree[0]`). */
    private readonly tree: number,
    private readonly library: TreeCursor,
  ) {}

  gotoFirstChild(): boolean {
    return this.m._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
  }

  gotoNextSibling(): boolean {
    return this.m._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
  }

  gotoParent(): boolean {
    return this.m._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
  }

  get nodeTypeId(): number {
    return this.m._ts_tree_cursor_current_node_type_id_wasm(this.tree);
  }

  get currentFieldId(): number {
    return this.m._ts_tree_cursor_current_field_id_wasm(this.tree);
  }

  get startIndex(): number {
    return this.m._ts_tree_cursor_start_index_wasm(this.tree);
  }

  get endIndex(): number {
    return this.m._ts_tree_cursor_end_index_wasm(this.tree);
  }

  /**
   * Copies the state back into the library's cursor (a move may have reallocated the cursor's stack) and deletes it.
   * `HEAP32` is read here, not kept: the view is replaced when the runtime's memory grows.
   */
  delete(): void {
    const heap = this.m.HEAP32;
    const words = this.library as unknown as CursorWords;
    for (let i = 0; i < CURSOR_WORDS; i++) words[i] = heap[(transferBuffer >> 2) + i];
    this.library.delete();
  }
}

/**
 * Makes `cursor` (just created by `node.walk()`) the runtime's current cursor and returns a direct cursor over it, or
 * undefined when the runtime does not have the shape described above. Until the direct cursor is deleted, no other
 * tree-sitter call may be made: it would overwrite the transfer buffer.
 */
export function openDirectCursor(tree: Tree, cursor: TreeCursor): DirectCursor | undefined {
  const m = runtime;
  if (!m || !enabled) return undefined;
  const words = cursor as unknown as CursorWords;
  const treeAddress = (tree as unknown as CursorWords)[0];
  if (typeof treeAddress !== 'number' || !treeAddress) return undefined;
  const heap = m.HEAP32;
  for (let i = 0; i < CURSOR_WORDS; i++) {
    if (typeof words[i] !== 'number') return undefined;
    heap[(transferBuffer >> 2) + i] = words[i];
  }
  return new DirectCursor(m, treeAddress, cursor);
}
