// creditlens ingest: event files and accounts into the embedded store.
#include <cstdio>
#include <optional>
#include <set>

#include "commands.h"
#include "model/accounts_json.h"
#include "source_session.h"
#include "store/ingest.h"

namespace creditlens::cli {
namespace {

int RunIngest(const ParsedArgs& args, const std::filesystem::path& executable) {
  if (args.positionals().empty() && !args.Has("accounts")) {
    throw UsageError("nothing to ingest: give event files (.csv, .jsonl) and/or --accounts FILE");
  }
  std::vector<Workspace> accounts;
  if (const auto file = args.Get("accounts")) accounts = model::ReadAccountsFile(*file);

  auto session = OpenSource(args, executable, Access::kWrite);
  EventStore* store = session->connector->Store();
  if (!store) throw std::runtime_error(session->description + " is read-only: ingest needs a store");

  std::vector<Workspace> stored;
  const Status loaded = session->connector->LoadAccounts(stored);
  if (!loaded.ok()) throw std::runtime_error(loaded.message());
  std::set<std::string> known;
  for (const auto& w : stored) known.insert(w.id);
  for (const auto& w : accounts) known.insert(w.id);

  std::optional<store::RejectLog> rejects;
  if (const auto file = args.Get("skip-invalid")) rejects.emplace(*file);

  // Files load one transaction each: when one fails, those before it stay loaded and so do their rejects.
  auto commit_rejects = [&] {
    if (rejects) rejects->Commit();
  };
  try {
    if (args.positionals().empty()) store::IngestAccounts(*store, accounts);
    for (std::size_t i = 0; i < args.positionals().size(); ++i) {
      const std::string& file = args.positionals()[i];
      // Accounts go in with the first file, in its transaction.
      const auto summary = store::IngestEventFile(*store, file, i == 0 ? accounts : std::vector<Workspace>{},
                                                  known, rejects ? &*rejects : nullptr);
      std::printf("%s: %llu rows, %llu new, %llu already stored, %llu rejected\n", file.c_str(),
                  static_cast<unsigned long long>(summary.rows),
                  static_cast<unsigned long long>(summary.inserted),
                  static_cast<unsigned long long>(summary.already_stored),
                  static_cast<unsigned long long>(summary.rejected));
    }
  } catch (...) {
    commit_rejects();
    throw;
  }
  if (!accounts.empty()) std::printf("accounts: %zu workspaces\n", accounts.size());
  commit_rejects();
  return 0;
}

}  // namespace

Command IngestCommand() {
  CommandSpec spec{
      "ingest", "[EVENTS...]", "Load usage events (CSV or JSON Lines) and accounts into the embedded store.",
      "Each events file loads in one transaction: a bad row stops the load with its file, line, field\n"
      "and problem, and the store is left as it was. With --skip-invalid the good rows load and each\n"
      "rejected row is written with its reason to the given file (JSON Lines). Ingest is idempotent:\n"
      "events whose id is already stored are skipped. Accounts load with the first events file.",
      SourceOptions()};
  spec.options.push_back({"accounts", "FILE", "accounts JSON: workspaces, subscriptions, credit grants"});
  spec.options.push_back(
      {"skip-invalid", "FILE", "load the good rows; write rejected rows with reasons to FILE"});
  return {spec, &RunIngest};
}

}  // namespace creditlens::cli
