// Writes events as JSON Lines: one object per line with the contract's field names; credits,
// quantity and data_bytes are JSON numbers, and optional fields that are not set are left out.
#pragma once

#include <cstdint>
#include <filesystem>

#include "decimal_format.h"
#include "event_writer.h"
#include "output_file.h"

namespace creditlens::sample {

class JsonlWriter : public EventWriter {
 public:
  // id_width: digits of the zero-padded sequence number in event ids.
  JsonlWriter(const std::filesystem::path& path, int id_width);
  void Write(const EventRow& row) override;
  void Finish() override { file_.Close(); }

 private:
  OutputFile file_;
  int id_width_;
  TimestampWriter timestamps_;
};

}  // namespace creditlens::sample
