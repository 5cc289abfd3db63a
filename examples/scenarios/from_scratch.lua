-- A workspace with no usage yet: what would a document-search product cost? Each scenario starts from
-- nothing and projects only the features its changes add or set, as a flat rate (there is no history
-- to find a weekday rhythm in), to the end of March 2027.
--   creditlens project examples/scenarios/from_scratch.lua --workspace ws001 -o launch.pdf
local cl = require "creditlens"

-- The pilot's usage, which the launch starts from too.
local parsing = cl.change { feature = "document_parsing", set = 20, per = "day" }
local indexing = cl.change { feature = "vector_index", set = 150, per = "week" }
local answers = cl.change { feature = "inference_serverless", set = 30, per = "day" }

return cl.projection {
  title = "Document search launch",
  horizon = "2027-03-31",
  basis = "30d",
  method = "current_rate",
  scenarios = {
    cl.scenario { name = "Pilot", start = "scratch", changes = { parsing, indexing, answers } },
    cl.scenario { name = "Launch in January", start = "scratch", changes = {
      parsing,
      indexing,
      answers,
      cl.change { feature = "document_parsing", scale = 5, from = "2027-01-04", ramp_until = "2027-01-31" },
      cl.change { feature = "inference_serverless", scale = 4, from = "2027-01-04",
                  ramp_until = "2027-01-31" },
      cl.change { feature = "data_storage", set = 900, per = "month", from = "2027-01-04" },
    } },
  },
}
