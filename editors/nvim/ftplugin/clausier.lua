-- Editing settings for Clausier files, in the layout of `clausier fmt`.
if vim.fn.has('nvim-0.11') == 0 then
  vim.notify_once(
    'Clausier: the language server needs Neovim 0.11 or later (this is '
      .. string.format('%d.%d', vim.version().major, vim.version().minor)
      .. '); highlighting and editing settings still apply',
    vim.log.levels.WARN
  )
end
vim.bo.commentstring = '// %s'
vim.bo.comments = ':///,://'
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
-- Clause ids such as `HEB-01` and pack names such as `edtech-fr` are one word.
vim.opt_local.iskeyword:append('-')

vim.b.undo_ftplugin = (vim.b.undo_ftplugin and vim.b.undo_ftplugin .. ' | ' or '')
  .. 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword<'
