// Reading a projection's JSON object by object: each accessor checks the field's type and syntax and
// throws SpecError naming the place (a JSON file, or the Lua declaration's "file.lua:LINE"), the
// field's path and what was expected.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "billing/money.h"
#include "creditlens/credits.h"
#include "projection/exact_json.h"

namespace creditlens::projection {

// What the readers of one document share.
struct JsonSource {
  // A Lua file's table: paths count items from 1 as Lua does, and a scenario or change is named by
  // the position it was declared at (its `where`). A JSON file: "$" paths with items from 0.
  bool from_lua = false;
  // Each number's text (ParseExactJson); without, numbers are taken as Boost.JSON read them.
  const NumberTexts* numbers = nullptr;
};

class JsonReader {
 public:
  // Reads `value`, which must be an object, found at `path`; errors begin with `origin`.
  JsonReader(const boost::json::value& value, const JsonSource& source, std::string origin, std::string path);

  [[noreturn]] void Fail(std::string_view key, const std::string& problem) const;  // key "": the object
  const std::string& path() const { return path_; }
  const JsonSource& source() const { return *source_; }
  // From here on errors begin with `origin`: a Lua declaration's own position.
  void set_origin(std::string origin) { origin_ = std::move(origin); }

  // Each accessor marks its field as known. A field that is absent or null gives nothing; one of the
  // wrong type or syntax fails.
  bool Has(std::string_view key) const;
  std::optional<std::string> String(std::string_view key) const;
  std::optional<bool> Bool(std::string_view key) const;
  std::optional<double> Number(std::string_view key) const;           // finite
  std::optional<std::int32_t> Date(std::string_view key) const;       // YYYY-MM-DD, days since 1970-01-01
  std::optional<std::int64_t> Instant(std::string_view key) const;    // ISO 8601 with offset, UTC ms
  std::optional<MicroCredits> Credits(std::string_view key) const;    // decimal, at most 6 decimals
  std::optional<billing::Cents> Dollars(std::string_view key) const;  // decimal, at most 2 decimals
  std::optional<JsonReader> Object(std::string_view key) const;
  std::optional<std::vector<JsonReader>> Objects(std::string_view key) const;  // a list of objects

  // What a field is written as, for Parsed.
  enum class Written { kString, kNumber };

  // A field written as `written` whose text `parse` accepts (an enum's name, a date, an amount);
  // `expected` says what it accepts, for the error.
  template <typename T>
  std::optional<T> Parsed(std::string_view key, Written written, std::optional<T> (*parse)(std::string_view),
                          const std::string& expected) const {
    const std::optional<std::string> text = Text(key, written, expected);
    if (!text) return std::nullopt;
    std::optional<T> value = parse(*text);
    if (!value) Expected(key, expected);
    return value;
  }

  // The value of a required field.
  template <typename T>
  T Required(std::string_view key, std::optional<T> value) const {
    if (!value) Fail(key, "is required");
    return std::move(*value);
  }

  // Fails on a field no accessor asked for: a misspelt optional field must not vanish silently.
  void RefuseUnknownFields() const;

  // Fails with "<path>.<key>: expected <what>, got <the field's value>".
  [[noreturn]] void Expected(std::string_view key, const std::string& what) const;

 private:
  const boost::json::value* Find(std::string_view key) const;
  // The text of a field written as `written` (a number's as written), or nothing when it is absent.
  std::optional<std::string> Text(std::string_view key, Written written, const std::string& expected) const;
  std::string NumberText(std::string_view key) const;  // the field must be a number

  const boost::json::object* object_ = nullptr;
  const JsonSource* source_;
  std::string origin_;
  std::string path_;
  mutable std::set<std::string, std::less<>> known_;
};

}  // namespace creditlens::projection
