-- `.clause` files are Clausier files.
vim.filetype.add({ extension = { clause = 'clausier' } })
