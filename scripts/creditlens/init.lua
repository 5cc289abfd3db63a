-- The creditlens report API (docs/lua-api.md). Everything here builds plain descriptions: data
-- requests and layout blocks that the engine runs and draws. Nothing here touches data itself.
local cl = { param = {} }

local args = require "creditlens.args"
local check, expect_table = args.check, args.table

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

-- Data requests, layout blocks, canvases, scales, schedules, projections and mappings live in their
-- own modules; the API is one table.
for _, module in ipairs { "creditlens.data", "creditlens.layout", "creditlens.canvas", "creditlens.scale",
                        "creditlens.schedule", "creditlens.projection", "creditlens.mapping" } do
  for name, fn in pairs(require(module)) do cl[name] = fn end
end

return cl
