-- Custom drawings (docs/lua-api.md, "Canvas"): cl.canvas records paths, fills, strokes and text as a
-- list of drawing operations, which the engine draws in the report's font, clipped to the block. The
-- recorder is the layout block itself: { type = "canvas", width, height, title, ops }, its ops kept as
-- JSON text as they are recorded (half a million of them fit in the sandbox's memory that way).
local args = require "creditlens.args"
local json = require "creditlens.json"
local layout_page = require "creditlens.layout_page"
local check, expect_table, finite, show = args.check, args.table, args.finite, args.show

local MAX_SIZE = 10000  -- the largest width or height, as the engine accepts it

local Canvas = {}
Canvas.__index = Canvas

-- Saves not restored yet, by canvas (kept outside the block, which goes to the engine as it is).
local open_saves = setmetatable({}, { __mode = "k" })

-- The checks below run inside a Canvas method, so error level 3 names the line that called the
-- method. They build a message only on failure: a canvas may record half a million operations.

local function method(self, name)
  if getmetatable(self) ~= Canvas then
    error("canvas:" .. name .. " must be called with a colon: c:" .. name .. "(...)", 3)
  end
end

local function numbers(name, fields, ...)
  for i, field in ipairs(fields) do
    local value = select(i, ...)
    if not finite(value) then
      error("canvas:" .. name .. ": " .. field .. " must be a finite number, got " .. show(value), 3)
    end
  end
end

-- Options: what each accepts, as a test and its description.
local function choice(...)
  local names = { ... }
  local set = {}
  for _, name in ipairs(names) do set[name] = true end
  return { test = function(v) return set[v] ~= nil end, expects = "one of " .. table.concat(names, ", ") }
end

local function dash_lengths(v)
  if type(v) ~= "table" or #v > 16 then return false end
  local count, sum = 0, 0
  for _, length in pairs(v) do
    if not finite(length) or length < 0 then return false end
    count, sum = count + 1, sum + length
  end
  return count == #v and (count == 0 or sum > 0)
end

local function between(low, high)
  return { test = function(v) return finite(v) and v >= low and v <= high end,
           expects = "a number from " .. low .. " to " .. high }
end

local option = {
  color = { test = args.color, expects = "a colour #rrggbb" },
  alpha = between(0, 1),
  width = between(0, 1000),
  dash = { test = dash_lengths, expects = "a list of up to 16 lengths >= 0, not all 0, e.g. { 4, 3 }" },
  flag = { test = function(v) return type(v) == "boolean" end, expects = "true or false" },
  size = between(0.5, 200),
  align = choice("left", "center", "right"),
  valign = choice("top", "middle", "baseline", "bottom"),
  degrees = { test = finite, expects = "a finite number of degrees" },
}

local fill_options = { color = option.color, alpha = option.alpha, keep = option.flag }
local stroke_options = { color = option.color, alpha = option.alpha, width = option.width, dash = option.dash,
                         keep = option.flag }
local text_options = { size = option.size, bold = option.flag, color = option.color, align = option.align,
                       valign = option.valign, rotate = option.degrees }

local function accepted(spec)
  local names = {}
  for name in pairs(spec) do names[#names + 1] = name end
  table.sort(names)
  return table.concat(names, ", ")
end

-- Checks an options table against spec; returns it (or {} for nil).
local function options(name, given, spec)
  if given == nil then return {} end
  if type(given) ~= "table" then
    error("canvas:" .. name .. " expects a table of options, got " .. show(given), 3)
  end
  for key, value in pairs(given) do
    local kind = spec[key]
    if not kind then
      error("canvas:" .. name .. ": unknown option " .. show(key) .. " (accepted: " .. accepted(spec) .. ")",
            3)
    end
    if not kind.test(value) then
      error("canvas:" .. name .. ": " .. key .. " must be " .. kind.expects .. ", got " .. show(value), 3)
    end
  end
  return given
end

local function record(self, encoded_op)
  local items = self.ops.items
  items[#items + 1] = encoded_op
  return self
end

-- Path operations are written directly; a number keeps 12 significant digits (a millionth of a
-- point on the largest canvas).
local format = string.format
local N = "%.12g"
local MOVE_TO = '{"op":"move_to","x":' .. N .. ',"y":' .. N .. '}'
local LINE_TO = '{"op":"line_to","x":' .. N .. ',"y":' .. N .. '}'
local CURVE_TO = '{"op":"curve_to","x1":' .. N .. ',"y1":' .. N .. ',"x2":' .. N .. ',"y2":' .. N
                 .. ',"x3":' .. N .. ',"y3":' .. N .. '}'
local RECT_OP = '{"op":"rect","x":' .. N .. ',"y":' .. N .. ',"width":' .. N .. ',"height":' .. N .. '}'

-- Operations with options go through the JSON encoder, which leaves out the options not given.
local function encode(op)
  return json.encode(op, "op")
end

-- Paths ------------------------------------------------------------------------------------------

local XY = { "x", "y" }
local CURVE = { "x1", "y1", "x2", "y2", "x3", "y3" }
local ARC = { "x", "y", "radius", "from", "to" }
local RECT = { "x", "y", "width", "height" }

function Canvas:move_to(x, y)
  method(self, "move_to")
  numbers("move_to", XY, x, y)
  return record(self, format(MOVE_TO, x, y))
end

function Canvas:line_to(x, y)
  method(self, "line_to")
  numbers("line_to", XY, x, y)
  return record(self, format(LINE_TO, x, y))
end

-- A cubic Bézier curve from the current point to (x3, y3) through the control points (x1, y1), (x2, y2).
function Canvas:curve_to(x1, y1, x2, y2, x3, y3)
  method(self, "curve_to")
  numbers("curve_to", CURVE, x1, y1, x2, y2, x3, y3)
  return record(self, format(CURVE_TO, x1, y1, x2, y2, x3, y3))
end

-- An arc of a circle around (x, y) from angle `from` to `to`, in degrees: 0 at three o'clock,
-- growing clockwise; counter-clockwise when ccw is true. Joined to the current point by a line.
function Canvas:arc(x, y, radius, from, to, ccw)
  method(self, "arc")
  numbers("arc", ARC, x, y, radius, from, to)
  if radius < 0 then error("canvas:arc: radius must be >= 0, got " .. show(radius), 2) end
  if ccw ~= nil and type(ccw) ~= "boolean" then
    error("canvas:arc: ccw must be true or false, got " .. show(ccw), 2)
  end
  return record(self, encode { op = "arc", x = x, y = y, radius = radius, from = from, to = to, ccw = ccw })
end

function Canvas:rect(x, y, width, height)
  method(self, "rect")
  numbers("rect", RECT, x, y, width, height)
  return record(self, format(RECT_OP, x, y, width, height))
end

function Canvas:close_path()
  method(self, "close_path")
  return record(self, '{"op":"close_path"}')
end

-- Painting ---------------------------------------------------------------------------------------

-- fill { color = "#rrggbb", alpha = 0..1, keep = bool }: fills the path and clears it (keep = true
-- leaves it for a stroke). The colour defaults to the report's text colour.
function Canvas:fill(opts)
  method(self, "fill")
  local o = options("fill", opts, fill_options)
  return record(self, encode { op = "fill", color = o.color, alpha = o.alpha, keep = o.keep })
end

-- stroke { color =, alpha =, width = 1, dash = { on, off, ... }, keep = bool }
function Canvas:stroke(opts)
  method(self, "stroke")
  local o = options("stroke", opts, stroke_options)
  return record(self, encode { op = "stroke", color = o.color, alpha = o.alpha, width = o.width,
                               dash = o.dash, keep = o.keep })
end

-- Fills the path, then strokes its outline: fill_stroke({ color = ... }, { color = ..., width = ... }).
function Canvas:fill_stroke(fill, stroke)
  method(self, "fill_stroke")
  local f = options("fill_stroke", fill, fill_options)
  local s = options("fill_stroke", stroke, stroke_options)
  record(self, encode { op = "fill", color = f.color, alpha = f.alpha, keep = true })
  return record(self, encode { op = "stroke", color = s.color, alpha = s.alpha, width = s.width,
                               dash = s.dash, keep = s.keep })
end

-- text(x, y, "text", { size =, bold =, color =, align = "left"|"center"|"right",
--                      valign = "top"|"middle"|"baseline"|"bottom", rotate = degrees })
-- One line at the anchor (x, y), in the report's font; leaves the path alone. A number is written
-- with tostring.
function Canvas:text(x, y, text, opts)
  method(self, "text")
  numbers("text", XY, x, y)
  if type(text) ~= "string" and type(text) ~= "number" then
    error("canvas:text: text must be a string, got " .. show(text), 2)
  end
  local o = options("text", opts, text_options)
  return record(self, encode { op = "text", x = x, y = y, text = tostring(text), size = o.size, bold = o.bold,
                               color = o.color, align = o.align, valign = o.valign, rotate = o.rotate })
end

-- State ------------------------------------------------------------------------------------------

-- save() and restore() keep and bring back the clip (and the engine's line settings) as a stack.
function Canvas:save()
  method(self, "save")
  open_saves[self] = (open_saves[self] or 0) + 1
  return record(self, '{"op":"save"}')
end

function Canvas:restore()
  method(self, "restore")
  check((open_saves[self] or 0) > 0, 2, "canvas:restore without a matching canvas:save")
  open_saves[self] = open_saves[self] - 1
  return record(self, '{"op":"restore"}')
end

-- Narrows where later drawing shows to the current path (and clears the path), until a restore.
function Canvas:clip()
  method(self, "clip")
  return record(self, '{"op":"clip"}')
end

-- The layout block: the canvas itself.
function Canvas:block()
  method(self, "block")
  return self
end

-- cl.canvas { width = 500 | "full", height = 200, title = "..." }: a drawing of width x height
-- points (y grows downwards). The width defaults to the full width of the page's content; a wider
-- drawing is scaled down to fit.
local function canvas(spec)
  spec = spec or {}
  expect_table(spec, "cl.canvas")
  local width = spec.width
  if width == nil or width == "full" then
    width = layout_page.content_width
    check(width, 2, "cl.canvas: the page's width is known only while layout runs; give width = <points>")
  end
  check(finite(width) and width >= 1 and width <= MAX_SIZE, 2,
        "cl.canvas: width must be \"full\" or a number from 1 to " .. MAX_SIZE .. ", got "
        .. show(spec.width))
  local height = spec.height or 200
  check(finite(height) and height >= 1 and height <= MAX_SIZE, 2,
        "cl.canvas: height must be a number from 1 to " .. MAX_SIZE .. ", got " .. show(height))
  check(spec.title == nil or type(spec.title) == "string", 2, "cl.canvas: title must be a string")
  return setmetatable({ type = "canvas", width = width, height = height, title = spec.title,
                        ops = json.encoded_list {} }, Canvas)
end

return { canvas = canvas }
