-- The Clausier language server, for Neovim 0.11 or later (`:help lsp-config`).
--
-- With this folder on 'runtimepath', `vim.lsp.enable('clausier')` starts `clausier lsp`
-- for `.clause` files, in the pack that holds them (the nearest `pack.toml`) or else the
-- repository. Override any field with `vim.lsp.config('clausier', { ... })`, for instance
-- `cmd = { '/path/to/clausier', 'lsp' }`.
--
-- What the server offers is shown without further setup: the values a rule reads next to
-- it (inlay hints), the check results of the vendors' files above each clause (code
-- lenses, refreshed as the buffer changes) and each diagnostic at the end of its line.

---@param client vim.lsp.Client
---@param buffer integer
local function show_what_the_server_offers(client, buffer)
  if client:supports_method('textDocument/inlayHint') then
    vim.lsp.inlay_hint.enable(true, { bufnr = buffer })
  end
  if client:supports_method('textDocument/codeLens') then
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
end

---@type vim.lsp.Config
return {
  cmd = { 'clausier', 'lsp' },
  filetypes = { 'clausier' },
  root_markers = { 'pack.toml', '.git' },
  on_attach = show_what_the_server_offers,
}
