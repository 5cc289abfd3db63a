#include "projection/field_io.h"

#include <charconv>

#include "model/time_zone.h"
#include "model/timestamp.h"

namespace creditlens::projection {

void FieldWriter::String(const char* key, const std::string& value) {
  out_.Key(key);
  out_.String(value);
}

void FieldWriter::Bool(const char* key, bool value) {
  out_.Key(key);
  out_.Bool(value);
}

void FieldWriter::Number(const char* key, double value) {
  char buffer[32];  // the shortest text that reads back as the same double
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.Key(key);
  out_.Number(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

void FieldWriter::Credits(const char* key, MicroCredits value) {
  out_.Key(key);
  out_.Number(FormatMicroCredits(value));
}

void FieldWriter::Credits(const char* key, const std::optional<MicroCredits>& value) {
  if (value) return Credits(key, *value);
  out_.Key(key);
  out_.Null();
}

void FieldWriter::Dollars(const char* key, billing::Cents value) {
  out_.Key(key);
  out_.Number(billing::FormatCents(value));
}

void FieldWriter::Date(const char* key, std::int32_t day) { String(key, model::FormatDate(day)); }

void FieldWriter::Date(const char* key, const std::optional<std::int32_t>& day) {
  if (day) return Date(key, *day);
  out_.Key(key);
  out_.Null();
}

void FieldWriter::Instant(const char* key, std::int64_t epoch_ms) {
  String(key, model::FormatIsoUtc(epoch_ms));
}

}  // namespace creditlens::projection
