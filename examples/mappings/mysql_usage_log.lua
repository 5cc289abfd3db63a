-- A MariaDB/MySQL usage table mapped in Lua (docs/source-sql.md). Lua may compute entries; here the
-- credits are integer micro-credits, divided as DECIMAL so no precision is lost, and accounts come
-- from a file beside this one.
--   creditlens report dashboard --source mysql://reporter@db:3306/billing \
--     --mapping examples/mappings/mysql_usage_log.lua --source-settings settings.json -o dashboard.pdf
local cl = require "creditlens"

local function micro_credits(column)
  return "CAST(" .. column .. " AS DECIMAL(24,6)) / 1000000"
end

return cl.mapping {
  events = {
    table = "usage_log",
    ts_type = "timestamp",
    columns = {
      id = "event_uuid", ts = "created_at", workspace_id = "org_id", category = "kind",
      feature = "feature_name", credits = micro_credits("amount_micro"), folder = "folder_path",
      api_key = "key_name", user_id = "member",
    },
  },
  accounts = { file = "accounts.json" },
}
