// Reads usage events from a CSV or JSON Lines file, one validated row at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "creditlens/usage_event.h"
#include "model/event_fields.h"

namespace creditlens::model {

struct EventRow {
  std::uint64_t line = 0;           // where the row starts in the file, 1-based
  UsageEvent event;                 // valid when error is empty
  std::optional<FieldError> error;  // what is wrong with the row; field is empty for structural problems
  std::string raw;                  // the row's text, kept only when error is set
};

class EventReader {
 public:
  virtual ~EventReader() = default;
  // Reads the next row; false at the end of the file.
  virtual bool Next(EventRow& row) = 0;
  // The text of the row Next() read last, as it stands in the file.
  virtual std::string_view current_text() const = 0;
  virtual std::uint64_t bytes_read() const = 0;
  virtual std::uint64_t file_size() const = 0;
};

// Chooses the reader by extension: .csv, .jsonl or .ndjson. Throws std::runtime_error naming the file
// for an unknown extension, an unreadable file or (CSV) a header that lacks required or has unknown columns.
std::unique_ptr<EventReader> OpenEventFile(const std::filesystem::path& path);

}  // namespace creditlens::model
