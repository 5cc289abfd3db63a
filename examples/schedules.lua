-- Example schedules (docs/schedules.md). Run what is due with
--   creditlens schedule run --config examples/schedules.lua --store creditlens.db --once
-- and check an expression with: creditlens schedule next '0 7 1 * *' --tz Europe/Berlin
local cl = require "creditlens"

return cl.schedules {
  from = "creditlens <reports@platform.test>",
  owner = "billing-ops@platform.test",  -- hears of reports that failed to render or to arrive
  retry = { attempts = 6, first_delay = "30s", max_delay = "1h" },
  deliverers = {
    file = { directory = "out/reports" },
  },
  schedules = {
    -- Each workspace's billing contact gets its own last-cycle summary on the 1st, 07:00 Berlin time;
    -- the finance team gets a copy of each.
    cl.schedule {
      name = "monthly-summary",
      report = "dashboard",
      params = { range = "previous_cycle" },
      cron = "0 7 1 * *",
      timezone = "Europe/Berlin",
      billing_contact = true,
      to = { "finance@platform.test" },
      formats = { "pdf", "png" },
      subject = "Credit usage for {workspace.name}, {period}",
      body = "Hello,\n\nattached is the credit usage of {workspace.name} for {period}.\n",
      skip_if_empty = true,
    },
    -- The organisation's invoice run on the last day of the month, as numbers for the ledger system.
    cl.schedule {
      name = "month-end-ledger",
      report = "ledger",
      cron = "0 18 L * *",
      timezone = "UTC",
      formats = { "csv", "json" },
      deliver = { "file" },
    },
    -- A weekly look at one workspace, switched off for now.
    cl.schedule {
      name = "weekly-acme",
      report = "cycle",
      cron = "@weekly",
      workspace = "ws001",
      to = { "ops@acme.test" },
      paused = true,
    },
  },
}
