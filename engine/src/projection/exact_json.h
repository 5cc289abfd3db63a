// Parsing a saved projection's JSON while keeping each number's text as written. Boost.JSON holds
// numbers as double, which cannot carry 9e9 credits to the micro-credit and may misround a double's
// last bit; the text read back with ParseMicroCredits or from_chars is exact.
#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace creditlens::projection {

// Paths name a value inside a document: "$" for the root of a JSON file ("" for a Lua file's table),
// then ".key" for an object member and "[i]" for an array item.
std::string MemberPath(std::string_view object_path, std::string_view key);
std::string ItemPath(std::string_view array_path, std::size_t index);

// Every number's text, by the path of the number (items counted from 0).
using NumberTexts = std::unordered_map<std::string, std::string>;

struct ExactJson {
  boost::json::value root;
  NumberTexts numbers;
};

// Parses one JSON document. Throws SpecError "<file>:LINE:COLUMN: invalid JSON: <reason>".
ExactJson ParseExactJson(std::string_view text, const std::string& file);

}  // namespace creditlens::projection
