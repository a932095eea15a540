-- The Clausier language server, for Neovim 0.11 or later (`:help lsp-config`).
--
-- With this folder on 'runtimepath', `vim.lsp.enable('clausier')` starts `clausier lsp`
-- for `.clause` files, in the pack that holds them (the nearest `pack.toml`) or else the
-- repository. Override any field with `vim.lsp.config('clausier', { ... })`, for instance
-- `cmd = { '/path/to/clausier', 'lsp' }`.

---@type vim.lsp.Config
return {
  cmd = { 'clausier', 'lsp' },
  filetypes = { 'clausier' },
  root_markers = { 'pack.toml', '.git' },
}
