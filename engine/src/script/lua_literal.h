// Writes data as the text of a Lua table constructor ("return { ... }"), which the sandbox loads
// as a text chunk: the engine hands data to scripts without touching the Lua stack value by value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace creditlens::script {

class LuaLiteral {
 public:
  LuaLiteral() : text_("return ") {}

  LuaLiteral& Open() { return Raw("{"); }  // a table
  LuaLiteral& Close() { return Raw("},"); }
  LuaLiteral& Key(std::string_view name);  // the next value's key
  LuaLiteral& String(std::string_view value);
  LuaLiteral& Number(double value);  // non-finite values become nil
  LuaLiteral& Integer(std::int64_t value);
  LuaLiteral& Bool(bool value) { return Raw(value ? "true," : "false,"); }
  LuaLiteral& Nil() { return Raw("nil,"); }
  // The chunk text; the outer table's trailing comma is dropped.
  std::string Finish();

 private:
  LuaLiteral& Raw(std::string_view text) {
    text_ += text;
    return *this;
  }
  std::string text_;
};

}  // namespace creditlens::script
