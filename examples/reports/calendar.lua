-- Daily usage over the last 90 days as a calendar heat map: a report using a chart module written
-- in Lua with cl.canvas (examples/charts/calendar_heatmap.lua).
--
--   creditlens report examples/reports/calendar.lua --lib-path examples/charts -o calendar.pdf
local cl = require "creditlens"
local heatmap = require "calendar_heatmap"

return cl.report {
  title = "Daily usage calendar",
  data = { daily = cl.usage { by = "day", range = cl.last_days(90) } },
  layout = function(d, ctx)
    return {
      cl.kpis {
        { label = "Total, last 90 days", value = d.daily.total, unit = ctx.unit },
        { label = "Events", value = d.daily.events, unit = "count" },
      },
      heatmap { d.daily, title = "Credits per day, last 90 days" },
    }
  end,
}
