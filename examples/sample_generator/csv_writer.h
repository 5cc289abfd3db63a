// Writes events as CSV (RFC 4180): a header row with the contract's field names in order, then one
// row per event, quoting a field only when it holds a comma, quote or line break.
#pragma once

#include <cstdint>
#include <filesystem>

#include "decimal_format.h"
#include "event_writer.h"
#include "output_file.h"

namespace creditlens::sample {

class CsvWriter : public EventWriter {
 public:
  // id_width: digits of the zero-padded sequence number in event ids.
  CsvWriter(const std::filesystem::path& path, int id_width);
  void Write(const EventRow& row) override;
  void Finish() override { file_.Close(); }

 private:
  OutputFile file_;
  int id_width_;
  TimestampWriter timestamps_;
};

}  // namespace creditlens::sample
