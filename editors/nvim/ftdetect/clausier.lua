-- `.clause` files are Clausier files.
vim.filetype.add({ extension = { clause = 'clausier' } })
-- Neovim 0.7 detects filetypes with filetype.vim, which reads no `vim.filetype.add` table:
-- without this, a `.clause` file there would get no filetype, and so not the ftplugin's
-- word that the language server needs Neovim 0.11.
if vim.fn.has('nvim-0.8') == 0 then
  vim.cmd('autocmd BufNewFile,BufRead *.clause setfiletype clausier')
end
