#include "projection/json_reader.h"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "model/timestamp.h"
#include "projection/spec_error.h"

namespace creditlens::projection {
namespace {

namespace json = boost::json;

// The shortest text that reads back as the same double.
std::string DoubleText(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

// A value as an error message shows it: scalars as JSON, containers by their kind.
std::string Show(const json::value& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "a list";
  if (value.is_double()) return DoubleText(value.as_double());
  return json::serialize(value);
}

// Dollars as FormatCents writes them ("12.34", "-0.05") in cents.
std::optional<billing::Cents> ParseCents(std::string_view text) {
  const bool negative = text.starts_with('-');
  try {
    const billing::MicroDollars micros = billing::ParseDollars(text.substr(negative ? 1 : 0), "dollars");
    constexpr billing::MicroDollars kMicrosPerCent = billing::kMicrosPerDollar / 100;
    if (micros % kMicrosPerCent != 0) return std::nullopt;
    return (negative ? -1 : 1) * (micros / kMicrosPerCent);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

}  // namespace

JsonReader::JsonReader(const json::value& value, const JsonSource& source, std::string origin,
                       std::string path)
    : source_(&source), origin_(std::move(origin)), path_(std::move(path)) {
  if (!value.is_object()) Fail("", "expected an object, got " + Show(value));
  object_ = &value.as_object();
}

void JsonReader::Fail(std::string_view key, const std::string& problem) const {
  const std::string path = key.empty() ? path_ : MemberPath(path_, key);
  throw SpecError(origin_ + ": " + (path.empty() ? "" : path + ": ") + problem);
}

void JsonReader::Expected(std::string_view key, const std::string& what) const {
  const json::value& value = object_->at(key);
  Fail(key, "expected " + what + ", got " + (value.is_double() ? NumberText(key) : Show(value)));
}

const json::value* JsonReader::Find(std::string_view key) const {
  known_.emplace(key);
  const json::value* value = object_->if_contains(key);
  return value && !value->is_null() ? value : nullptr;
}

bool JsonReader::Has(std::string_view key) const { return Find(key) != nullptr; }

std::optional<std::string> JsonReader::String(std::string_view key) const {
  return Text(key, Written::kString, "a string");
}

std::optional<bool> JsonReader::Bool(std::string_view key) const {
  const json::value* value = Find(key);
  if (!value) return std::nullopt;
  if (!value->is_bool()) Expected(key, "true or false");
  return value->as_bool();
}

std::string JsonReader::NumberText(std::string_view key) const {
  const json::value& value = object_->at(key);
  if (value.is_int64()) return std::to_string(value.as_int64());
  if (value.is_uint64()) return std::to_string(value.as_uint64());
  return source_->numbers ? source_->numbers->at(MemberPath(path_, key)) : DoubleText(value.as_double());
}

std::optional<std::string> JsonReader::Text(std::string_view key, Written written,
                                            const std::string& expected) const {
  const json::value* value = Find(key);
  if (!value) return std::nullopt;
  if (written == Written::kString && value->is_string()) return std::string(value->as_string());
  if (written == Written::kNumber && value->is_number()) return NumberText(key);
  Expected(key, expected);
}

std::optional<double> JsonReader::Number(std::string_view key) const {
  const auto text = Text(key, Written::kNumber, "a number");
  if (!text) return std::nullopt;
  double number = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (ec != std::errc{} || !std::isfinite(number)) Expected(key, "a finite number");
  return number;
}

std::optional<std::int32_t> JsonReader::Date(std::string_view key) const {
  return Parsed(key, Written::kString, model::ParseIsoDate, "a date YYYY-MM-DD");
}

std::optional<std::int64_t> JsonReader::Instant(std::string_view key) const {
  return Parsed(key, Written::kString, model::ParseIsoTimestamp,
                "an ISO 8601 time with offset such as 2026-11-22T23:59:59.999Z");
}

std::optional<MicroCredits> JsonReader::Credits(std::string_view key) const {
  return Parsed(key, Written::kNumber, ParseMicroCredits, "credits with at most 6 decimals");
}

std::optional<billing::Cents> JsonReader::Dollars(std::string_view key) const {
  return Parsed(key, Written::kNumber, ParseCents, "dollars with at most 2 decimals");
}

std::optional<JsonReader> JsonReader::Object(std::string_view key) const {
  const json::value* value = Find(key);
  if (!value) return std::nullopt;
  return JsonReader(*value, *source_, origin_, MemberPath(path_, key));
}

std::optional<std::vector<JsonReader>> JsonReader::Objects(std::string_view key) const {
  const json::value* value = Find(key);
  if (!value) return std::nullopt;
  if (!value->is_array()) Expected(key, "a list");
  const json::array& items = value->as_array();
  const std::size_t first_index = source_->from_lua ? 1 : 0;
  std::vector<JsonReader> readers;
  readers.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    readers.emplace_back(items[i], *source_, origin_, ItemPath(MemberPath(path_, key), first_index + i));
  }
  return readers;
}

void JsonReader::RefuseUnknownFields() const {
  for (const auto& [key, value] : *object_) {
    if (known_.contains(std::string_view(key))) continue;
    std::string accepted;
    for (const auto& k : known_) accepted += (accepted.empty() ? "" : ", ") + k;
    Fail(key, "unknown field (accepted: " + accepted + ")");
  }
}

}  // namespace creditlens::projection
