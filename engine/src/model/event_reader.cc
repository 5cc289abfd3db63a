// Picks the event reader for a file by its extension.
#include "model/event_reader.h"

#include <stdexcept>

#include "model/csv_event_reader.h"
#include "model/jsonl_event_reader.h"

namespace creditlens::model {

std::unique_ptr<EventReader> OpenEventFile(const std::filesystem::path& path) {
  const auto extension = path.extension().string();
  if (extension == ".csv") return std::make_unique<CsvEventReader>(path);
  if (extension == ".jsonl" || extension == ".ndjson") return std::make_unique<JsonlEventReader>(path);
  throw std::runtime_error(path.string() + ": unknown event file type '" + extension +
                           "' (expected .csv, .jsonl or .ndjson)");
}

}  // namespace creditlens::model
