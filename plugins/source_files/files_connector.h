// The files source connector: usage events read straight from files, with no ingest (--source
// files:PATH). Everything is loaded once, at Open, and queries are answered from memory.
#pragma once

#include <memory>
#include <vector>

#include "creditlens/source_connector.h"

namespace creditlens::files {

class EventTable;

class FilesConnector final : public SourceConnector {
 public:
  FilesConnector();
  ~FilesConnector() override;

  ConnectorInfo Describe() const noexcept override;
  Status Open(const Settings& settings) noexcept override;
  Status LoadAccounts(std::vector<Workspace>& workspaces) noexcept override;
  Status Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept override;
  Status ListEvents(const EventQuery& query, const EventSink& sink) noexcept override;

 private:
  const EventTable& Events() const;  // throws when not open

  std::unique_ptr<EventTable> events_;
  std::vector<Workspace> workspaces_;
};

}  // namespace creditlens::files
