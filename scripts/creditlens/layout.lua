-- Layout blocks (docs/lua-api.md, "Layout"): plain descriptions the engine draws.
local args = require "creditlens.args"
local check, expect_table = args.check, args.table

local cl = {}

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
