-- The credit dashboard: where credits went this billing cycle, day by day, month by month, by
-- reason and by user, and (for the whole organisation) by workspace and team vs personal. The API
-- key, folder and user parameters narrow every chart; the cycle KPIs stay the workspace's whole usage.
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
    api_key = cl.param.string { default = "", description = "only usage through this API key" },
    folder = cl.param.string { default = "", description = "only this billing folder and its subfolders" },
    children_only = cl.param.bool { default = false, description = "with folder: leave out the folder's own usage" },
    user = cl.param.string { default = "", description = "only this user's usage" },
  },

  data = function(params, ctx)
    local where = {}
    for _, name in ipairs { "api_key", "folder", "user" } do
      if params[name] ~= "" then where[name] = params[name] end
    end
    local function usage(spec)
      spec.where, spec.exclude_direct = where, params.children_only
      return cl.usage(spec)
    end
    local data = {
      daily = usage { by = "day", range = cl.last_days(30), cumulative = params.cumulative },
      monthly = usage { by = "month", range = cl.last_months(12) },
      categories = usage { group = "category" },
      reason = usage { group = { "category", "feature" } },
      users = usage { group = "user", top = 10 },
    }
    data.credits = cl.credits {}
    if ctx.scope.kind == "organisation" then
      data.workspaces = usage { group = "workspace" }
      data.team_vs_personal = usage { group = "kind" }
    end
    return data
  end,

  layout = function(d, ctx)
    local unit = money_or_credits(ctx)
    local narrowed = {}
    for _, name in ipairs { "api_key", "folder", "user" } do
      if ctx.params[name] ~= "" then narrowed[#narrowed + 1] = name:gsub("_", " ") .. " " .. ctx.params[name] end
    end
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
      cl.text(#narrowed > 0 and ("Only usage of " .. table.concat(narrowed, ", ") ..
                                 (ctx.params.children_only and " (subfolders only)" or "") .. ".")
              or "All usage of the scope."),
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
      cl.hbar { d.users, title = "Usage by user (top 10)" },
    }
    if d.workspaces then
      blocks[#blocks + 1] = cl.hbar { d.workspaces, title = "Usage by workspace" }
      blocks[#blocks + 1] = cl.donut { d.team_vs_personal, title = "Team vs personal" }
    end
    return blocks
  end,
}
