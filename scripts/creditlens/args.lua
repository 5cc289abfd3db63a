-- Argument checks shared by the API modules. Levels count so that an error names the report line
-- that called the API function, not a line inside the library.
local args = {}

function args.check(cond, level, message)
  if not cond then error(message, level + 1) end
end

-- For an API function's own argument: the error points at that function's caller.
function args.table(value, what)
  args.check(type(value) == "table", 3, what .. " expects a table, got " .. type(value))
  return value
end

-- A number that is not NaN or infinite.
function args.finite(value)
  return type(value) == "number" and value == value and value > -math.huge and value < math.huge
end

-- A colour written "#rrggbb".
function args.color(value)
  return type(value) == "string" and value:match("^#%x%x%x%x%x%x$") ~= nil
end

-- "file.lua:12" of the code that called the API function calling this: where a declaration was made.
function args.caller_position()
  local _, message = pcall(error, "", 4)
  return (message:gsub(":%s*$", ""))
end

-- The checks of an API function that declares something (cl.schedule, cl.change, cl.projection, ...):
-- `spec` must be a table whose keys are among `fields`, each value of the Lua type `fields` gives it.
-- With `name_field`, that field must be a non-empty string naming the declaration. Returns how errors
-- name it: "cl.change 'inference'", or the constructor alone. Errors name the API function's caller.
function args.check_declaration(spec, constructor, fields, name_field)
  args.check(type(spec) == "table", 3, constructor .. " expects a table, got " .. type(spec))
  local what = constructor
  if name_field then
    local name = spec[name_field]
    args.check(type(name) == "string" and name ~= "", 3,
               constructor .. ": " .. name_field .. " must be a non-empty string")
    what = constructor .. " '" .. name .. "'"
  end
  for key, value in pairs(spec) do
    args.check(type(key) == "string" and fields[key] ~= nil, 3, what .. ": unknown field " .. args.show(key))
    args.check(type(value) == fields[key], 3,
               what .. "." .. key .. " must be a " .. fields[key] .. ", got " .. args.show(value))
  end
  return what
end

-- A value as an error message shows it: strings quoted, tables and functions by their type.
function args.show(value)
  if type(value) == "string" then return "'" .. value .. "'" end
  if type(value) == "number" or type(value) == "boolean" or value == nil then return tostring(value) end
  return "a " .. type(value)
end

return args
