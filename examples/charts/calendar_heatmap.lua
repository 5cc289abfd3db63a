-- A calendar heat map of daily usage, drawn with cl.canvas: one column per week (Monday at the top),
-- one row per weekday, each day's cell shaded by its amount, the month's name over the week in which
-- it begins, a colour legend and the busiest day. An example of a chart module in pure Lua: put this
-- folder on the search path (--lib-path examples/charts) and
--
--   local heatmap = require "calendar_heatmap"
--   heatmap { d.daily, title = "Daily usage", colors = { "#f7fbff", "#08306b" } }
--
-- where d.daily is a day-grained usage dataset (cl.usage { by = "day", ... }). Returns a canvas block.
local cl = require "creditlens"

local MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
local WEEKDAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }

local STEP = 19          -- a day's cell and the gap after it, in points
local PADDING = 3 / 19   -- the gap's share of a step
local LEFT = 30          -- the weekday names' column
local TOP = 16           -- the month names' row
local LEGEND = 44        -- the legend's two lines under the grid
local MIN_WIDTH = 320    -- room for the legend's text
local LABEL_SIZE = 7.5
local MUTED = "#666666"

-- Days since 1970-01-01 of a "YYYY-MM-DD" label (the proleptic Gregorian calendar).
local function day_number(label)
  local y, m, d = label:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local year_of_era = y - era * 400
  local day_of_year = (153 * (m > 2 and m - 3 or m + 9) + 2) // 5 + d - 1
  return era * 146097 + year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year - 719468
end

-- 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
local function weekday(day) return (day + 3) % 7 end

local function amount(value, unit)
  return unit == "dollars" and string.format("$%.2f", value) or string.format("%.2f credits", value)
end

-- Month names over the week of each month's first day, and over the first week unless the next
-- month's name comes too close to it.
local function draw_months(c, labels, first_monday, x)
  local marks = {}
  for i, label in ipairs(labels) do
    if i == 1 or label:sub(9, 10) == "01" then
      marks[#marks + 1] = { week = (day_number(label) - first_monday) // 7 + 1,
                            name = MONTHS[tonumber(label:sub(6, 7))] }
    end
  end
  if marks[2] and marks[2].week - marks[1].week < 3 then table.remove(marks, 1) end
  for _, mark in ipairs(marks) do
    c:text(x(mark.week), TOP - 4, mark.name, { size = LABEL_SIZE, color = MUTED })
  end
end

local function draw_legend(c, shade, max, d, busiest, top)
  local bar_width, parts = 100, 50
  c:text(LEFT - 4, top + 5, "0", { size = LABEL_SIZE, align = "right", valign = "middle", color = MUTED })
  for k = 1, parts do
    -- Each part overlaps the next a little so that no seam shows between them.
    c:rect(LEFT + (k - 1) * bar_width / parts, top, bar_width / parts + 0.3, 10)
     :fill { color = shade(max * (k - 0.5) / parts) }
  end
  c:text(LEFT + bar_width + 4, top + 5, amount(max, d.unit),
         { size = LABEL_SIZE, valign = "middle", color = MUTED })
  local note = busiest and ("Busiest day: " .. busiest .. " (" .. amount(max, d.unit) .. ")")
               or "No usage in this period"
  c:text(LEFT, top + 26, note, { size = LABEL_SIZE })
end

return function(spec)
  if type(spec) ~= "table" then error("calendar_heatmap expects a table { dataset, title = ... }", 2) end
  local d = spec[1]
  if type(d) ~= "table" or d.grain ~= "day" or #d.labels == 0 then
    error("calendar_heatmap expects a day-grained usage dataset (cl.usage { by = \"day\" }) as its first "
          .. "element", 2)
  end
  local first_monday = day_number(d.labels[1]) - weekday(day_number(d.labels[1]))
  local weeks = (day_number(d.labels[#d.labels]) - first_monday) // 7 + 1

  local max, busiest = 0, nil
  for i, value in ipairs(d.values) do
    if value > max then max, busiest = value, d.labels[i] end
  end
  local shade = cl.scale.color { domain = { 0, max }, colors = spec.colors or { "#f7fbff", "#08306b" } }
  local week_numbers = {}
  for w = 1, weeks do week_numbers[w] = w end
  local x = cl.scale.band { domain = week_numbers, range = { LEFT, LEFT + weeks * STEP }, padding = PADDING }
  local y = cl.scale.band { domain = WEEKDAYS, range = { TOP, TOP + 7 * STEP }, padding = PADDING }

  local c = cl.canvas { width = math.max(MIN_WIDTH, LEFT + weeks * STEP), height = TOP + 7 * STEP + LEGEND,
                        title = spec.title or "Daily usage" }
  for i, label in ipairs(d.labels) do
    local day = day_number(label)
    c:rect(x((day - first_monday) // 7 + 1), y(WEEKDAYS[weekday(day) + 1]), x:bandwidth(), y:bandwidth())
     :fill { color = shade(d.values[i]) }
  end
  for _, name in ipairs(WEEKDAYS) do
    c:text(LEFT - 4, y(name) + y:bandwidth() / 2, name,
           { size = LABEL_SIZE, align = "right", valign = "middle", color = MUTED })
  end
  draw_months(c, d.labels, first_monday, x)
  draw_legend(c, shade, max, d, busiest, TOP + 7 * STEP + 8)
  return c
end
