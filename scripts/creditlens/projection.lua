-- Projections (docs/projections.md): cl.change alters one feature's daily rate, cl.scenario names a
-- start and a list of changes, cl.projection is a scenario file's whole what-if. They only check
-- shapes and types; the engine checks dates, kinds and periods, and names the line that declared the
-- scenario or change at fault.
local args = require "creditlens.args"
local check, check_declaration, show = args.check, args.check_declaration, args.show

local projection = {}

local change_fields = {
  feature = "string", category = "string", scale = "number", add = "number", set = "number",
  per = "string", from = "string", to = "string", ramp_until = "string",
}
local scenario_fields = { name = "string", start = "string", changes = "table" }
local projection_fields = { title = "string", workspace = "string", horizon = "string", basis = "string",
                            method = "string", scenarios = "table" }

-- The tables cl.change and cl.scenario made, by the constructor's name. Kept aside rather than marked
-- in the table, so one change may serve several scenarios and nothing extra reaches the engine.
local made_by = setmetatable({}, { __mode = "k" })

-- Every item of `list` must come from `constructor`; the error names the API function's caller.
local function check_made_by(list, constructor, what)
  for i, item in ipairs(list) do
    check(made_by[item] == constructor, 3,
          what .. "[" .. i .. "] must be made with " .. constructor .. " { ... }")
  end
end

function projection.change(spec)
  local what = check_declaration(spec, "cl.change", change_fields, "feature")
  for _, kind in ipairs { "scale", "add", "set" } do
    check(spec[kind] == nil or args.finite(spec[kind]), 2,
          what .. "." .. kind .. " must be a finite number, got " .. show(spec[kind]))
  end
  spec.where = args.caller_position()
  made_by[spec] = "cl.change"
  return spec
end

function projection.scenario(spec)
  local what = check_declaration(spec, "cl.scenario", scenario_fields, "name")
  check_made_by(spec.changes or {}, "cl.change", what .. ".changes")
  spec.where = args.caller_position()
  made_by[spec] = "cl.scenario"
  return spec
end

function projection.projection(spec)
  check_declaration(spec, "cl.projection", projection_fields)
  check(spec.scenarios ~= nil, 2, "cl.projection: scenarios must be a list of cl.scenario { ... }")
  check_made_by(spec.scenarios, "cl.scenario", "cl.projection.scenarios")
  spec.__creditlens_projection = true
  return spec
end

return projection
