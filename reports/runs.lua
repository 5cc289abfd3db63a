-- Credits per run (its workflow/scenario, credits, data transferred, start and duration), per
-- workflow/scenario over the billing period, and per module inside one run or across all of them.
local cl = require "creditlens"

return cl.report {
  title = "Runs, workflows and modules",
  params = {
    range = cl.param.range { default = "billing_month", description = "billing_month, 7d, 30d, 90d or YYYY-MM-DD..YYYY-MM-DD" },
    run = cl.param.string { default = "", description = "break down this run by module (default: all runs)" },
    top = cl.param.number { default = 25, description = "how many of the costliest runs to list" },
  },

  data = function(params)
    local in_run = params.run ~= "" and { run = params.run } or nil
    return {
      runs = cl.runs { by = "run", top = math.tointeger(params.top) or 25 },
      workflows = cl.runs { by = "source" },
      modules = cl.runs { by = "module", where = in_run },
      by_workflow = cl.usage { group = "source", top = 8 },
    }
  end,

  layout = function(d, ctx)
    local run_credits = 0
    for _, row in ipairs(d.workflows.rows) do run_credits = run_credits + row.credits end
    local runs = 0
    for _, row in ipairs(d.workflows.rows) do runs = runs + row.runs end
    local module_title = ctx.params.run ~= "" and ("Modules of run " .. ctx.params.run) or "Modules, all runs"
    return {
      cl.kpis {
        { label = "Runs", value = runs, unit = "count" },
        { label = "Credits in runs", value = run_credits, unit = "credits" },
        { label = "Workflows", value = #d.workflows.rows, unit = "count" },
      },
      cl.hbar { d.by_workflow, title = "Credits by workflow / scenario" },
      cl.table { d.runs, title = "Costliest runs",
                 columns = { "run", "source", "credits", "events", "data_bytes", "started", "duration" },
                 headers = { source = "Workflow", data_bytes = "Data (bytes)" } },
      cl.table { d.workflows, title = "Workflows and scenarios",
                 columns = { "source", "runs", "events", "credits", "data_bytes" },
                 headers = { source = "Workflow", data_bytes = "Data (bytes)" }, total = true },
      cl.table { d.modules, title = module_title, columns = { "module", "runs", "events", "credits", "data_bytes" },
                 headers = { data_bytes = "Data (bytes)" }, total = true },
    }
  end,
}
