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

return args
