-- Schedules (docs/schedules.md): cl.schedule declares one, cl.schedules the file's whole set. Both
-- only check shapes and types; the engine checks cron expressions, zones, reports and templates,
-- and names the line that declared the schedule.
local args = require "creditlens.args"
local check, expect_table, show = args.check, args.table, args.show

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

-- "file.lua:12" of the code that called the API function calling this.
local function caller_position()
  local _, message = pcall(error, "", 4)
  return (message:gsub(":%s*$", ""))
end

local function check_fields(spec, fields, what)
  for key, value in pairs(spec) do
    check(type(key) == "string" and fields[key] ~= nil, 3,
          what .. ": unknown field " .. show(key))
    check(type(value) == fields[key], 3,
          what .. "." .. key .. " must be a " .. fields[key] .. ", got " .. show(value))
  end
end

local function check_strings(list, what)
  for i, value in ipairs(list) do
    check(type(value) == "string", 3, what .. "[" .. i .. "] must be a string, got " .. show(value))
  end
end

function schedule.schedule(spec)
  expect_table(spec, "cl.schedule")
  check(type(spec.name) == "string" and spec.name ~= "", 2, "cl.schedule: name must be a non-empty string")
  local what = "cl.schedule '" .. spec.name .. "'"
  check_fields(spec, schedule_fields, what)
  for _, list in ipairs { "to", "formats", "deliver" } do
    if spec[list] then check_strings(spec[list], what .. "." .. list) end
  end
  spec.where = caller_position()
  spec.__creditlens_schedule = true
  return spec
end

function schedule.schedules(spec)
  expect_table(spec, "cl.schedules")
  check_fields(spec, set_fields, "cl.schedules")
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
