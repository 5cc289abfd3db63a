// ISO-8601 timestamps of the data contract: parsed to and printed from UTC epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace creditlens::model {

// Accepts YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM); a space may stand for the T.
// An offset is required: a timestamp without one is ambiguous and refused.
// Fractions beyond milliseconds are truncated.
std::optional<std::int64_t> ParseIsoTimestamp(std::string_view text);

// Formats as YYYY-MM-DDTHH:MM:SS.mmmZ.
std::string FormatIsoUtc(std::int64_t epoch_ms);

// Parses YYYY-MM-DD into days since 1970-01-01.
std::optional<std::int32_t> ParseIsoDate(std::string_view text);

}  // namespace creditlens::model
