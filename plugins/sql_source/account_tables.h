// Accounts read from the tables a mapping names (workspaces, and optionally their subscriptions and
// credit grants), checked like the accounts JSON file: kinds, cycles, time zones, decimals.
// Subscriptions and grants of workspaces the workspaces table does not list are not this source's
// accounts and are left out.
#pragma once

#include <Poco/Data/Session.h>

#include <string_view>
#include <vector>

#include "column_mapping.h"
#include "creditlens/accounts.h"
#include "result_chunk.h"
#include "sql_dialect.h"

namespace creditlens::sql {

// The select-list expression and kind of one accounts field, as LoadAccountTables reads it.
std::string AccountFieldExpression(const SqlDialect& dialect, mapping::TsType ts_type, std::string_view field,
                                   const std::string& expr, ColumnKind* kind = nullptr);

// Throws std::runtime_error naming the table mapping, the row's workspace and the field at fault.
std::vector<Workspace> LoadAccountTables(Poco::Data::Session& session, const SqlDialect& dialect,
                                         const mapping::AccountsMapping& accounts);

}  // namespace creditlens::sql
