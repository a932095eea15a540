-- Driven by neovim.rs: the shipped Neovim configuration (editors/nvim, on 'runtimepath'
-- before startup) with only `cmd` changed, in a copy of tests/neovim/workspace, Neovim's
-- working folder. Each wait is bounded; what was seen is written as JSON to
-- $CLAUSIER_NVIM_OUTPUT for the Rust side to judge, and Neovim quits.
--
-- $CLAUSIER_NVIM_SCENARIO is `session` (lens counts on opening, one client for both
-- packs, the lens command's quickfix list, a vendor file edited in Neovim, a vendor file
-- changed on disk, the preview) or `vendor` (a
-- fresh Neovim opening an unrelated JSON file, then a vendor file alone).

local workspace = assert(os.getenv('CLAUSIER_NVIM_WORKSPACE'))
local output = assert(os.getenv('CLAUSIER_NVIM_OUTPUT'))
local scenario = assert(os.getenv('CLAUSIER_NVIM_SCENARIO'))
local unrelated = assert(os.getenv('CLAUSIER_NVIM_UNRELATED'))
local WAIT_MS = 5000
-- Neovim starts (or declines to start) a server as the buffer gets its filetype: a short
-- wait is enough to see that none came.
local NONE_EXPECTED_MS = 500

vim.lsp.config('clausier', { cmd = { assert(os.getenv('CLAUSIER_BIN')), 'lsp' } })
vim.lsp.enable('clausier')

local findings = { notifications = {} }

-- What the configuration tells the user (for instance "no vendor fails …").
vim.notify = function(message, level)
  table.insert(findings.notifications, { message = tostring(message), level = level or 0 })
end
vim.notify_once = vim.notify

local function wait(condition, limit_ms)
  local started = vim.uv.hrtime()
  local ok = vim.wait(limit_ms or WAIT_MS, condition, 25)
  return ok, math.floor((vim.uv.hrtime() - started) / 1e6)
end

local function clausier_clients(buffer)
  return vim.lsp.get_clients({ name = 'clausier', bufnr = buffer })
end

local function open(relative)
  vim.cmd.edit(vim.fn.fnameescape(relative))
  return vim.api.nvim_get_current_buf()
end

