-- One graph per feature over time. With `zeros`, features the workspace has used before but not in
-- this range still get their (flat) graph, so a stopped feature is seen, not missed.
local cl = require "creditlens"

return cl.report {
  title = "Usage graphs by feature",
  params = {
    range = cl.param.range { default = "30d", description = "7d, 30d, 90d, billing_month or YYYY-MM-DD..YYYY-MM-DD" },
    grain = cl.param.choice { "day", "week", "month", "hour", default = "day", description = "time grain of the graphs" },
    zeros = cl.param.bool { default = false, description = "also graph features with no usage in the range" },
  },

  data = function(params)
    return { features = cl.usage { by = params.grain, group = "feature", zeros = params.zeros } }
  end,

  layout = function(d, ctx)
    local blocks = {
      cl.kpis {
        { label = "Total", value = d.features.total, unit = "credits" },
        { label = "Features", value = #d.features.series, unit = "count" },
      },
    }
    for _, series in ipairs(d.features.series) do
      local title = series.label
      if series.total == 0 then title = title .. " (no usage in range)" end
      blocks[#blocks + 1] = cl.bar { d.features, select = { feature = series.keys[1] }, title = title }
    end
    if #d.features.series == 0 then blocks[#blocks + 1] = cl.text("No usage in this period.") end
    return blocks
  end,
}
