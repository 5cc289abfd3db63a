// The SQLite source connector: the embedded store, read for reports and written by ingest.
#pragma once

#include <Poco/Data/Session.h>

#include <memory>

#include "creditlens/source_connector.h"
#include "sqlite_event_store.h"

namespace creditlens::sqlite {

class SqliteConnector final : public SourceConnector {
 public:
  SqliteConnector();
  ~SqliteConnector() override;

  ConnectorInfo Describe() const noexcept override;
  Status Open(const Settings& settings) noexcept override;
  Status LoadAccounts(std::vector<Workspace>& workspaces) noexcept override;
  Status Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept override;
  Status ListEvents(const EventQuery& query, const EventSink& sink) noexcept override;
  EventStore* Store() noexcept override { return store_.get(); }

 private:
  std::unique_ptr<Poco::Data::Session> session_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<SqliteEventStore> store_;
};

}  // namespace creditlens::sqlite
