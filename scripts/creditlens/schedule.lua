-- Schedules (docs/schedules.md): cl.schedule declares one, cl.schedules the file's whole set. Both
-- only check shapes and types; the engine checks cron expressions, zones, reports and templates,
-- and names the line that declared the schedule.
local args = require "creditlens.args"
local check, check_declaration, show = args.check, args.check_declaration, args.show

local schedule = {}

-- The fields of one schedule and the Lua type each takes.
local schedule_fields = {
  name = "string", report = "string", params = "table", cron = "string", timezone = "string",
  workspace = "string", to = "table", billing_contact = "boolean", formats = "table",
  subject = "string", body = "string", skip_if_empty = "boolean", paused = "boolean",
  deliver = "table", catch_up = "string",
}

local set_fields = { owner = "string", from = "string", retry = "table", deliverers = "table",
                     schedules = "table" }

local function check_strings(list, what)
  for i, value in ipairs(list) do
    check(type(value) == "string", 3, what .. "[" .. i .. "] must be a string, got " .. show(value))
  end
end

function schedule.schedule(spec)
  local what = check_declaration(spec, "cl.schedule", schedule_fields, "name")
  for _, list in ipairs { "to", "formats", "deliver" } do
    if spec[list] then check_strings(spec[list], what .. "." .. list) end
  end
  spec.where = args.caller_position()
  spec.__creditlens_schedule = true
  return spec
end

function schedule.schedules(spec)
  check_declaration(spec, "cl.schedules", set_fields)
  check(type(spec.schedules) == "table", 2, "cl.schedules: schedules must be a list of cl.schedule { ... }")
  for i, s in ipairs(spec.schedules) do
    check(type(s) == "table" and s.__creditlens_schedule, 2,
          "cl.schedules: schedules[" .. i .. "] must be made with cl.schedule { ... }")
    s.__creditlens_schedule = nil
  end
  spec.__creditlens_schedules = true
  return spec
end

return schedule
