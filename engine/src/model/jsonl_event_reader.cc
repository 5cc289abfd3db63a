// JSON Lines events through boost::json's SAX parser, so that numbers keep their written digits
// (credits must stay exact; a double would not).
#include "model/jsonl_event_reader.h"

#include <boost/json/basic_parser_impl.hpp>

namespace creditlens::model {
namespace {
using boost::json::error_code;
using boost::json::string_view;
}  // namespace

class JsonlEventReader::Parser {
 public:
  // Parses one line into raw fields; returns the problem, if any.
  std::optional<FieldError> Parse(const std::string& line, RawEventFields& raw) {
    auto& h = parser_.handler();
    h.Reset();
    parser_.reset();
    error_code ec;
    const std::size_t used = parser_.write_some(false, line.data(), line.size(), ec);
    if (h.error) return h.error;
    if (ec) return FieldError{"", "invalid JSON: " + ec.message()};
    if (line.find_first_not_of(" \t\r", used) != std::string::npos) {
      return FieldError{"", "unexpected text after the JSON object (one object per line)"};
    }
    for (std::size_t i = 0; i < kEventFieldCount; ++i) {
      raw.text[i] = h.present[i] ? std::string_view(h.values[i]) : std::string_view{};
    }
    return std::nullopt;
  }

 private:
  struct Handler {
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    std::array<std::string, kEventFieldCount> values;
    std::array<bool, kEventFieldCount> present{};
    std::string key;  // the field being read, for messages
    std::string key_part, scalar;
    std::optional<EventField> current;
    std::optional<FieldError> error;
    int depth = 0;

    void Reset() {
      present.fill(false);
      error.reset();
      depth = 0;
      key.clear();
      key_part.clear();
      scalar.clear();
    }
    bool Fail(std::string field, std::string problem) {
      error = FieldError{std::move(field), std::move(problem)};
      return false;
    }
    bool Nested(const char* what) {
      if (depth == 0) return Fail("", std::string("expected one JSON object per line, got ") + what);
      return Fail(key, std::string("expected a string or a number, got ") + what);
    }
    bool Store() {
      const auto i = static_cast<std::size_t>(*current);
      values[i].swap(scalar);
      present[i] = true;
      scalar.clear();
      return true;
    }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_array_begin(error_code&) { return Nested("an array"); }
    bool on_array_end(std::size_t, error_code&) { return true; }
    bool on_object_begin(error_code&) { return depth++ == 0 ? true : Nested("an object"); }
    bool on_object_end(std::size_t, error_code&) { return true; }
    bool on_key_part(string_view s, std::size_t, error_code&) {
      key_part.append(s.data(), s.size());
      return true;
    }
    bool on_key(string_view s, std::size_t, error_code&) {
      key_part.append(s.data(), s.size());
      key.swap(key_part);
      key_part.clear();
      current = EventFieldByName(key);
      if (!current) return Fail(key, "is not a field of a usage event");
      if (present[static_cast<std::size_t>(*current)]) return Fail(key, "appears twice");
      return true;
    }
    bool on_string_part(string_view s, std::size_t, error_code&) {
      scalar.append(s.data(), s.size());
      return true;
    }
    bool on_string(string_view s, std::size_t n, error_code& ec) {
      if (depth == 0) return Nested("a string");
      on_string_part(s, n, ec);
      return Store();
    }
    bool on_number_part(string_view s, error_code&) {
      scalar.append(s.data(), s.size());
      return true;
    }
    bool Number(string_view s) {
      if (depth == 0) return Nested("a number");
      scalar.append(s.data(), s.size());
      return Store();
    }
    bool on_int64(std::int64_t, string_view s, error_code&) { return Number(s); }
    bool on_uint64(std::uint64_t, string_view s, error_code&) { return Number(s); }
    bool on_double(double, string_view s, error_code&) { return Number(s); }
    bool on_bool(bool, error_code&) {
      return depth == 0 ? Nested("a boolean") : Fail(key, "expected a string or a number, got a boolean");
    }
    bool on_null(error_code&) { return depth == 0 ? Nested("null") : true; }  // null is the same as absent
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }
  };

  boost::json::basic_parser<Handler> parser_{boost::json::parse_options{}};
};

JsonlEventReader::JsonlEventReader(const std::filesystem::path& path)
    : lines_(path), parser_(std::make_unique<Parser>()) {}

JsonlEventReader::~JsonlEventReader() = default;

bool JsonlEventReader::Next(EventRow& row) {
  do {
    if (!lines_.Next(line_)) return false;
  } while (line_.find_first_not_of(" \t") == std::string::npos);
  row.line = lines_.line_number();
  row.raw.clear();
  RawEventFields raw;
  row.error = parser_->Parse(line_, raw);
  if (!row.error) row.error = ValidateEvent(raw, row.event);
  if (row.error) row.raw = line_;
  return true;
}

}  // namespace creditlens::model
