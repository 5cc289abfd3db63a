// Small conversions shared by the stages of a report run.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

namespace creditlens::script {

// Micro-units (credits, micro-dollars) as the number a script or a chart sees.
inline double ToDouble(std::int64_t micro) { return static_cast<double>(micro) / 1e6; }

// A string field of a JSON object from Lua, or fallback when absent or not a string.
inline std::string StringField(const boost::json::object& o, const char* key,
                               const std::string& fallback = {}) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : fallback;
}

}  // namespace creditlens::script
