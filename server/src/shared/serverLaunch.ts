// How the language server's Node process is started, for every launcher this repository controls: the VS Code client
// (client/src/languageClient.ts), the protocol tests and benchmarks (test/protocol/lspHarness.ts), the headless Neovim
// test; docs/design/editor.md gives the same flags to Neovim and Helix users (as NODE_OPTIONS).

/**
 * `--v8-pool-size=1`: one V8 background thread instead of Node's default four. The server is one busy thread; on a
 * 2-core machine four GC/compiler helper threads compete with it for the cores, and each keeps its own malloc arena.
 * Measured with `npm run bench` (server), 5 interleaved runs each on a 2-vCPU machine: keystroke → diagnostics p95
 * 16.3–19.1 ms → 10.6–15.6 ms (medians unchanged, 7.5–10.3 ms), RSS with 50 files open 160 → 147–148 MB.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];
