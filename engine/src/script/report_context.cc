#include "script/report_context.h"

#include "billing/billing_cycle.h"
#include "model/time_zone.h"

namespace creditlens::script {

ReportContext PrepareReportContext(const query::UsageEngine& engine, std::int64_t as_of_ms) {
  ReportContext context;
  context.as_of_ms = as_of_ms;
  context.today = engine.zone().LocalDay(as_of_ms);
  context.cycle = query::SummariseCycles(engine, as_of_ms);
  const model::CivilDate today = model::ToCivil(context.today);
  const std::int32_t month_start = model::FromCivilClamped(today.year, static_cast<int>(today.month), 1);
  context.billing_periods.current =
      context.cycle.period.value_or(query::DayRange{month_start, context.today});
  context.billing_periods.previous = context.cycle.previous_period.value_or(query::DayRange{
      model::FromCivilClamped(today.year, static_cast<int>(today.month) - 1, 1), month_start - 1});
  for (const Workspace* w : engine.VisibleWorkspaces()) {
    if (const Subscription* s = billing::SubscriptionAt(*w, as_of_ms))
      context.monthly_allowance += billing::MonthlyAllowance(*s);
  }
  if (engine.scope()) {
    const Workspace* w = engine.VisibleWorkspaces().front();
    context.scope_label = w->name + " (" + w->id + ")";
  } else {
    context.scope_label = "Organisation";
  }
  return context;
}

}  // namespace creditlens::script
