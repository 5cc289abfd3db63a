-- The credit dashboard: where credits went this billing cycle, day by day, month by month, by
-- reason, and (for the whole organisation) by workspace and team vs personal.
local cl = require "creditlens"

local function money_or_credits(ctx)
  return ctx.unit == "dollars" and "dollars" or "credits"
end

-- Credits left by kind: included this cycle, prepaid grants available now, flex room.
local function credits_left(credits)
  local left = { included = 0, prepaid = 0, flex = 0 }
  for _, row in ipairs(credits.rows) do
    if row.source == "included" then
      left.included = left.included + row.remaining
    elseif row.source:sub(1, 6) == "grant:" and row.state == "available" then
      left.prepaid = left.prepaid + row.remaining
    elseif row.source == "flex" then
      left.flex = left.flex + row.remaining
    end
  end
  return {
    { label = "Included left", value = left.included, unit = "credits" },
    { label = "Prepaid left", value = left.prepaid, unit = "credits" },
    { label = "Flex room left", value = left.flex, unit = "credits", caption = "up to each flex threshold" },
  }
end

return cl.report {
  title = "Credit usage",
  params = {
    range = cl.param.range { default = "billing_month",
                             description = "billing_month, 7d, 30d, 90d or YYYY-MM-DD..YYYY-MM-DD" },
    cumulative = cl.param.bool { default = false, description = "show daily usage as a running total" },
    unit = cl.param.choice { "credits", "dollars", default = "credits",
                             description = "show credits or dollars (the workspace's price per credit)" },
  },

  data = function(params, ctx)
    local data = {
      daily = cl.usage { by = "day", range = cl.last_days(30), cumulative = params.cumulative },
      monthly = cl.usage { by = "month", range = cl.last_months(12) },
      categories = cl.usage { group = "category" },
      reason = cl.usage { group = { "category", "feature" } },
    }
    data.credits = cl.credits {}
    if ctx.scope.kind == "organisation" then
      data.workspaces = cl.usage { group = "workspace" }
      data.team_vs_personal = cl.usage { group = "kind" }
    end
    return data
  end,

  layout = function(d, ctx)
    local unit = money_or_credits(ctx)
    local allowance = unit == "credits" and ctx.plan.allowance or nil
    local blocks = {
      cl.kpis {
        { label = "Used this cycle", value = ctx.cycle.used, unit = "credits" },
        { label = "Included", value = ctx.cycle.included, unit = "credits" },
        { label = "Left", value = ctx.cycle.left, unit = "credits" },
        { label = "Average per day", value = ctx.cycle.average_per_day, unit = "credits" },
        { label = "Resets on", value = ctx.cycle.resets_on or "no plan", unit = "date" },
      },
      cl.kpis(credits_left(d.credits)),
      cl.heading("Usage in " .. ctx.range.label),
      cl.kpis {
        { label = "Total in range", value = d.reason.total, unit = unit },
        { label = "Events", value = d.reason.events, unit = "count" },
      },
      cl.bar { d.daily, title = ctx.params.cumulative and "Daily usage, cumulative (last 30 days)"
                                or "Daily usage (last 30 days)" },
      cl.bar { d.monthly, title = "Monthly usage (last 12 months)", line = allowance,
               line_label = "monthly allowance" },
      cl.pie { d.categories, title = "Usage by category" },
      cl.hbar { d.reason, title = "Usage by reason (feature, grouped by category)" },
    }
    if d.workspaces then
      blocks[#blocks + 1] = cl.hbar { d.workspaces, title = "Usage by workspace" }
      blocks[#blocks + 1] = cl.donut { d.team_vs_personal, title = "Team vs personal" }
    end
    return blocks
  end,
}
