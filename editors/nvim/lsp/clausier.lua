-- The Clausier language server, for Neovim 0.11 or later (`:help lsp-config`).
--
-- With this folder on 'runtimepath', `vim.lsp.enable('clausier')` starts one `clausier
-- lsp` for the whole workspace (the repository, else the outermost folder holding a
-- `pack.toml`): every pack and vendor file of it shares that server, which finds the packs
-- itself. Vendor descriptors (JSON, YAML, TOML, CSV) get the server only in a workspace
-- that holds a pack. Override any field with `vim.lsp.config('clausier', { ... })`, for
-- instance `cmd = { '/path/to/clausier', 'lsp' }` or
-- `init_options = { date = '2027-03-15', language = 'en' }`.
--
-- What the server offers is shown without further setup: the values a rule reads next to
-- it (inlay hints), the check results of the vendors' files above each clause (code
-- lenses, refreshed as the buffer changes; `vim.lsp.codelens.run()` on one lists the
-- failing vendors in the quickfix list), each diagnostic at the end of its line, and
-- `:ClausierPreview`, the pack's cahier des charges beside the clause files.

local failing_vendors = require('clausier.failing_vendors')
local preview = require('clausier.preview')
local workspace = require('clausier.workspace')

-- The lens command is the client's to run (the server does not advertise it).
vim.lsp.commands[failing_vendors.lens_command] = failing_vendors.show

---@param client vim.lsp.Client
---@param buffer integer
local function show_what_the_server_offers(client, buffer)
  if client:supports_method('textDocument/inlayHint') then
    vim.lsp.inlay_hint.enable(true, { bufnr = buffer })
  end
  local clause_file = vim.bo[buffer].filetype == 'clausier'
  -- The check lens stands above requirements: vendor files have none.
  if clause_file and client:supports_method('textDocument/codeLens') then
    vim.lsp.codelens.refresh({ bufnr = buffer })
    vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost', 'CursorHold' }, {
      buffer = buffer,
      group = vim.api.nvim_create_augroup('clausier-codelens-' .. buffer, { clear = true }),
      callback = function()
        vim.lsp.codelens.refresh({ bufnr = buffer })
      end,
    })
  end
  vim.diagnostic.config({ virtual_text = true }, vim.lsp.diagnostic.get_namespace(client.id))
  if clause_file then
    vim.api.nvim_buf_create_user_command(buffer, 'ClausierPreview', function()
      preview.open(buffer)
    end, { desc = "The pack's cahier des charges, beside the clause files" })
  end
end

--- The server asks for the lenses again when its results change, for instance after a
--- vendor file changed, saved or not; Neovim 0.11 neither offers nor handles this request
--- by itself, so the lenses of every clause file it serves would otherwise stay stale.
---@param context lsp.HandlerContext
local function refresh_lenses(_, _, context)
  local client = vim.lsp.get_client_by_id(context.client_id)
  for buffer in pairs(client and client.attached_buffers or {}) do
    if vim.api.nvim_buf_is_loaded(buffer) and vim.bo[buffer].filetype == 'clausier' then
      vim.lsp.codelens.refresh({ bufnr = buffer })
    end
  end
  return vim.NIL
end

---@type vim.lsp.Config
return {
  cmd = { 'clausier', 'lsp' },
  filetypes = vim.list_extend({ 'clausier' }, workspace.descriptor_filetypes),
  root_dir = workspace.root_dir,
  reuse_client = workspace.reuse_client,
  on_attach = show_what_the_server_offers,
  capabilities = { workspace = { codeLens = { refreshSupport = true } } },
  handlers = { ['workspace/codeLens/refresh'] = refresh_lenses },
}
