// SELECTs each account table whole (they are small) and builds the accounts JSON from the rows.
#include "mapped_accounts.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "model/accounts_json.h"
#include "model/timestamp.h"
#include "result_rows.h"

namespace creditlens::clickhouse {
namespace {

namespace json = boost::json;

// One JSON value per non-empty field of a row, keyed by field name; the field `skip` is left out.
json::object RowObject(const ResolvedTable& table, const TsvRow& row, std::string_view skip) {
  json::object object;
  for (std::size_t i = 0; i < table.fields.size(); ++i) {
    const mapping::FieldSpec& field = table.fields[i];
    if (field.name == skip || row.IsNull(i) || row[i].empty()) continue;
    const std::string key(field.name);
    const std::string& text = row[i];
    switch (RoleOf(field)) {
      case FieldRole::kMicro:
        object[key] = FormatMicroCredits(ParseInt64(text, key.c_str()));
        break;
      case FieldRole::kInteger:
        object[key] = ParseInt64(text, key.c_str());
        break;
      case FieldRole::kTime:
        object[key] = model::FormatIsoUtc(ParseInt64(text, key.c_str()));
        break;
      case FieldRole::kText:
        // A flag column is often an integer; anything but 0/1/true/false stays text for the reader to refuse.
        if (field.name == "flex_enabled" &&
            (text == "0" || text == "1" || text == "false" || text == "true")) {
          object[key] = text == "1" || text == "true";
        } else {
          object[key] = text;
        }
        break;
    }
  }
  return object;
}

struct KeyedRow {
  std::string workspace_id;
  json::object object;
};

// Every row of table as a JSON object, in the order of the `order` fields. The row's workspace id is
// read from `workspace_field`, and left out of the object unless keep_workspace.
std::vector<KeyedRow> ReadRows(const Client& client, const ResolvedTable& table,
                               std::string_view workspace_field, bool keep_workspace,
                               std::initializer_list<std::string_view> order) {
  std::vector<std::string_view> names;
  for (const mapping::FieldSpec& field : table.fields) names.push_back(field.name);
  const auto workspace =
      static_cast<std::size_t>(std::find(names.begin(), names.end(), workspace_field) - names.begin());
  const std::string sql = "SELECT " + table.SelectList(names) + " FROM " + table.table + " ORDER BY " +
                          table.SelectList(order) + " FORMAT TabSeparated";
  std::vector<KeyedRow> rows;
  TsvRow row;
  client.Query(sql, {}, Delivery::kBuffered, [&](std::string_view line) {
    if (!row.Parse(line, names.size())) client.BadLine(line, "reading " + table.table + ": " + row.error());
    try {
      rows.push_back({row[workspace], RowObject(table, row, keep_workspace ? "" : workspace_field)});
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(table.table + ", row " + std::to_string(rows.size() + 1) + ": " + e.what());
    }
    return true;
  });
  return rows;
}

}  // namespace

AccountTables ResolveAccountTables(const Client& client, const mapping::AccountsMapping& mapping) {
  AccountTables tables{.workspaces = ResolveTable(client, mapping.workspaces, mapping::WorkspaceFields()),
                       .subscriptions = std::nullopt,
                       .credit_grants = std::nullopt};
  if (!mapping.subscriptions.table.empty()) {
    tables.subscriptions = ResolveTable(client, mapping.subscriptions, mapping::SubscriptionFields());
  }
  if (!mapping.credit_grants.table.empty()) {
    tables.credit_grants = ResolveTable(client, mapping.credit_grants, mapping::CreditGrantFields());
  }
  return tables;
}

std::vector<Workspace> ReadMappedAccounts(const Client& client, const AccountTables& tables) {
  json::array workspaces;
  std::map<std::string, std::size_t> index;
  for (auto& [id, object] : ReadRows(client, tables.workspaces, "id", true, {"id"})) {
    index.emplace(id, workspaces.size());
    workspaces.push_back(std::move(object));
  }
  const auto attach = [&](const std::optional<ResolvedTable>& table, const char* list,
                          std::string_view order) {
    if (!table) return;
    for (auto& [workspace_id, object] :
         ReadRows(client, *table, "workspace_id", false, {"workspace_id", order})) {
      const auto it = index.find(workspace_id);
      if (it == index.end()) continue;  // another source's workspace, as in every SQL source
      json::object& workspace = workspaces[it->second].as_object();
      if (!workspace.contains(list)) workspace[list] = json::array();
      workspace[list].as_array().push_back(std::move(object));
    }
  };
  attach(tables.subscriptions, "subscriptions", "starts_at");
  attach(tables.credit_grants, "credit_grants", "id");
  return model::ReadAccounts(json::object{{"workspaces", std::move(workspaces)}},
                             "accounts from " + tables.workspaces.table);
}

}  // namespace creditlens::clickhouse
