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

-- Charts of series also take reference lines (line =, line_label =, lines = {{ value =, label = }})
-- and notes (notes = {{ at = "<bucket>", text = }}); the engine checks them against the dataset.
local function chart(kind)
  return function(spec)
    expect_table(spec, "cl." .. kind)
    return { type = kind, dataset = dataset_name(spec[1], "cl." .. kind), title = spec.title,
             line = spec.line, line_label = spec.line_label, lines = spec.lines, notes = spec.notes,
             stacked = spec.stacked or false, select = spec.select }
  end
end

-- cl.table { d.ledger, title = "...", columns = { "date", "credits" }, headers = { date = "Day" },
--            total = true }: a table of a billing request; columns default to all, total sums numbers.
-- cl.table { title = "...", columns = { "name", { name = "credits", type = "credits" } }, rows = { ... } }:
-- a table the layout computed itself; rows are { column = value } or lists of values in column order.
function cl.table(spec)
  expect_table(spec, "cl.table")
  if spec.rows ~= nil then
    check(type(spec.rows) == "table" and type(spec.columns) == "table", 2,
          "cl.table with rows needs columns = { ... } and rows = { ... }")
    return { type = "table", title = spec.title, columns = spec.columns, rows = spec.rows,
             headers = spec.headers, total = spec.total or false, exact = spec.exact or false }
  end
  return { type = "table", dataset = dataset_name(spec[1], "cl.table"), title = spec.title,
           columns = spec.columns, headers = spec.headers, total = spec.total or false,
           exact = spec.exact or false }
end

cl.bar = chart("bar")
cl.hbar = chart("hbar")
cl.line = chart("line")
cl.area = chart("area")
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

-- Document settings: the engine checks every field and names the unknown ones.
local function setting(kind)
  return function(spec)
    expect_table(spec, "cl." .. kind)
    local block = {}
    for key, value in pairs(spec) do block[key] = value end
    block.type = kind
    return block
  end
end

-- cl.page { size = "A4"|"Letter", orientation = "portrait"|"landscape" }
cl.page = setting("page")
-- cl.theme { colors = { "#0072B2", ... }, text = "#222222", accent = "#...", font = "DejaVu Serif",
--            logo = "logo.png" }
cl.theme = setting("theme")

-- A container's blocks are its list elements.
local function blocks_of(spec)
  local blocks = {}
  for i, block in ipairs(spec) do blocks[i] = block end
  return blocks
end

-- cl.section { title = "Usage", new_page = false, block, ... }: a heading over its blocks.
function cl.section(spec)
  expect_table(spec, "cl.section")
  check(spec.title == nil or type(spec.title) == "string", 2, "cl.section: title must be text")
  return { type = "section", title = spec.title, new_page = spec.new_page or false, blocks = blocks_of(spec) }
end

-- cl.grid { columns = 2, block, ... }: blocks side by side, `columns` to a row.
function cl.grid(spec)
  expect_table(spec, "cl.grid")
  return { type = "grid", columns = spec.columns, blocks = blocks_of(spec) }
end

return cl
