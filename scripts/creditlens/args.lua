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

-- A value as an error message shows it: strings quoted, tables and functions by their type.
function args.show(value)
  if type(value) == "string" then return "'" .. value .. "'" end
  if type(value) == "number" or type(value) == "boolean" or value == nil then return tostring(value) end
  return "a " .. type(value)
end

return args
