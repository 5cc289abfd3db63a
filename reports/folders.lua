-- The billing folder tree: each folder's own usage and its usage rolled up with every subfolder.
-- `folder` narrows the tree to one subtree; `children_only` leaves out that folder's own usage.
local cl = require "creditlens"

local function last_part(path)
  return path:match("([^/]+)$") or path
end

return cl.report {
  title = "Usage by billing folder",
  params = {
    range = cl.param.range { default = "billing_month", description = "billing_month, 7d, 30d, 90d or YYYY-MM-DD..YYYY-MM-DD" },
    folder = cl.param.string { default = "", description = "show only this folder and its subfolders, e.g. /prod" },
    children_only = cl.param.bool { default = false, description = "leave out the folder's own (direct) usage" },
  },

  data = function(params)
    local where = params.folder ~= "" and { folder = params.folder } or nil
    return {
      tree = cl.folders { where = where, exclude_direct = params.children_only },
      top = cl.usage { group = "folder", where = where, exclude_direct = params.children_only, top = 10 },
    }
  end,

  layout = function(d, ctx)
    local rows, top_level = {}, 0
    for _, node in ipairs(d.tree.rows) do
      local indent = string.rep("    ", math.max(node.depth - 1, 0))
      rows[#rows + 1] = { folder = indent .. (node.depth > 0 and last_part(node.folder) or node.folder),
                          path = node.folder, direct = node.direct, rolled_up = node.rolled_up, events = node.events }
      if node.depth <= 1 then top_level = top_level + node.rolled_up end
    end
    local scope = ctx.params.folder ~= "" and (" under " .. ctx.params.folder) or ""
    return {
      cl.kpis {
        { label = "Total" .. scope, value = top_level, unit = "credits" },
        { label = "Folders", value = #rows, unit = "count" },
      },
      cl.hbar { d.top, title = "Direct usage, top folders" },
      cl.table {
        title = "Folder tree" .. (ctx.params.children_only and " (subfolders only)" or ""),
        columns = { "folder", "path", { name = "direct", type = "credits" }, { name = "rolled_up", type = "credits" },
                    { name = "events", type = "count" } },
        headers = { direct = "Direct", rolled_up = "With subfolders" },
        rows = rows,
      },
    }
  end,
}
