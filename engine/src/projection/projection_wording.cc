#include "projection/projection_wording.h"

#include "model/time_zone.h"
#include "render/amount_text.h"

namespace creditlens::projection {

std::string DayRangeText(std::int32_t first_day, std::int32_t last_day) {
  return model::FormatDate(first_day) + " \u2013 " + model::FormatDate(last_day);
}

std::string BandRangeText(const Band& band) {
  return render::CreditsText(band.p10) + " \u2013 " + render::CreditsText(band.p90);
}

std::string RunsOutText(std::optional<std::int32_t> day, std::int32_t horizon_day) {
  return day ? model::FormatDate(*day) : "not before " + model::FormatDate(horizon_day);
}

std::string PrepaidRunsOutText(const ScenarioResult& scenario, std::int32_t horizon_day) {
  const BeyondIncluded& beyond = scenario.beyond_included;
  const bool went_beyond = beyond.flex > 0 || beyond.over_limit > 0;
  if (!scenario.prepaid_runs_out && beyond.prepaid == 0 && went_beyond) return "no prepaid credits";
  return RunsOutText(scenario.prepaid_runs_out, horizon_day);
}

}  // namespace creditlens::projection
