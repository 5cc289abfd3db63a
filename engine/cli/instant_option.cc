#include "instant_option.h"

#include <chrono>

#include "model/timestamp.h"

namespace creditlens::cli {

std::int64_t InstantOption(const ParsedArgs& args, const std::string& option, const model::TimeZone& zone) {
  const auto text = args.Get(option);
  if (!text) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
  }
  if (const auto instant = model::ParseIsoTimestamp(*text)) return *instant;
  // A local wall time read as if it were UTC is milliseconds since the local epoch.
  const auto local = text->size() == 16   ? model::ParseIsoTimestamp(*text + ":00Z")
                     : text->size() == 19 ? model::ParseIsoTimestamp(*text + "Z")
                                          : std::nullopt;
  if (local) return zone.MapLocal(*local).first_ms;
  throw UsageError("--" + option +
                   " expects an ISO-8601 time with an offset (2026-03-29T01:00:00Z) or a local time "
                   "YYYY-MM-DD HH:MM, got '" +
                   *text + "'");
}

}  // namespace creditlens::cli
