-- Scales for custom charts (docs/lua-api.md, "Scales"): functions from data to drawing units, in pure
-- Lua. cl.scale.linear maps numbers to positions (with round ticks), cl.scale.band gives categories
-- equal bands, cl.scale.color maps numbers to colours along a gradient.
local args = require "creditlens.args"
local check, expect_table, finite, show = args.check, args.table, args.finite, args.show

local scale = {}

-- Checks spec[key] is a pair of finite numbers; the error names the caller of the scale constructor.
local function number_pair(spec, key, what)
  local pair = spec[key]
  check(type(pair) == "table" and #pair == 2 and finite(pair[1]) and finite(pair[2]), 3,
        what .. ": " .. key .. " must be two finite numbers { from, to }, got " .. show(pair))
  return pair[1], pair[2]
end

-- Whole numbers as integers, so that tostring(20.0) reads "20".
local function tidy(value)
  return math.tointeger(value) or value
end

-- Linear -------------------------------------------------------------------------------------------

local Linear = {}
Linear.__index = Linear

Linear.__call = function(self, value)
  check(finite(value), 2, "linear scale: expects a finite number, got " .. show(value))
  if self.d1 == self.d0 then return (self.r0 + self.r1) / 2 end
  return self.r0 + (value - self.d0) * (self.r1 - self.r0) / (self.d1 - self.d0)
end

-- The domain value at a range position.
function Linear:invert(position)
  check(finite(position), 2, "linear scale: invert expects a finite number, got " .. show(position))
  if self.r1 == self.r0 then return (self.d0 + self.d1) / 2 end
  return self.d0 + (position - self.r0) * (self.d1 - self.d0) / (self.r1 - self.r0)
end

