-- Drives Neovim's own LSP client (0.7 API) against the Prompt Cost server: diagnostics, hover, inlay hints (raw
-- request: 0.7 has no inlay-hint UI) and one quickfix code action. Writes what it saw as JSON to $PCL_OUT.
local result = { steps = {} }
local function step(name) table.insert(result.steps, name) end

local ok, err = pcall(function()
  local server, root, file = os.getenv('PCL_SERVER'), os.getenv('PCL_ROOT'), os.getenv('PCL_FILE')
  local hover_line, hover_col = tonumber(os.getenv('PCL_HOVER_LINE')), tonumber(os.getenv('PCL_HOVER_COL'))
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'python'
  local client_id = vim.lsp.start_client({
    name = 'prompt-cost',
    cmd = { 'node', server, '--stdio' },
    -- The Node flags the VS Code client passes, given as users are told to (docs/design/editor.md).
    cmd_env = { NODE_OPTIONS = os.getenv('PCL_NODE_OPTIONS') },
    root_dir = root,
    settings = { promptCost = { analysisDelayMs = 0 } },
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  assert(vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 10), 'no diagnostics within 20 s')
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { message = d.message, code = d.code, source = d.source, lnum = d.lnum, col = d.col })
  end
  step('diagnostics')

  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = hover_line, character = hover_col } }, 10000)
  for _, res in pairs(hover or {}) do
    if res.result and res.result.contents then result.hover = res.result.contents.value end
  end
  step('hover')

  local hints = vim.lsp.buf_request_sync(bufnr, 'textDocument/inlayHint', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } },
  }, 10000)
  result.inlayHints = {}
  for _, res in pairs(hints or {}) do
    for _, h in ipairs(res.result or {}) do table.insert(result.inlayHints, h.label) end
  end
  step('inlayHint')

  -- A quickfix on the first diagnostic: pick the first action offered.
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local first = vim.diagnostic.get(bufnr)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  vim.ui.select = function(items, opts, on_choice)
    local titles = {}
    for _, item in ipairs(items) do
      local action = item[2] or item
      table.insert(titles, action.title)
    end
    result.codeActionTitles = titles
    on_choice(items[1], 1)
  end
  vim.lsp.buf.code_action({ only = { 'quickfix' } })
  assert(vim.wait(10000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') ~= before
  end, 10), 'code action did not change the buffer')
  result.after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  step('codeAction')
end)

result.ok = ok
if not ok then result.error = tostring(err) end
local out = io.open(os.getenv('PCL_OUT'), 'w')
out:write(vim.fn.json_encode(result))
out:close()
vim.lsp.stop_client(vim.lsp.get_active_clients())
if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
