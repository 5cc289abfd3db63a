// Reading the JSON objects a report's Lua code hands the engine.
#pragma once

#include <boost/json/object.hpp>
#include <string>

namespace creditlens::script {

// A string field of a JSON object from Lua, or fallback when absent or not a string.
inline std::string StringField(const boost::json::object& o, const char* key,
                               const std::string& fallback = {}) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : fallback;
}

}  // namespace creditlens::script
