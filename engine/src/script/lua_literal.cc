// Strings are written with decimal escapes for every byte outside printable ASCII, so no value
// can end the string early or change the chunk.
#include "script/lua_literal.h"

#include <cmath>
#include <cstdio>

namespace creditlens::script {

LuaLiteral& LuaLiteral::Key(std::string_view name) {
  Raw("[");
  String(name);
  text_.back() = ']';  // String() ends with a comma
  return Raw("=");
}

LuaLiteral& LuaLiteral::String(std::string_view value) {
  text_ += '"';
  for (const unsigned char c : value) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      text_ += static_cast<char>(c);
    } else {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\%03u", c);
      text_ += escape;
    }
  }
  return Raw("\",");
}

LuaLiteral& LuaLiteral::Number(double value) {
  if (!std::isfinite(value)) return Nil();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  text_ += buffer;
  // Keep it a float in Lua even when it prints without a fraction.
  if (text_.find_first_of(".e", text_.size() - std::string_view(buffer).size()) == std::string::npos)
    text_ += ".0";
  return Raw(",");
}

LuaLiteral& LuaLiteral::Integer(std::int64_t value) { return Raw(std::to_string(value)).Raw(","); }

std::string LuaLiteral::Finish() {
  if (!text_.empty() && text_.back() == ',') text_.pop_back();
  return std::move(text_);
}

}  // namespace creditlens::script
