-- What if inference keeps growing? The forecast as is, against hosted inference doubling from
-- December with serverless inference ramping up by half, and against the same growth paid for by
-- retiring OCR and a temporary migration's data transfer. Up to the end of the next billing cycle.
--   creditlens project examples/scenarios/as_is_vs_growth.lua --workspace ws001 -o growth.pdf
local cl = require "creditlens"

local inference_doubles = cl.change { feature = "inference_hosted", scale = 2, from = "2026-12-01" }
local serverless_grows = cl.change { feature = "inference_serverless", scale = 1.5, from = "2026-12-01",
                                     ramp_until = "2026-12-31" }

return cl.projection {
  title = "Inference growth into the new year",
  horizon = "next_cycle_end",
  basis = "30d",
  method = "seasonal",
  scenarios = {
    cl.scenario { name = "As is" },
    cl.scenario { name = "Inference grows", changes = { inference_doubles, serverless_grows } },
    cl.scenario { name = "Inference grows, OCR retired", changes = {
      inference_doubles,
      serverless_grows,
      cl.change { feature = "ocr_pages", set = 0, from = "2026-12-15" },
      cl.change { feature = "data_transfer", add = 300, per = "week",
                  from = "2026-12-01", to = "2027-01-31" },  -- the migration
    } },
  },
}
