-- JSON encoding for what reports hand to the engine. Errors name the path of the bad value,
-- e.g. "layout[3].title: cannot encode a function".
local json = {}

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function is_array(t)
  local n = #t
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n, n
end

local encode_value

-- A list whose items are already JSON text: for long lists built piece by piece (a canvas's drawing
-- operations), which would take many times the memory as Lua tables.
local Encoded = {}

function json.encoded_list(items)
  return setmetatable({ items = items }, Encoded)
end

local function encode_table(t, path, out, depth)
  if getmetatable(t) == Encoded then
    out[#out + 1] = "[" .. table.concat(t.items, ",") .. "]"
    return
  end
  if depth > 64 then error(path .. ": nested too deeply", 0) end
  local array, n = is_array(t)
  if array and (n > 0 or next(t) == nil) then
    out[#out + 1] = "["
    for i = 1, n do
      if i > 1 then out[#out + 1] = "," end
      encode_value(t[i], path .. "[" .. i .. "]", out, depth + 1)
    end
    out[#out + 1] = "]"
    return
  end
  local keys = {}
  for k in pairs(t) do
    if type(k) ~= "string" then
      error(path .. ": mixes keys of type " .. type(k) .. " with named fields", 0)
    end
    keys[#keys + 1] = k
  end
  table.sort(keys)
  out[#out + 1] = "{"
  for i, k in ipairs(keys) do
    if i > 1 then out[#out + 1] = "," end
    out[#out + 1] = encode_string(k) .. ":"
    encode_value(t[k], path .. "." .. k, out, depth + 1)
  end
  out[#out + 1] = "}"
end

encode_value = function(v, path, out, depth)
  local kind = type(v)
  if kind == "nil" then
    out[#out + 1] = "null"
  elseif kind == "boolean" then
    out[#out + 1] = tostring(v)
  elseif kind == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error(path .. ": not a finite number", 0) end
    out[#out + 1] = math.type(v) == "integer" and string.format("%d", v) or string.format("%.17g", v)
  elseif kind == "string" then
    out[#out + 1] = encode_string(v)
  elseif kind == "table" then
    encode_table(v, path, out, depth)
  else
    error(path .. ": cannot encode a " .. kind, 0)
  end
end

-- Encodes v; root names it in error messages.
function json.encode(v, root)
  local out = {}
  encode_value(v, root or "value", out, 0)
  return table.concat(out)
end

return json
