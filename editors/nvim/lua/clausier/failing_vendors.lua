-- The command of the check lens above a requirement: the server answers where each
-- descriptor that fails the requirement, or lacks data for it, is; they go to the
-- quickfix list, so that `vim.lsp.codelens.run()` on a lens jumps to the failing vendors.

local M = {}

-- The command the server puts on a lens, `{ uri, position, clauseId }`, handled here, and
-- the server's command it calls, `{ uri, clauseId }` → `Location[]`.
M.lens_command = 'clausier.showFailingVendors'
M.server_command = 'clausier.failingVendors'

---@param command lsp.Command
---@param context { bufnr: integer, client_id: integer }
function M.show(command, context)
  local arguments = command.arguments or {}
  local uri, clause = arguments[1], arguments[3]
  local client = vim.lsp.get_client_by_id(context.client_id)
  if type(uri) ~= 'string' or type(clause) ~= 'string' or not client then
    vim.notify(
      ('Clausier: the lens command %s came without a file and a requirement id'):format(
        M.lens_command
      ),
      vim.log.levels.ERROR
    )
    return
  end
  client:request('workspace/executeCommand', {
    command = M.server_command,
    arguments = { uri, clause },
  }, function(err, locations)
    if err then
      vim.notify(
        ('Clausier: the failing vendors of %s are unknown: %s'):format(clause, err.message),
        vim.log.levels.ERROR
      )
      return
    end
    if type(locations) ~= 'table' or #locations == 0 then
      vim.notify(('Clausier: no vendor fails %s or lacks its data'):format(clause))
      return
    end
    vim.fn.setqflist({}, ' ', {
      title = ('Clausier: vendors failing %s'):format(clause),
      items = vim.lsp.util.locations_to_items(locations, client.offset_encoding),
    })
    vim.cmd('botright copen')
  end, context.bufnr)
end

return M
