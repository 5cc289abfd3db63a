// A Boost.JSON parser handler that builds the document like boost::json::parse does and records each
// number's text under its path.
#include "projection/exact_json.h"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>
#include <vector>

#include "projection/spec_error.h"

namespace creditlens::projection {
namespace {

namespace json = boost::json;

class ExactHandler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack stack;
  NumberTexts numbers;

  bool on_document_begin(json::error_code&) {
    stack.reset();
    return true;
  }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    Enter(false);
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    containers_.pop_back();
    stack.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) {
    Enter(true);
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    containers_.pop_back();
    stack.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    stack.push_chars(s);
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    stack.push_key(s);
    key_.append(s.data(), s.size());
    containers_.back().key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    NextPath();
    stack.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view s, json::error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view s, json::error_code&) {
    Number(s);
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view s, json::error_code&) {
    Number(s);
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view s, json::error_code&) {
    Number(s);
    stack.push_double(d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    NextPath();
    stack.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    NextPath();
    stack.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  struct Container {
    std::string path;
    bool is_array = false;
    std::size_t items = 0;
    std::string key;  // the member being read
  };

  // The path of the value starting now; counts it when it is an array item.
  std::string NextPath() {
    if (containers_.empty()) return "$";
    Container& parent = containers_.back();
    return parent.is_array ? ItemPath(parent.path, parent.items++) : MemberPath(parent.path, parent.key);
  }
  void Enter(bool is_array) { containers_.push_back({NextPath(), is_array, 0, {}}); }
  void Number(json::string_view last_part) {
    number_.append(last_part.data(), last_part.size());
    numbers.emplace(NextPath(), std::move(number_));
    number_.clear();
  }

  std::vector<Container> containers_;
  std::string key_;
  std::string number_;
};

// "LINE:COLUMN" (from 1) of the character at `offset`.
std::string Position(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n');
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::string MemberPath(std::string_view object_path, std::string_view key) {
  std::string path(object_path);
  if (!path.empty()) path += '.';
  return path.append(key);
}

std::string ItemPath(std::string_view array_path, std::size_t index) {
  return std::string(array_path) + "[" + std::to_string(index) + "]";
}

ExactJson ParseExactJson(std::string_view text, const std::string& file) {
  json::basic_parser<ExactHandler> parser(json::parse_options{});
  json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (ec) throw SpecError(file + ":" + Position(text, used) + ": invalid JSON: " + ec.message());
  return {parser.handler().stack.release(), std::move(parser.handler().numbers)};
}

}  // namespace creditlens::projection
