// One generated usage event as it is written, and the interface of the CSV and JSON Lines writers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "decimal_format.h"
#include "output_file.h"

namespace creditlens::sample {

// The contract's fields of one event. Text fields point into the organisation and the feature
// catalogue, which outlive the writing; empty text means "not set".
struct EventRow {
  std::uint64_t sequence = 0;  // 1-based in chronological order; the id is derived from it
  std::int64_t ts_ms = 0;      // epoch milliseconds, UTC
  std::string_view workspace_id, category, feature, unit;
  std::string_view folder, api_key, user_id, source, module;
  std::uint64_t run_number = 0;  // 0 = not part of a run
  std::int64_t credits_micro = 0;
  std::int64_t quantity_micro = 0;
  std::int64_t data_bytes = -1;  // -1 = not set
};

// The id of an event: "ev" and its sequence number zero-padded to the writer's id width.
inline constexpr std::string_view kEventIdPrefix = "ev";
inline constexpr std::string_view kRunIdPrefix = "run-";

// Bytes of all text fields of a row, for sizing the output a row may need.
inline std::size_t TextSize(const EventRow& row) {
  return row.workspace_id.size() + row.category.size() + row.feature.size() + row.unit.size() +
         row.folder.size() + row.api_key.size() + row.user_id.size() + row.source.size() + row.module.size();
}

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void Write(const EventRow& row) = 0;
  // Flushes and closes; throws std::runtime_error when the data could not be written.
  virtual void Finish() = 0;
};

// What the file writers share: the output file, the id width and the timestamp cache.
class FileEventWriter : public EventWriter {
 public:
  void Finish() override { file_.Close(); }

 protected:
  // id_width: digits of the zero-padded sequence number in event ids.
  FileEventWriter(const std::filesystem::path& path, int id_width) : file_(path), id_width_(id_width) {}

  OutputFile file_;
  int id_width_;
  TimestampWriter timestamps_;
};

}  // namespace creditlens::sample
