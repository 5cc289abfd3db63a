-- The current billing cycle: credits by feature within each category (Data, Train, Deploy, ...)
-- against the previous cycle, and how close each workspace is to its member and project limits.
local cl = require "creditlens"

local function percent_of(part, whole)
  if whole == 0 then return "—" end
  return string.format("%.1f%%", 100 * part / whole)
end

-- { category = { total, previous, features = { {feature, credits, previous}, ... } }, ... } in the
-- dataset's order (largest category first, largest feature first within it).
local function by_category(features)
  local order, groups = {}, {}
  for _, s in ipairs(features.series) do
    local category, feature = s.keys[1], s.keys[2]
    local group = groups[category]
    if not group then
      group = { name = category, total = 0, previous = 0, features = {} }
      groups[category] = group
      order[#order + 1] = group
    end
    group.total = group.total + s.total
    group.previous = group.previous + (s.previous_total or 0)
    group.features[#group.features + 1] = { feature = feature, credits = s.total, previous = s.previous_total or 0 }
  end
  return order
end

return cl.report {
  title = "Current billing cycle",
  params = {
    unit = cl.param.choice { "credits", "dollars", default = "credits",
                             description = "show credits or dollars (the workspace's price per credit)" },
  },

  data = {
    features = cl.usage { group = { "category", "feature" }, range = "billing_month", compare = "previous" },
    limits = cl.limits {},
  },

  layout = function(d, ctx)
    local unit = ctx.unit
    local blocks = {
      cl.kpis {
        { label = "Used this cycle", value = ctx.cycle.used, unit = "credits" },
        { label = "Included", value = ctx.cycle.included, unit = "credits" },
        { label = "Left", value = ctx.cycle.left, unit = "credits" },
        { label = "Resets on", value = ctx.cycle.resets_on or "no plan", unit = "date" },
      },
      cl.kpis {
        { label = "This cycle so far", value = d.features.total, unit = unit },
        { label = "Previous cycle", value = d.features.previous.total, unit = unit,
          caption = d.features.previous.from .. " – " .. d.features.previous.to },
      },
    }
    local limit_rows = {}
    for _, row in ipairs(d.limits.rows) do
      limit_rows[#limit_rows + 1] = { workspace = row.workspace, resource = row.resource, used = row.used,
                                      limit = row.limit, left = row.left, share = row.percent .. "%" }
    end
    blocks[#blocks + 1] = cl.heading("Limits")
    if #limit_rows == 0 then
      blocks[#blocks + 1] = cl.text("No member or project limits are set.")
    else
      blocks[#blocks + 1] = cl.table {
        columns = { "workspace", "resource", { name = "used", type = "count" }, { name = "limit", type = "count" },
                    { name = "left", type = "count" }, "share" },
        rows = limit_rows,
      }
    end
    blocks[#blocks + 1] = cl.heading("Credits by feature within each category")
    local money = unit == "dollars" and "money" or "credits"
    for _, group in ipairs(by_category(d.features)) do
      local rows = {}
      for _, f in ipairs(group.features) do
        rows[#rows + 1] = { feature = f.feature, used = f.credits, share = percent_of(f.credits, group.total),
                            previous = f.previous }
      end
      blocks[#blocks + 1] = cl.table {
        title = group.name .. " — " .. percent_of(group.total, d.features.total) .. " of the cycle",
        columns = { "feature", { name = "used", type = money }, "share", { name = "previous", type = money } },
        headers = { used = "This cycle", share = "Share of " .. group.name, previous = "Previous cycle" },
        rows = rows,
        total = true,
      }
    end
    if #d.features.series == 0 then blocks[#blocks + 1] = cl.text("No usage in this cycle yet.") end
    return blocks
  end,
}
