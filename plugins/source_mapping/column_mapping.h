// The column mapping of a SQL source: which table holds the usage events and which column or SQL
// expression yields each field of the data contract, and where the accounts come from (the accounts
// JSON file, or three tables mapped the same way). Shared by every SQL source plugin.
//
// Trust: table names and column values are written by the operator who configures the source and
// are spliced into SQL as written (they may be expressions such as "amount_milli / 1000.0"); they
// are configuration, like a DSN. Values that come from users or reports (workspace ids, filter
// values, time ranges) are never spliced: connectors bind them as statement parameters.
//
// The mapping JSON:
//   { "events": { "table": "billing.usage_log", "ts_type": "timestamp" | "epoch_ms" | "epoch_s",
//                 "columns": { "id": "event_uuid", "ts": "created_at", ... } },
//     "accounts": { "file": "/abs/path/accounts.json" }
//              or { "workspaces":    { "table": ..., "columns": { "id": ..., ... } },
//                   "subscriptions": { "table": ..., "columns": { ... } },     (optional)
//                   "credit_grants": { "table": ..., "columns": { ... } } } }  (optional)
// Accounts tables take an optional "ts_type" too (for starts_at, ends_at, available_from, expires_at).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/source_connector.h"

namespace creditlens::mapping {

// How a mapped timestamp column stores time: TIMESTAMP/DATETIME (read as UTC), or epoch numbers.
enum class TsType { kTimestamp, kEpochMs, kEpochS };

const char* ToString(TsType type);  // "timestamp", "epoch_ms", "epoch_s"

// One field a table mapping may name.
struct FieldSpec {
  std::string_view name;  // the data contract's field name, e.g. "workspace_id"
  bool required = false;
  bool is_time = false;  // read through the table's ts_type
};

// The fields of each mapped table, in the data contract's order.
std::span<const FieldSpec> EventFields();         // id, ts, workspace_id, category, feature, credits, ...
std::span<const FieldSpec> WorkspaceFields();     // id, name, kind, timezone, billing_email, ...
std::span<const FieldSpec> SubscriptionFields();  // workspace_id, plan, starts_at, ends_at, ...
std::span<const FieldSpec> CreditGrantFields();   // workspace_id, id, kind, credits, price, ...

// The event field a query dimension reads: kWorkspace -> "workspace_id", kUser -> "user_id", ...
const char* DimensionField(Dimension dimension);

// One mapped field: its name and the operator's column name or SQL expression.
struct MappedColumn {
  std::string field;       // "credits"
  std::string expression;  // "amount_milli / 1000.0"
};

struct TableMapping {
  std::string path;   // where this mapping sits in the JSON, for messages: "events", "accounts.workspaces"
  std::string table;  // as written, possibly schema-qualified: "billing.usage_log"
  TsType ts_type = TsType::kTimestamp;
  std::vector<MappedColumn> columns;  // mapped fields only, in the order of the table's FieldSpec list

  // The expression mapped to field, or nullptr when that (optional) field is not mapped.
  const std::string* Find(std::string_view field) const;
  // The expression mapped to a field the parser made sure is present (a required one).
  const std::string& At(std::string_view field) const;
  // "events.columns.credits": how messages name the mapping entry of field.
  std::string EntryPath(std::string_view field) const;
};

struct AccountsMapping {
  std::string file;  // the accounts JSON file; empty when the accounts come from tables
  // Set only when file is empty; the two optional tables have an empty `table` when not mapped.
  TableMapping workspaces;
  TableMapping subscriptions;
  TableMapping credit_grants;

  bool from_file() const { return !file.empty(); }
};

struct SourceMapping {
  TableMapping events;
  AccountsMapping accounts;
};

// Parses the mapping JSON text. Throws std::invalid_argument naming the entry at fault, e.g.
// "mapping: events.columns.credits: expected a column or SQL expression (a string), got 12".
// Unknown keys, missing required entries and values of the wrong type are all refused.
SourceMapping ParseSourceMapping(std::string_view json_text);

}  // namespace creditlens::mapping
