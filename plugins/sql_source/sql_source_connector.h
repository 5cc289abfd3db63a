// The SourceConnector of every Poco::Data SQL source (PostgreSQL, MariaDB/MySQL, ODBC): events and
// accounts read through a column mapping, filters and GROUP BY pushed down to the server, every user
// value bound. A plugin supplies its dialect and how to connect.
#pragma once

#include <Poco/Data/Session.h>

#include <memory>
#include <optional>

#include "column_mapping.h"
#include "creditlens/source_connector.h"
#include "sql_dialect.h"

namespace creditlens::sql {

class SqlSourceConnector : public SourceConnector {
 public:
  ~SqlSourceConnector() override;

  // Parses the mapping, connects, and checks the mapping against the server (mapping_probe.h).
  Status Open(const Settings& settings) noexcept final;
  // From the accounts JSON file the mapping names (read on each call), or from the mapped tables.
  Status LoadAccounts(std::vector<Workspace>& workspaces) noexcept final;
  Status Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept final;
  // Streams over the one connection: the sink must not call back into this connector.
  Status ListEvents(const EventQuery& query, const EventSink& sink) noexcept final;

 protected:
  explicit SqlSourceConnector(std::unique_ptr<SqlDialect> dialect);

  // Connects to the server settings.at("uri") names; Open then runs the dialect's SessionSetup.
  // Throws std::runtime_error naming the server address and the database, never the password.
  virtual std::unique_ptr<Poco::Data::Session> Connect(const Settings& settings,
                                                       const std::optional<std::string>& password) = 0;

 private:
  Poco::Data::Session& Opened() const;  // throws unless Open succeeded

  std::unique_ptr<SqlDialect> dialect_;
  mapping::SourceMapping mapping_;
  std::unique_ptr<Poco::Data::Session> session_;
};

}  // namespace creditlens::sql
