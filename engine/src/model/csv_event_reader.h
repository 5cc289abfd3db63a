// EventReader over a CSV file with a header row.
#pragma once

#include <vector>

#include "model/csv_reader.h"
#include "model/event_reader.h"

namespace creditlens::model {

class CsvEventReader final : public EventReader {
 public:
  explicit CsvEventReader(const std::filesystem::path& path);
  bool Next(EventRow& row) override;
  std::string_view current_text() const override { return record_.raw; }
  std::uint64_t bytes_read() const override { return csv_.bytes_read(); }
  std::uint64_t file_size() const override { return csv_.file_size(); }

 private:
  std::filesystem::path path_;
  CsvReader csv_;
  CsvRecord record_;
  std::vector<EventField> columns_;  // the field each column holds
};

}  // namespace creditlens::model
