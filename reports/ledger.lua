-- The credits tab: what was allocated, consumed and is left per source (included, each prepaid
-- grant, flex), the balance day by day, and every ledger entry in the range.
local cl = require "creditlens"

return cl.report {
  title = "Credit ledger",
  params = {
    range = cl.param.range { default = "billing_month", description = "days of the balance schedule and entries" },
  },

  data = {
    credits = cl.credits {},
    balances = cl.balances {},
    entries = cl.ledger {},
    advice = cl.recommendation {},
  },

  layout = function(d, ctx)
    -- What is the workspace's to spend now: this cycle's included credits and the grants available
    -- (or used up) now; pending and expired grants and the flex cap are in the table, not the sums.
    local allocated, consumed, remaining = 0, 0, 0
    for _, row in ipairs(d.credits.rows) do
      if row.source == "included" or row.state == "available" or row.state == "exhausted" then
        allocated = allocated + row.allocated
        consumed = consumed + row.consumed
        remaining = remaining + row.remaining
      end
    end
    return {
      cl.kpis {
        { label = "Allocated", value = allocated, unit = "credits" },
        { label = "Consumed", value = consumed, unit = "credits" },
        { label = "Remaining", value = remaining, unit = "credits" },
        { label = "Resets on", value = ctx.cycle.resets_on or "no plan", unit = "date" },
      },
      cl.table { d.credits, title = "Credits by source",
                 columns = { "workspace", "source", "allocated", "consumed", "remaining", "available_from",
                             "expires_on", "state" } },
      cl.table { d.balances, title = "Balance at the end of each day" },
      cl.table { d.advice, title = "Recommendation from the last closed cycles",
                 columns = { "workspace", "option", "available", "cost_per_cycle", "best", "description" } },
      cl.table { d.entries, title = "Ledger entries",
                 columns = { "workspace", "date", "entry", "source", "category", "feature", "credits" } },
    }
  end,
}
