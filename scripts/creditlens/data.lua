-- Data requests (docs/lua-api.md, "Data"): plain descriptions the engine runs after the data stage.
local args = require "creditlens.args"
local expect_table = args.table

local cl = {}

-- Usage --------------------------------------------------------------------------------------------

-- A usage request: { by = "day"|"week"|"month"|"hour"|nil, group = {dimension, ...},
-- range = <range>, where = {dimension = value or {values}}, cumulative = bool, top = N,
-- unit = "credits"|"dollars" }. `by` may also name a dimension when no time grain is wanted.
local grains = { hour = true, day = true, week = true, month = true, none = true }

function cl.usage(spec)
  expect_table(spec or {}, "cl.usage")
  spec = spec or {}
  local request = { kind = "usage", range = spec.range, cumulative = spec.cumulative or false,
                    top = spec.top or 0, unit = spec.unit, where = spec.where }
  local group = spec.group or {}
  if type(group) == "string" then group = { group } end
  if spec.by and not grains[spec.by] then
    table.insert(group, 1, spec.by)
  else
    request.grain = spec.by
  end
  request.group = group
  return request
end

-- Billing requests: each gives a table (columns, rows) for cl.table and for layouts to read.

local function billing(kind, fields)
  return function(spec)
    spec = spec or {}
    expect_table(spec, "cl." .. kind)
    local request = { kind = kind }
    for _, field in ipairs(fields) do request[field] = spec[field] end
    return request
  end
end

cl.credits = billing("credits", {})                     -- allocated/consumed/remaining per source
cl.ledger = billing("ledger", { "range" })              -- every ledger entry on the range's days
cl.balances = billing("balances", { "range" })          -- end-of-day balances
cl.invoice = billing("invoice", { "cycle" })            -- "current" (draft), "previous", or -2, -3 ... back
cl.alerts = billing("alerts", { "included", "flex" })   -- threshold percents, e.g. { 80, 100 }
cl.recommendation = billing("recommendation", { "bundles", "plans", "cycles" })  -- flex vs bundles vs plan

return cl
