// Open loads everything (or nothing); the other methods read what it loaded.
#include "files_connector.h"

#include <cstdio>
#include <stdexcept>

#include "event_files.h"
#include "files_options.h"

namespace creditlens::files {

FilesConnector::FilesConnector() = default;
FilesConnector::~FilesConnector() = default;

ConnectorInfo FilesConnector::Describe() const noexcept {
  return {
      {"files",
       "0.1.0",
       "Usage events read straight from files, no ingest: canonical CSV and JSON Lines, FOCUS 1.0 exports",
       {{"uri", SettingType::kString, "",
         "File or directory of event files (.csv, .jsonl, .ndjson), as in --source files:PATH; settings may "
         "follow as a query: files:PATH?focus_credit_price=0.01&accounts=accounts.json"},
        {"accounts", SettingType::kPath, "",
         "Accounts JSON file; without one, each workspace the events name is a workspace with no plan"},
        {"focus_credit_price", SettingType::kString, "",
         "Dollars per credit for FOCUS exports (required for them): credits = cost / price, rounded "
         "half-even to 6 decimals"},
        {"focus_cost_column", SettingType::kString, "BilledCost",
         "The FOCUS cost column turned into credits: BilledCost, EffectiveCost, ListCost or "
         "ContractedCost"}}},
      {"files"}};
}

Status FilesConnector::Open(const Settings& settings) noexcept {
  return Guard([&] {
    LoadedFiles loaded = LoadFiles(ReadFilesOptions(settings));
    if (const std::string note = DescribeLeftOut(loaded.left_out); !note.empty()) {
      std::fprintf(stderr, "files source: %s\n", note.c_str());
    }
    events_ = std::make_unique<EventTable>(std::move(loaded.events));
    workspaces_ = std::move(loaded.workspaces);
  });
}

const EventTable& FilesConnector::Events() const {
  if (!events_) throw std::logic_error("the files source is not open");
  return *events_;
}

Status FilesConnector::LoadAccounts(std::vector<Workspace>& workspaces) noexcept {
  return Guard([&] {
    Events();
    workspaces = workspaces_;
  });
}

Status FilesConnector::Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept {
  return Guard([&] { Events().Aggregate(request, rows); });
}

Status FilesConnector::ListEvents(const EventQuery& query, const EventSink& sink) noexcept {
  return Guard([&] { Events().List(query, sink); });
}

}  // namespace creditlens::files
