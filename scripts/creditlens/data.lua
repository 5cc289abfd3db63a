-- Data requests (docs/lua-api.md, "Data"): plain descriptions the engine runs after the data stage.
local args = require "creditlens.args"
local expect_table = args.table

local cl = {}

-- Every request takes only the fields it knows: a misspelt field is an error naming the accepted ones.
local function copy_fields(spec, what, fields, request)
  local accepted = {}
  for _, field in ipairs(fields) do accepted[field] = true end
  for key in pairs(spec) do
    if not accepted[key] then
      error(what .. ": unknown field '" .. tostring(key) .. "' (accepted: " .. table.concat(fields, ", ") .. ")", 3)
    end
  end
  for _, field in ipairs(fields) do request[field] = spec[field] end
  return request
end

-- Fields every request over events takes: which days, which events, and the folder rule.
local selection = { "range", "where", "exclude_direct" }

local function with(fields, more)
  local all = {}
  for _, f in ipairs(fields) do all[#all + 1] = f end
  for _, f in ipairs(more) do all[#all + 1] = f end
  return all
end

-- Usage --------------------------------------------------------------------------------------------

-- cl.usage { by = "day"|"week"|"month"|"hour" or a dimension, group = {dimension, ...},
--            range = <range>, where = {dimension = value or {values}}, exclude_direct = bool,
--            cumulative = bool, top = N, zeros = bool, compare = "previous", unit = "credits"|"dollars" }
local grains = { hour = true, day = true, week = true, month = true, none = true }
local usage_fields = with(selection, { "by", "group", "cumulative", "top", "zeros", "compare", "unit" })

function cl.usage(spec)
  spec = expect_table(spec or {}, "cl.usage")
  local request = copy_fields(spec, "cl.usage", usage_fields, { kind = "usage" })
  local group = spec.group or {}
  if type(group) == "string" then group = { group } end
  group = { table.unpack(group) }
  if spec.by and not grains[spec.by] then
    table.insert(group, 1, spec.by)
  else
    request.grain = spec.by
  end
  request.by = nil
  request.group = group
  return request
end

-- Table requests: each gives a table (columns, rows) for cl.table and for layouts to read.

local function table_request(kind, fields)
  return function(spec)
    spec = expect_table(spec or {}, "cl." .. kind)
    return copy_fields(spec, "cl." .. kind, fields, { kind = kind })
  end
end

cl.events = table_request("events", with(selection, { "limit" }))         -- the audit log: every event
cl.runs = table_request("runs", with(selection, { "by", "top" }))          -- per run, source or module
cl.folders = table_request("folders", selection)                           -- the folder tree, rolled up
cl.limits = table_request("limits", {})                                    -- members and projects
cl.credits = table_request("credits", {})                                  -- allocated/consumed/remaining
cl.ledger = table_request("ledger", { "range" })                           -- ledger entries on the range
cl.balances = table_request("balances", { "range" })                       -- end-of-day balances
cl.invoice = table_request("invoice", { "cycle" })                         -- "current", "previous", -2 ...
cl.alerts = table_request("alerts", { "included", "flex" })                -- threshold percents
cl.recommendation = table_request("recommendation", { "bundles", "plans", "cycles" })

return cl
