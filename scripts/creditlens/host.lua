-- The engine's side of a report run: turns the report's declarations into JSON for the engine,
-- in three stages (describe, data, layout). Reports never call this module.
local json = require "creditlens.json"
local layout_page = require "creditlens.layout_page"

local host = {}

local function check_report(report)
  if type(report) ~= "table" or not report.__creditlens_report then
    error("the report file must return cl.report { ... }", 0)
  end
end

-- Runs the engine's input chunk (a Lua table literal) in an empty environment.
local function read_input(text)
  local chunk = assert(load(text, "=engine input", "t", {}))
  return chunk()
end

function host.describe(report)
  check_report(report)
  local params = {}
  for name, spec in pairs(report.params) do
    if type(spec) ~= "table" or type(spec.type) ~= "string" then
      error("params." .. tostring(name) .. ": declare it with cl.param.<type> { default = ... }", 0)
    end
    params[name] = { type = spec.type, default = spec.default, choices = spec.choices,
                     description = spec.description }
  end
  return json.encode({ title = report.title, params = params }, "report")
end

function host.data(report, input)
  local given = read_input(input)
  local data = report.data or {}
  if type(data) == "function" then data = data(given.params, given.ctx) end
  if type(data) ~= "table" then error("data must return a table of requests", 0) end
  return json.encode(data, "data")
end

function host.layout(report, input)
  local given = read_input(input)
  layout_page.content_width = given.page.content_width
  local blocks = report.layout(given.datasets, given.ctx)
  if type(blocks) ~= "table" then error("layout must return a list of blocks", 0) end
  return json.encode(blocks, "layout")
end

return host