-- About `count` round values (1, 2 or 5 times a power of ten apart) inside the domain, in the
-- domain's direction. The step is chosen as in d3: the power of ten below span / count, times the
-- factor that brings it closest to span / count.
function Linear:ticks(count)
  count = count or 10
  check(math.type(count) == "integer" and count >= 0, 2, "linear scale: ticks expects a whole number >= 0")
  local low, high = math.min(self.d0, self.d1), math.max(self.d0, self.d1)
  if count == 0 then return {} end
  if low == high then return { tidy(low) } end
  local step = (high - low) / count
  local power = math.floor(math.log(step, 10))
  local ratio = step / 10 ^ power
  local factor = ratio >= math.sqrt(50) and 10 or ratio >= math.sqrt(10) and 5
                 or ratio >= math.sqrt(2) and 2 or 1
  -- Ticks are whole multiples of the step: i * step, or i / (1 / step) for steps below 1, which
  -- keeps 0.1 * 3 from reading 0.30000000000000004.
  local at
  if power < 0 then
    local inverse = 10 ^ -power / factor
    at = function(i) return tidy(i / inverse) end
  else
    local whole = 10 ^ power * factor
    at = function(i) return tidy(i * whole) end
  end
  -- The nearest multiples to the ends, moved inwards where rounding took them outside the domain.
  local first, last = math.floor(low / at(1) + 0.5), math.floor(high / at(1) + 0.5)
  if at(first) < low then first = first + 1 end
  if at(last) > high then last = last - 1 end
  local ticks = {}
  for i = first, last do ticks[#ticks + 1] = at(i) end
  if self.d0 > self.d1 then
    for i = 1, #ticks // 2 do ticks[i], ticks[#ticks + 1 - i] = ticks[#ticks + 1 - i], ticks[i] end
  end
  return ticks
end

-- cl.scale.linear { domain = { 0, 100 }, range = { 0, 300 } }: s(50) is 150, s:invert(150) is 50.
-- A domain of one value maps everything to the middle of the range.
function scale.linear(spec)
  expect_table(spec, "cl.scale.linear")
  local d0, d1 = number_pair(spec, "domain", "cl.scale.linear")
  local r0, r1 = number_pair(spec, "range", "cl.scale.linear")
  return setmetatable({ d0 = d0, d1 = d1, r0 = r0, r1 = r1 }, Linear)
end

-- Band ---------------------------------------------------------------------------------------------

local Band = {}
Band.__index = Band

-- The start of the value's band: its lower edge (its left or top edge on the canvas).
Band.__call = function(self, value)
  local start = self.starts[value]
  check(start, 2, "band scale: " .. show(value) .. " is not in the domain")
  return start
end

function Band:bandwidth() return self.width end

-- The distance from the start of one band to the start of the next.
function Band:step() return self.step_size end

-- cl.scale.band { domain = { "a", "b", "c" }, range = { 0, 300 }, padding = 0.1 }: the range cut into
-- equal steps, one per domain value in order, each a band and a gap; `padding` (0 to below 1, default
-- 0) is the gap's share of a step, and half a gap more is left at each end. A range from high to low
-- puts the first value at the high end.
function scale.band(spec)
  expect_table(spec, "cl.scale.band")
  local domain = spec.domain
  check(type(domain) == "table", 2, "cl.scale.band: domain must be a list of values, got " .. show(domain))
  local r0, r1 = number_pair(spec, "range", "cl.scale.band")
  local padding = spec.padding or 0
  check(finite(padding) and padding >= 0 and padding < 1, 2,
        "cl.scale.band: padding must be a number from 0 to below 1, got " .. show(padding))
  local n = #domain
  local low, high = math.min(r0, r1), math.max(r0, r1)
  local step = (high - low) / math.max(1, n + padding)
  local first = low + ((high - low) - step * (n - padding)) / 2  -- the bands are centred
  local starts = {}
  for i, value in ipairs(domain) do
    check(starts[value] == nil, 2, "cl.scale.band: " .. show(value) .. " appears twice in the domain")
    starts[value] = first + step * (r1 < r0 and n - i or i - 1)
  end
  return setmetatable({ starts = starts, step_size = step, width = step * (1 - padding) }, Band)
end

-- Colour -------------------------------------------------------------------------------------------

local Colors = {}
Colors.__index = Colors

local function channels(color)
  return { tonumber(color:sub(2, 3), 16), tonumber(color:sub(4, 5), 16), tonumber(color:sub(6, 7), 16) }
end

-- The colour for a value: the domain spread evenly over the colours, values in between mixed
-- channel by channel (sRGB), values outside the domain clamped to its ends.
Colors.__call = function(self, value)
  check(finite(value), 2, "colour scale: expects a finite number, got " .. show(value))
  local t = self.d1 == self.d0 and 0 or (value - self.d0) / (self.d1 - self.d0)
  t = math.max(0, math.min(1, t)) * (#self.colors - 1)
  local i = math.min(math.floor(t), #self.colors - 2)
  local a, b, f = self.colors[i + 1], self.colors[i + 2], t - i
  local mixed = {}
  for c = 1, 3 do mixed[c] = math.floor(a[c] + (b[c] - a[c]) * f + 0.5) end
  return string.format("#%02x%02x%02x", mixed[1], mixed[2], mixed[3])
end

-- cl.scale.color { domain = { 0, max }, colors = { "#f7fbff", "#08306b" } }: two or more colours.
-- A domain of one value gives the first colour.
function scale.color(spec)
  expect_table(spec, "cl.scale.color")
  local d0, d1 = number_pair(spec, "domain", "cl.scale.color")
  local colors = spec.colors
  check(type(colors) == "table" and #colors >= 2, 2, "cl.scale.color: colors must list two or more colours")
  local parsed = {}
  for i, color in ipairs(colors) do
    check(args.color(color), 2, "cl.scale.color: colors[" .. i .. "] must be #rrggbb, got " .. show(color))
    parsed[i] = channels(color)
  end
  return setmetatable({ d0 = d0, d1 = d1, colors = parsed }, Colors)
end

return { scale = scale }
