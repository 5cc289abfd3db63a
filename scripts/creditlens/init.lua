-- The creditlens report API (docs/lua-api.md). Everything here builds plain descriptions: data
-- requests and layout blocks that the engine runs and draws. Nothing here touches data itself.
local cl = { param = {} }

local function check(cond, level, message)
  if not cond then error(message, level + 1) end
end

local function expect_table(value, what)
  check(type(value) == "table", 3, what .. " expects a table, got " .. type(value))
  return value
end

-- Report ----------------------------------------------------------------------------------------

-- Declares a report: title, params, data (a table of requests, or a function(params, ctx)
-- returning one) and layout (a function(data, ctx) returning a list of blocks).
function cl.report(spec)
  expect_table(spec, "cl.report")
  check(type(spec.title) == "string", 2, "cl.report: title must be a string")
  check(type(spec.layout) == "function", 2, "cl.report: layout must be a function(data, ctx)")
  check(spec.data == nil or type(spec.data) == "table" or type(spec.data) == "function", 2,
        "cl.report: data must be a table or a function(params, ctx)")
  spec.params = spec.params or {}
  spec.__creditlens_report = true
  return spec
end

-- Parameters --------------------------------------------------------------------------------------

local function param(kind)
  return function(spec)
    spec = spec or {}
    spec.type = kind
    return spec
  end
end

cl.param.range = param("range")    -- billing_month, 7d, 30d, 90d, Nd, Nm, YYYY-MM-DD..YYYY-MM-DD
cl.param.bool = param("bool")
cl.param.number = param("number")
cl.param.string = param("string")
-- cl.param.choice { "credits", "dollars", default = "credits" }
function cl.param.choice(spec)
  expect_table(spec, "cl.param.choice")
  local choices = {}
  for i, c in ipairs(spec) do
    check(type(c) == "string", 2, "cl.param.choice: choices must be strings")
    choices[i] = c
    spec[i] = nil
  end
  check(#choices > 0, 2, "cl.param.choice: give at least one choice")
  spec.choices = choices
  spec.type = "choice"
  return spec
end

-- Ranges ------------------------------------------------------------------------------------------

function cl.last_days(n)
  check(math.type(n) == "integer" and n > 0, 2, "cl.last_days expects a whole number of days > 0")
  return n .. "d"
end

function cl.last_months(n)
  check(math.type(n) == "integer" and n > 0, 2, "cl.last_months expects a whole number of months > 0")
  return n .. "m"
end

function cl.between(from, to)
  check(type(from) == "string" and type(to) == "string", 2, "cl.between expects two dates YYYY-MM-DD")
  return from .. ".." .. to
end

-- Data --------------------------------------------------------------------------------------------

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

-- Layout blocks -----------------------------------------------------------------------------------

local function dataset_name(d, what)
  check(type(d) == "table" and type(d.name) == "string", 3,
        what .. " expects a dataset (an entry of the data table) as its first element")
  return d.name
end

local function chart(kind)
  return function(spec)
    expect_table(spec, "cl." .. kind)
    return { type = kind, dataset = dataset_name(spec[1], "cl." .. kind), title = spec.title,
             line = spec.line, line_label = spec.line_label, stacked = spec.stacked or false }
  end
end

-- cl.table { d.ledger, title = "...", columns = { "date", "credits" }, headers = { date = "Day" },
--            total = true }: a table of a billing request; columns default to all, total sums numbers.
function cl.table(spec)
  expect_table(spec, "cl.table")
  return { type = "table", dataset = dataset_name(spec[1], "cl.table"), title = spec.title,
           columns = spec.columns, headers = spec.headers, total = spec.total or false }
end

cl.bar = chart("bar")
cl.hbar = chart("hbar")
cl.pie = chart("pie")
cl.donut = chart("donut")

-- cl.kpis { {label = "Used", value = 12.5, unit = "credits"|"dollars"|"count"|"date"|"text", caption = "..."}, ... }
function cl.kpis(tiles)
  expect_table(tiles, "cl.kpis")
  local out = {}
  for i, t in ipairs(tiles) do
    check(type(t) == "table" and type(t.label) == "string", 2, "cl.kpis: tile " .. i .. " needs a label")
    out[i] = { label = t.label, value = t.value, unit = t.unit or "credits", caption = t.caption }
  end
  return { type = "kpis", tiles = out }
end

function cl.heading(text, level)
  check(type(text) == "string", 2, "cl.heading expects text")
  return { type = "heading", text = text, level = level or 1 }
end

-- Replaces the line under the title (by default: scope, range, as-of date and time zone).
function cl.subtitle(text)
  check(type(text) == "string", 2, "cl.subtitle expects text")
  return { type = "subtitle", text = text }
end

function cl.text(text)
  check(type(text) == "string", 2, "cl.text expects text")
  return { type = "text", text = text }
end

return cl
