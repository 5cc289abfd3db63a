// Indented JSON printing (see pretty_json.h).
#include "pretty_json.h"

#include <boost/json/serialize.hpp>
#include <charconv>

namespace creditlens::sample {
namespace {

template <typename Number>
void AppendNumber(Number number, std::string& out) {
  char text[32];
  out.append(text, std::to_chars(text, text + sizeof text, number).ptr);
}

void Append(const boost::json::value& value, int indent, std::string& out) {
  const std::string inner(static_cast<std::size_t>(indent + 2), ' ');
  switch (value.kind()) {
    case boost::json::kind::object: {
      const auto& object = value.get_object();
      if (object.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [key, member] : object) {
        if (!first) out += ",\n";
        first = false;
        out += inner;
        out += boost::json::serialize(boost::json::string_view(key));
        out += ": ";
        Append(member, indent + 2, out);
      }
      out += '\n';
      out.append(static_cast<std::size_t>(indent), ' ');
      out += '}';
      return;
    }
    case boost::json::kind::array: {
      const auto& array = value.get_array();
      if (array.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      bool first = true;
      for (const auto& element : array) {
        if (!first) out += ",\n";
        first = false;
        out += inner;
        Append(element, indent + 2, out);
      }
      out += '\n';
      out.append(static_cast<std::size_t>(indent), ' ');
      out += ']';
      return;
    }
    case boost::json::kind::string:
      out += boost::json::serialize(value.get_string());
      return;
    case boost::json::kind::int64:
      AppendNumber(value.get_int64(), out);
      return;
    case boost::json::kind::uint64:
      AppendNumber(value.get_uint64(), out);
      return;
    case boost::json::kind::double_:
      AppendNumber(value.get_double(), out);
      return;
    case boost::json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::null:
      out += "null";
      return;
  }
}

}  // namespace

std::string PrettyJson(const boost::json::value& document) {
  std::string out;
  Append(document, 0, out);
  out += '\n';
  return out;
}

}  // namespace creditlens::sample
