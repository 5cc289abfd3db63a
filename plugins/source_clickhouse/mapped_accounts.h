// Accounts read from mapped ClickHouse tables (workspaces, and optionally subscriptions and credit
// grants). The rows are put in the accounts file's JSON shape and read by the same reader as the
// file, so that both are checked alike (time zones, kinds, cycles, amounts).
#pragma once

#include <optional>
#include <vector>

#include "clickhouse_client.h"
#include "column_mapping.h"
#include "creditlens/accounts.h"
#include "resolved_table.h"

namespace creditlens::clickhouse {

struct AccountTables {
  ResolvedTable workspaces;
  std::optional<ResolvedTable> subscriptions;
  std::optional<ResolvedTable> credit_grants;
};

// Checks the mapped account tables on the server (see ResolveTable).
AccountTables ResolveAccountTables(const Client& client, const mapping::AccountsMapping& mapping);

// Reads every workspace with its subscriptions and grants; subscriptions and grants of workspaces the
// workspaces table does not list are not this source's and are left out. Throws std::runtime_error
// naming the table and row, or the workspace and field, at fault.
std::vector<Workspace> ReadMappedAccounts(const Client& client, const AccountTables& tables);

}  // namespace creditlens::clickhouse
