// The ClickHouse source connector: reads usage events and accounts from a ClickHouse server through
// its HTTP interface and a column mapping; aggregation runs in ClickHouse. Read-only.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "clickhouse_client.h"
#include "creditlens/source_connector.h"
#include "mapped_accounts.h"
#include "resolved_table.h"

namespace creditlens::clickhouse {

class ClickHouseConnector final : public SourceConnector {
 public:
  ClickHouseConnector();
  ~ClickHouseConnector() override;

  ConnectorInfo Describe() const noexcept override;
  Status Open(const Settings& settings) noexcept override;
  Status LoadAccounts(std::vector<Workspace>& workspaces) noexcept override;
  Status Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept override;
  Status ListEvents(const EventQuery& query, const EventSink& sink) noexcept override;

 private:
  // Throws std::logic_error unless Open succeeded.
  const Client& OpenClient() const;

  std::unique_ptr<Client> client_;
  std::optional<ResolvedTable> events_;
  std::string accounts_file_;                    // set when the accounts come from a file
  std::optional<AccountTables> account_tables_;  // set when they come from tables
};

}  // namespace creditlens::clickhouse
