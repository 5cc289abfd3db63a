-- The invoice of a billing cycle: usage per feature, included and prepaid credits applied, flex
-- overage at the flex price, and the total. The current cycle's invoice is a draft that updates
-- as usage arrives; the previous cycle's is final.
local cl = require "creditlens"

return cl.report {
  title = "Invoice",
  params = {
    cycle = cl.param.string { default = "current",
                              description = "current (draft), previous, or cycles back: -2, -3, ..." },
  },

  data = function(params)
    return { invoice = cl.invoice { cycle = math.tointeger(tonumber(params.cycle)) or params.cycle } }
  end,

  layout = function(d, ctx)
    local blocks = {}
    local total, status, from, to = 0, "no plan", "", ""
    for _, row in ipairs(d.invoice.rows) do
      status, from, to = row.status, row.period_from, row.period_to
      if row.line == "total" then total = total + row.amount end
    end
    blocks[#blocks + 1] = cl.subtitle(ctx.scope.label .. " · invoice for " .. from .. " – " .. to ..
                                      " · as of " .. ctx.today .. " (" .. ctx.timezone .. ")")
    blocks[#blocks + 1] = cl.kpis {
      { label = "Billing period", value = from .. " – " .. to, unit = "text" },
      { label = "Status", value = status, unit = "text" },
      { label = "Total due", value = total, unit = "dollars" },
    }
    blocks[#blocks + 1] = cl.table { d.invoice, title = "Invoice lines",
                                     columns = { "workspace", "line", "description", "credits", "unit_price",
                                                 "amount", "note" },
                                     headers = { unit_price = "Price per credit" } }
    blocks[#blocks + 1] = cl.text(
      "Credits are exact to the micro-credit. Each charged line is rounded once, half-even, to the cent; " ..
      "the total adds the rounded lines. Prepaid bundles were paid when bought and are shown at no charge.")
    return blocks
  end,
}
