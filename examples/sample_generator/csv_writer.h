// Writes events as CSV (RFC 4180): a header row with the contract's field names in order, then one
// row per event, quoting a field only when it holds a comma, quote or line break.
#pragma once

#include <filesystem>

#include "event_writer.h"

namespace creditlens::sample {

class CsvWriter final : public FileEventWriter {
 public:
  CsvWriter(const std::filesystem::path& path, int id_width);
  void Write(const EventRow& row) override;
};

}  // namespace creditlens::sample
