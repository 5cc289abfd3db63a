// Usage events from CSV: the header names the columns, in any order.
#include "model/csv_event_reader.h"

#include <stdexcept>

namespace creditlens::model {

CsvEventReader::CsvEventReader(const std::filesystem::path& path) : path_(path), csv_(path) {
  CsvRecord header;
  if (!csv_.Next(header)) throw std::runtime_error(path.string() + ": empty file (expected a header row)");
  if (!header.error.empty()) throw std::runtime_error(path.string() + ":1: header: " + header.error);
  std::array<bool, kEventFieldCount> seen{};
  for (std::string_view name : header.fields) {
    const auto field = EventFieldByName(name);
    if (!field) {
      std::string accepted;
      for (auto known : kEventFieldNames) accepted += (accepted.empty() ? "" : ", ") + std::string(known);
      throw std::runtime_error(path.string() + ":1: header: unknown column '" + std::string(name) +
                               "' (accepted: " + accepted + ")");
    }
    if (seen[static_cast<std::size_t>(*field)]) {
      throw std::runtime_error(path.string() + ":1: header: column '" + std::string(name) +
                               "' appears twice");
    }
    seen[static_cast<std::size_t>(*field)] = true;
    columns_.push_back(*field);
  }
  for (std::size_t i = 0; i < kEventFieldCount; ++i) {
    const auto field = static_cast<EventField>(i);
    if (IsRequired(field) && !seen[i]) {
      throw std::runtime_error(path.string() + ":1: header: missing required column '" +
                               std::string(NameOf(field)) + "'");
    }
  }
}

bool CsvEventReader::Next(EventRow& row) {
  if (!csv_.Next(record_)) return false;
  row.line = record_.line;
  row.error.reset();
  row.raw.clear();
  if (!record_.error.empty()) {
    row.error = FieldError{"", record_.error};
  } else if (record_.fields.size() != columns_.size()) {
    row.error =
        FieldError{"", "expected " + std::to_string(columns_.size()) + " fields as in the header, found " +
                           std::to_string(record_.fields.size())};
  } else {
    RawEventFields raw;
    for (std::size_t i = 0; i < columns_.size(); ++i) raw[columns_[i]] = record_.fields[i];
    row.error = ValidateEvent(raw, row.event);
  }
  if (row.error) row.raw.assign(record_.raw);
  return true;
}

}  // namespace creditlens::model
