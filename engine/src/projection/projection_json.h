// A projection saved as one versioned JSON document holding every assumption and every result:
//   { "creditlens_projection": 1, "assumptions": {...}, "resolved": {...}, "scenarios": [...] }
// "assumptions" is exactly what a scenario file's cl.projection returns (scenario_file.h), so one
// parser reads both. Credits are exact decimals, cents dollars with two decimals, dates YYYY-MM-DD and
// absent dates null; loading gives back exactly what was saved.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "projection/projection_result.h"
#include "projection/projection_spec.h"
#include "projection/spec_error.h"

namespace creditlens::projection {

// The schema version SaveProjection writes and the only one LoadProjection reads.
inline constexpr int kProjectionSchemaVersion = 1;

// Reads the assumptions a scenario file returned, encoded as JSON. Errors name the scenario's or
// change's `where` ("file.lua:LINE" of its declaration), or else `origin`, and the field's path with
// list items counted from 1 as in Lua: "scenarios[2].changes[1].per: expected day, week or month, got
// "fortnight"". Throws SpecError.
ProjectionSpec ParseProjectionSpec(const boost::json::value& assumptions, const std::string& origin);

// The document, pretty-printed with a stable key order.
std::string SaveProjection(const Projection& projection);

// Reads a saved document; `file` names it in errors, with the JSON path ("$.scenarios[0].days[3].day",
// items counted from 0). Refuses other schema versions. Throws SpecError.
Projection LoadProjection(std::string_view text, const std::string& file);

}  // namespace creditlens::projection
