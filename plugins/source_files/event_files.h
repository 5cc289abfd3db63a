// Loads what a files source names, one event file or a directory of them, into memory: canonical
// CSV and JSON Lines through the engine's readers, FOCUS exports through FocusEventReader. All or
// nothing: the first bad row stops the load with its file, line, field and problem.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "creditlens/accounts.h"
#include "event_table.h"
#include "files_options.h"
#include "focus_event_reader.h"

namespace creditlens::files {

// What the files held that did not become events.
struct LeftOut {
  FocusSkips focus;                 // FOCUS rows that are not usage
  std::uint64_t duplicate_ids = 0;  // events whose id an earlier file holds: the first one counts
};

struct LoadedFiles {
  EventTable events;
  // From the accounts file when one is given; else one per workspace the events name (FOCUS: its
  // sub-account name, and focus_credit_price as its price per credit), with no plan.
  std::vector<Workspace> workspaces;
  LeftOut left_out;
};

// The event files at path: the file itself, or a directory's .csv, .jsonl and .ndjson files in
// name order (not its subdirectories, nor hidden files). Throws std::runtime_error when there are none.
std::vector<std::filesystem::path> EventFilesAt(const std::filesystem::path& path);

// Throws std::runtime_error naming the file, line, field and problem of the first bad row; an
// event's workspace must be in the accounts file when one is given. The same id twice in one file is
// an error; in a later file, the later event is left out (as ingest skips ids already stored).
LoadedFiles LoadFiles(const FilesOptions& options);

// "left out 3 FOCUS rows that are not usage (Adjustment 2, Credit 1); ..." or "" when nothing was.
std::string DescribeLeftOut(const LeftOut& left_out);

}  // namespace creditlens::files
