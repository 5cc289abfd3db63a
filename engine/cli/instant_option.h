// Options that name an instant (schedule next --from, schedule run --now): ISO-8601 with an offset
// or Z, or a local wall time in a zone.
#pragma once

#include <cstdint>
#include <string>

#include "model/time_zone.h"
#include "options.h"

namespace creditlens::cli {

// The instant --<option> names, read as a local time in zone when it has no offset (a skipped local
// time is the end of the gap, a repeated one its first occurrence); the clock's now when absent.
// Throws UsageError.
std::int64_t InstantOption(const ParsedArgs& args, const std::string& option, const model::TimeZone& zone);

}  // namespace creditlens::cli
