// Indented JSON text for small documents meant to be read by people (accounts.json): two-space
// indentation, keys in insertion order, and numbers as written by std::to_chars ("0.01", not "1E-2").
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace creditlens::sample {

// Returns the document as indented JSON followed by a newline.
std::string PrettyJson(const boost::json::value& document);

}  // namespace creditlens::sample