--- The lenses of `buffer` by the text their range covers (the requirement's id).
local function lenses(buffer)
  local found = {}
  for _, lens in ipairs(vim.lsp.codelens.get(buffer)) do
    local line = vim.api.nvim_buf_get_lines(buffer, lens.range.start.line, lens.range.start.line + 1, false)[1]
      or ''
    local id = line:sub(lens.range.start.character + 1, lens.range['end'].character)
    found[id] = {
      line = lens.range.start.line + 1,
      title = lens.command and lens.command.title or '',
      command = lens.command and lens.command.command or '',
      arguments = lens.command and lens.command.arguments or vim.NIL,
    }
  end
  return found
end

local function with_counts(buffer)
  for _, lens in pairs(lenses(buffer)) do
    if lens.title:find('✓', 1, true) then
      return true
    end
  end
  return false
end

local function titles(buffer)
  local out = vim.empty_dict()
  for id, lens in pairs(lenses(buffer)) do
    out[id] = lens.title
  end
  return out
end

--- The lines of the preview of the pack, if one is shown.
local function preview_lines()
  for _, window in ipairs(vim.api.nvim_list_wins()) do
    local buffer = vim.api.nvim_win_get_buf(window)
    if vim.startswith(vim.api.nvim_buf_get_name(buffer), 'clausier-preview://') then
      return buffer, vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
    end
  end
  return nil, {}
end

local function preview_holds(text)
  local _, lines = preview_lines()
  for _, line in ipairs(lines) do
    if line:find(text, 1, true) then
      return true
    end
  end
  return false
end

-- (f) `:ClausierPreview` shows the pack's cahier des charges, and follows unsaved edits.
local function preview(requirements)
  vim.api.nvim_set_current_buf(requirements)
  vim.cmd('ClausierPreview')
  local shown = wait(function()
    return preview_holds("HEB-01 — Hébergement des données dans l'UE")
  end)
  local buffer, lines = preview_lines()
  findings.preview = { shown = shown, first_lines = vim.list_slice(lines, 1, 12) }
  if buffer then
    findings.preview.filetype = vim.bo[buffer].filetype
    findings.preview.modifiable = vim.bo[buffer].modifiable
  end
  if not shown then
    return
  end
  local line = vim.fn.search('requirement HEB-01', 'nw')
  local text = vim.api.nvim_buf_get_lines(requirements, line - 1, line, false)[1]
  vim.api.nvim_buf_set_lines(requirements, line - 1, line, false, {
    (text:gsub("dans l'UE", 'en Europe')),
  })
  -- Neovim fires TextChanged when it is back in Normal mode waiting for keys, which a
  -- script never is: the script fires it as Neovim would after that edit.
  vim.api.nvim_exec_autocmds('TextChanged', { buffer = requirements })
  findings.preview.followed = wait(function()
    return preview_holds('HEB-01 — Hébergement des données en Europe')
  end)
end

local function session()
  -- (a) The lens counts show on opening, with no refresh asked by hand.
  local requirements = open('national/exigences.clause')
  local attached = wait(function()
    return #clausier_clients(requirements) > 0
  end)
  local shown, waited = wait(function()
    return with_counts(requirements)
  end)
  findings.lens_on_open = { attached = attached, shown = shown, waited_ms = waited, titles = titles(requirements) }

  -- (d) The second pack goes to the same server, which is told of its folder if new.
  local consultation = open('region/consultation.clause')
  wait(function()
    return #clausier_clients(consultation) > 0
  end)
  local folders = {}
  for _, client in ipairs(vim.lsp.get_clients({ name = 'clausier' })) do
    for _, folder in ipairs(client.workspace_folders or {}) do
      table.insert(folders, vim.uri_to_fname(folder.uri))
    end
  end
  findings.one_client = {
    clients = #vim.lsp.get_clients({ name = 'clausier' }),
    serves_national = #clausier_clients(requirements),
    serves_region = #clausier_clients(consultation),
    folders = folders,
  }

  -- (e) Running the lens of a failing requirement fills the quickfix list.
  vim.api.nvim_set_current_buf(requirements)
  local lens = lenses(requirements)['PRX-01']
  findings.lens_command = { lens = lens or vim.NIL }
  if lens then
    vim.api.nvim_win_set_cursor(0, { lens.line, 0 })
    vim.lsp.codelens.run()
    local filled = wait(function()
      return #vim.fn.getqflist() > 0
    end)
    local items = {}
    for _, item in ipairs(vim.fn.getqflist()) do
      table.insert(items, { file = vim.api.nvim_buf_get_name(item.bufnr), line = item.lnum })
    end
    findings.lens_command.filled = filled
    findings.lens_command.items = items
    -- Back to the clause file's window, as a drafter would after reading the list.
    vim.cmd('cclose')
  end

  -- A vendor file edited in Neovim, not saved, changes the counts of the clause file,
  -- which is not in view: the server asks for the lenses again.
  local before_edit = titles(requirements)
  local offer = open('offres/c-incomplet.json')
  wait(function()
    return #clausier_clients(offer) > 0
  end)
  local line = vim.fn.search('"accessibility"', 'nw')
  vim.api.nvim_buf_set_lines(offer, line - 1, line - 1, false, { '  "pricing": { "per_student": 5 },' })
  local refreshed, refreshed_after = wait(function()
    local now = titles(requirements)
    return now['PRX-01'] ~= nil and now['PRX-01'] ~= before_edit['PRX-01']
  end)
  findings.vendor_edit = {
    refreshed = refreshed,
    waited_ms = refreshed_after,
    before = before_edit,
    after = titles(requirements),
  }

  -- (c) A vendor file written on disk, not through Neovim, changes the counts.
  vim.api.nvim_set_current_buf(requirements)
  local before = titles(requirements)
  local vendor = io.open(workspace .. '/offres/b-hors-ue.json', 'w')
  vendor:write(
    '{\n  "id": "b-hors-ue",\n  "name": "Hors UE",\n  "hosting": { "region": "EU", "country": "FR" },\n'
      .. '  "pricing": { "per_student": 7 },\n  "accessibility": { "rgaa_rate": 80 }\n}\n'
  )
  vendor:close()
  local changed, changed_after = wait(function()
    local now = titles(requirements)
    return now['HEB-01'] ~= nil and now['HEB-01'] ~= before['HEB-01']
  end)
  findings.disk_change = {
    changed = changed,
    waited_ms = changed_after,
    before = before,
    after = titles(requirements),
  }

  preview(requirements)
end

local function vendor()
  -- An unrelated JSON file, in a folder with no pack, starts no server.
  local other = open(unrelated)
  wait(function()
    return #clausier_clients(other) > 0
  end, NONE_EXPECTED_MS)
  findings.unrelated = {
    filetype = vim.bo[other].filetype,
    clients = #vim.lsp.get_clients({ name = 'clausier' }),
  }

  -- (b) A vendor file outside the packs, opened alone, gets its diagnostics (a value its
  -- pack's enum does not know).
  local buffer = open('offres/d-invalide.json')
  local attached = wait(function()
    return #clausier_clients(buffer) > 0
  end)
  local got, waited = wait(function()
    return #vim.diagnostic.get(buffer) > 0
  end)
  local diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(diagnostics, {
      line = diagnostic.lnum + 1,
      source = diagnostic.source or vim.NIL,
      code = diagnostic.code or vim.NIL,
      message = diagnostic.message,
    })
  end
  local folders = {}
  for _, client in ipairs(clausier_clients(buffer)) do
    for _, folder in ipairs(client.workspace_folders or {}) do
      table.insert(folders, vim.uri_to_fname(folder.uri))
    end
  end
  findings.vendor_alone = {
    filetype = vim.bo[buffer].filetype,
    attached = attached,
    folders = folders,
    got = got,
    waited_ms = waited,
    diagnostics = diagnostics,
  }
end

local ok, err = xpcall(function()
  vim.cmd.cd(vim.fn.fnameescape(workspace))
  if scenario == 'session' then
    session()
  elseif scenario == 'vendor' then
    vendor()
  else
    error('unknown scenario ' .. scenario)
  end
end, debug.traceback)
if not ok then
  findings.error = err
end
findings.nvim = tostring(vim.version())
local file = assert(io.open(output, 'w'))
file:write(vim.json.encode(findings))
file:close()
vim.cmd('qall!')
