-- Column mappings (docs/connectors.md): cl.mapping declares how a source's own tables map onto the
-- canonical events and accounts. Only the shape is checked here; the source plugin checks every
-- entry against the database and names the one at fault.
local args = require "creditlens.args"

local mapping = {}

local sections = { events = true, accounts = true }

function mapping.mapping(spec)
  args.table(spec, "cl.mapping")
  for key in pairs(spec) do
    args.check(sections[key], 2, "cl.mapping: unknown section " .. args.show(key) .. " (expected events, accounts)")
  end
  args.check(type(spec.events) == "table", 2, "cl.mapping: events must be a table { table =, columns = { ... } }")
  spec.__creditlens_mapping = true
  return spec
end

return mapping
