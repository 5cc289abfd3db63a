// Loads event files (and accounts) into an EventStore: all or nothing per file, or with
// --skip-invalid the good rows in and every bad one into a rejects file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "creditlens/source_connector.h"
#include "store/reject_log.h"

namespace creditlens::store {

// A row that stopped a load; what() names file, line, field and the problem.
class IngestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct IngestSummary {
  std::uint64_t rows = 0;
  std::uint64_t inserted = 0;
  std::uint64_t already_stored = 0;  // ids stored by an earlier load: idempotent re-ingest
  std::uint64_t rejected = 0;        // only with a RejectLog
};

// Loads one file in one transaction. accounts (may be empty) are upserted in the same transaction.
// known_workspaces must include the accounts' workspaces. With rejects == nullptr the first bad row
// rolls everything back and throws IngestError; otherwise bad rows go to rejects and the rest loads.
// A file's rejects reach the log only once its load has committed.
IngestSummary IngestEventFile(EventStore& store, const std::filesystem::path& events,
                              const std::vector<Workspace>& accounts,
                              const std::set<std::string>& known_workspaces, RejectLog* rejects);

// Upserts accounts alone, in one transaction.
void IngestAccounts(EventStore& store, const std::vector<Workspace>& accounts);

}  // namespace creditlens::store
