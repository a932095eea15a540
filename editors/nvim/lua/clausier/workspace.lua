-- Which workspace a buffer belongs to, so that one `clausier lsp` serves every pack and
-- vendor file of it: the server finds the packs under its workspace folders itself.

local M = {}

-- The vendors' descriptor formats Neovim gives a filetype to. Spreadsheets (`.xlsx`,
-- `.ods`) are not edited in Neovim: the server reads them from disk.
M.descriptor_filetypes = { 'json', 'yaml', 'toml', 'csv' }

-- How far below a workspace's root a `pack.toml` is looked for, and how many entries are
-- read at most, so that opening a JSON file in a large repository stays instant.
local SEARCH_DEPTH = 4
local SEARCH_ENTRIES = 5000

-- Folders never holding a pack worth serving: hidden ones (`.git`), and build outputs.
local SKIPPED_FOLDERS = { node_modules = true, target = true }

---@param path string
---@param folder string
---@return boolean
local function is_inside(path, folder)
  return path == folder or vim.startswith(path, folder:gsub('/$', '') .. '/')
end

-- The roots already known to hold a pack. Only positive answers are kept: a pack created
-- later is still found when the next vendor file is opened.
local holding_a_pack = {}

--- Whether a `pack.toml` lies in `root` or at most `SEARCH_DEPTH` folders below it.
---@param root string
---@return boolean
function M.holds_a_pack(root)
  if holding_a_pack[root] then
    return true
  end
  local read = 0
  for name, kind in
    vim.fs.dir(root, {
      depth = SEARCH_DEPTH,
      skip = function(folder)
        local base = vim.fs.basename(folder)
        return not (vim.startswith(base, '.') or SKIPPED_FOLDERS[base])
      end,
    })
  do
    if kind == 'file' and vim.fs.basename(name) == 'pack.toml' then
      holding_a_pack[root] = true
      return true
    end
    read = read + 1
    if read >= SEARCH_ENTRIES then
      return false
    end
  end
  return false
end

--- The workspace of the file at `path`: its repository (the folder holding `.git`), else
--- the outermost folder above it holding a `pack.toml` (a pack's dependencies usually sit
--- beside it, under a common parent that is a pack or a repository), else Neovim's
--- working folder when the file is inside it.
---@param path string
---@return string?
function M.root(path)
  local repository = vim.fs.root(path, '.git')
  if repository then
    return repository
  end
  local manifests = vim.fs.find('pack.toml', {
    path = vim.fs.dirname(path),
    upward = true,
    type = 'file',
    limit = math.huge,
  })
  if #manifests > 0 then
    return vim.fs.dirname(manifests[#manifests])
  end
  local working = vim.fn.getcwd()
  if is_inside(path, working) then
    return working
  end
  return nil
end

--- `root_dir` of the server's configuration (`:help lsp-root_dir()`): a `.clause` file
--- always gets a server, rooted at its workspace or else its own folder; a vendor file only
--- when its workspace holds a pack, so that editing an unrelated JSON file never starts
--- `clausier`.
---@param buffer integer
---@param on_dir fun(root_dir?: string)
function M.root_dir(buffer, on_dir)
  local path = vim.api.nvim_buf_get_name(buffer)
  if path == '' or path:match('^%a[%w+.-]*://') then
    return -- an unnamed buffer or one that is not a file: nothing to serve
  end
  path = vim.fs.normalize(vim.fn.fnamemodify(path, ':p'))
  local root = M.root(path)
  if vim.bo[buffer].filetype == 'clausier' then
    on_dir(root or vim.fs.dirname(path))
  elseif root and M.holds_a_pack(root) then
    on_dir(root)
  end
end

--- `reuse_client` of the server's configuration: every buffer goes to the one running
--- `clausier` server. Neovim 0.11 attaches a reused client without telling the server of
--- the new root, so a root it does not know yet, and that is not inside one of its
--- folders, is added as a workspace folder here.
---@param client vim.lsp.Client
---@param config vim.lsp.ClientConfig
---@return boolean
function M.reuse_client(client, config)
  if client.name ~= config.name or client:is_stopped() then
    return false
  end
  local root = config.root_dir
  if type(root) ~= 'string' then
    return true
  end
  for _, folder in ipairs(client.workspace_folders or {}) do
    if is_inside(root, vim.uri_to_fname(folder.uri)) then
      return true
    end
  end
  local added = { { uri = vim.uri_from_fname(root), name = root } }
  client:notify('workspace/didChangeWorkspaceFolders', {
    event = { added = added, removed = {} },
  })
  client.workspace_folders = vim.list_extend(client.workspace_folders or {}, added)
  return true
end

return M
