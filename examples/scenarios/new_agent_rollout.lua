-- Rolling agents out to every team over December: agent runs ramp up to 40 more credits a day, their
-- tool calls grow by half, and a new feature, agent memory, starts in January. Three months ahead,
-- rates from the last 90 days.
--   creditlens project examples/scenarios/new_agent_rollout.lua --workspace ws001 -o agents.pdf
local cl = require "creditlens"

return cl.projection {
  title = "Agent rollout",
  horizon = "3m",
  basis = "90d",
  scenarios = {
    cl.scenario { name = "As is" },
    cl.scenario { name = "Agents for every team", changes = {
      cl.change { feature = "agent_runs", add = 40, per = "day",
                  from = "2026-12-01", ramp_until = "2026-12-31" },
      cl.change { feature = "tool_calls", scale = 1.5, from = "2026-12-01", ramp_until = "2026-12-31" },
      -- No history yet: the category places it in the charts.
      cl.change { feature = "agent_memory", category = "agents", set = 600, per = "month",
                  from = "2027-01-01" },
    } },
  },
}
