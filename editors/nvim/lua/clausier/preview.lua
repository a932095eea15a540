-- `:ClausierPreview`: the cahier des charges of the pack being edited, as `clausier
-- render --format md` words it, in a read-only split beside the clause files, rendered by
-- the server from the unsaved text and rendered again as the drafter types.

local M = {}

M.server_command = 'clausier.preview'

-- How long typing must pause before the preview is rendered again.
local DEBOUNCE_MS = 300

-- One preview per pack, by the folder of its `pack.toml`:
-- `{ buffer, timer, group, client_id, uri }`.
local previews = {}

---@param path string
---@return string?
local function pack_folder(path)
  return vim.fs.root(path, 'pack.toml')
end

---@param buffer integer
---@param lines string[]
local function show(buffer, lines)
  if not vim.api.nvim_buf_is_valid(buffer) then
    return
  end
  vim.bo[buffer].modifiable = true
  vim.api.nvim_buf_set_lines(buffer, 0, -1, false, lines)
  vim.bo[buffer].modifiable = false
end

--- The lines of the preview: the reasons the pack does not compile first, then the last
--- rendering that succeeded.
---@param result { title: string?, markdown: string?, errors: string[]? }
---@return string[]
local function preview_lines(result)
  local lines = {}
  local errors = result.errors or {}
  if #errors > 0 then
    table.insert(lines, '> **The pack does not compile; the preview is the last that did:**')
    for _, reason in ipairs(errors) do
      for index, line in ipairs(vim.split(reason, '\n', { plain = true })) do
        table.insert(lines, (index == 1 and '> - ' or '>   ') .. line)
      end
    end
    table.insert(lines, '')
  end
  if type(result.markdown) == 'string' then
    vim.list_extend(lines, vim.split(result.markdown, '\n', { plain = true }))
  elseif #errors > 0 then
    table.insert(lines, '_No rendering of this pack has succeeded yet._')
  end
  return lines
end

---@param preview table
local function render(preview)
  local client = vim.lsp.get_client_by_id(preview.client_id)
  if not client then
    show(preview.buffer, { '_The Clausier language server has stopped._' })
    return
  end
  client:request('workspace/executeCommand', {
    command = M.server_command,
    arguments = { preview.uri },
  }, function(err, result)
    if err then
      show(preview.buffer, { '> **The preview failed:** ' .. err.message })
    elseif type(result) == 'table' then
      show(preview.buffer, preview_lines(result))
    end
  end)
end

---@param folder string
local function close(folder)
  local preview = previews[folder]
  previews[folder] = nil
  if preview then
    preview.timer:stop()
    preview.timer:close()
    pcall(vim.api.nvim_del_augroup_by_id, preview.group)
  end
end

--- Opens (or renders again) the preview of the pack of the clause file in `source`.
---@param source integer
function M.open(source)
  local path = vim.api.nvim_buf_get_name(source)
  local folder = pack_folder(path)
  local client = vim.lsp.get_clients({ bufnr = source, name = 'clausier' })[1]
  if not folder or not client then
    vim.notify(
      'Clausier: the preview needs a .clause file of a pack (a folder with pack.toml) served by clausier',
      vim.log.levels.WARN
    )
    return
  end
  local existing = previews[folder]
  if existing and vim.api.nvim_buf_is_valid(existing.buffer) then
    existing.uri = vim.uri_from_bufnr(source)
    if vim.fn.bufwinid(existing.buffer) == -1 then
      vim.cmd('vsplit')
      vim.api.nvim_win_set_buf(0, existing.buffer)
      vim.cmd('wincmd p')
    end
    render(existing)
    return
  end

  local buffer = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_name(buffer, 'clausier-preview://' .. folder)
  vim.bo[buffer].bufhidden = 'wipe'
  vim.bo[buffer].filetype = 'markdown'
  vim.bo[buffer].modifiable = false
  local preview = {
    buffer = buffer,
    timer = assert(vim.uv.new_timer()),
    group = vim.api.nvim_create_augroup('clausier-preview-' .. folder, { clear = true }),
    client_id = client.id,
    uri = vim.uri_from_bufnr(source),
  }
  previews[folder] = preview
  vim.api.nvim_create_autocmd({ 'TextChanged', 'InsertLeave' }, {
    group = preview.group,
    pattern = '*.clause',
    callback = function(event)
      if pack_folder(vim.api.nvim_buf_get_name(event.buf)) ~= folder then
        return
      end
      preview.timer:stop()
      preview.timer:start(DEBOUNCE_MS, 0, vim.schedule_wrap(function()
        render(preview)
      end))
    end,
  })
  vim.api.nvim_create_autocmd('BufWipeout', {
    group = preview.group,
    buffer = buffer,
    callback = function()
      vim.schedule(function()
        close(folder)
      end)
    end,
  })

  vim.cmd('vsplit')
  vim.api.nvim_win_set_buf(0, buffer)
  vim.cmd('wincmd p')
  render(preview)
end

return M
