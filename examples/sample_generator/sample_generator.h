// The sample data generator as a library call: writes events.csv (or events.jsonl) and
// accounts.json for the sample organisation into a directory. Used by creditlens-sample and tests.
#pragma once

#include <cstdint>
#include <filesystem>

#include "date/date.h"

namespace creditlens::sample {

enum class EventFormat { kCsv, kJsonl };

struct SampleOptions {
  std::filesystem::path out_dir;
  std::uint64_t events = 200000;
  date::year_month_day end = date::year{2026} / 11 / 21;  // last day with events (UTC)
  int days = 365;
  std::uint64_t seed = 42;
  EventFormat format = EventFormat::kCsv;
};

struct SampleSummary {
  std::uint64_t events = 0;
  std::size_t workspaces = 0;
  std::filesystem::path events_path;
  std::filesystem::path accounts_path;
};

// Generates the sample into options.out_dir (which must exist). Deterministic for a seed.
// Throws std::runtime_error when a file cannot be written or a time zone is missing.
SampleSummary GenerateSample(const SampleOptions& options);

}  // namespace creditlens::sample
