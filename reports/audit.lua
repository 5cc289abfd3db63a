-- The credit consumption audit log: every credit-consuming event in a date range with its exact
-- feature, local time and attribution, oldest first, across as many pages as it takes.
local cl = require "creditlens"

local function filters(params)
  local where = {}
  for _, name in ipairs { "feature", "api_key", "folder", "user", "source", "run" } do
    if params[name] ~= "" then where[name] = params[name] end
  end
  return where
end

return cl.report {
  title = "Credit consumption audit log",
  params = {
    range = cl.param.range { default = "7d", description = "days to list, e.g. 7d or 2026-11-01..2026-11-07" },
    feature = cl.param.string { default = "", description = "only this feature" },
    api_key = cl.param.string { default = "", description = "only this API key" },
    folder = cl.param.string { default = "", description = "only this billing folder and its subfolders" },
    user = cl.param.string { default = "", description = "only this user" },
    source = cl.param.string { default = "", description = "only this workflow/scenario" },
    run = cl.param.string { default = "", description = "only this run" },
    limit = cl.param.number { default = 0, description = "list at most this many events (0 = all)" },
  },

  data = function(params)
    return { log = cl.events { where = filters(params), limit = math.tointeger(params.limit) or 0 } }
  end,

  layout = function(d, ctx)
    local credits = 0
    for _, row in ipairs(d.log.rows) do credits = credits + row.credits end
    local shown = #d.log.rows
    local blocks = {
      cl.page { orientation = "landscape" },  -- the columns need the width
      cl.kpis {
        { label = "Events", value = shown, unit = "count" },
        { label = "Credits", value = credits, unit = "credits" },
      },
    }
    if ctx.params.limit > 0 and shown >= ctx.params.limit then
      blocks[#blocks + 1] = cl.text("Only the first " .. shown .. " events are listed (limit " ..
                                    math.tointeger(ctx.params.limit) .. ").")
    end
    local columns = { "time", "feature", "credits", "user", "api_key", "folder", "source", "run", "id" }
    if ctx.scope.kind == "organisation" then table.insert(columns, 2, "workspace") end
    blocks[#blocks + 1] = cl.table {
      d.log, title = "Events, " .. ctx.range.label .. " (" .. ctx.timezone .. ")", columns = columns,
      headers = { api_key = "API key", time = "Time" }, total = true, exact = true,
    }
    return blocks
  end,
}
