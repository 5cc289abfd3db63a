// Writes events as JSON Lines: one object per line with the contract's field names; credits,
// quantity and data_bytes are JSON numbers, and optional fields that are not set are left out.
#pragma once

#include <filesystem>

#include "event_writer.h"

namespace creditlens::sample {

class JsonlWriter final : public FileEventWriter {
 public:
  JsonlWriter(const std::filesystem::path& path, int id_width);
  void Write(const EventRow& row) override;
};

}  // namespace creditlens::sample
