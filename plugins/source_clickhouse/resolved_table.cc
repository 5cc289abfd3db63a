// Probes mapped expressions with LIMIT 0 queries: one for all of them, and only when that fails, one
// without a table and one per entry to find what is at fault.
#include "resolved_table.h"

#include <algorithm>
#include <stdexcept>

#include "tab_separated.h"

namespace creditlens::clickhouse {
namespace {

// The ClickHouse types of expressions (in order) over table, from a query that reads no rows.
std::vector<std::string> ProbeTypes(const Client& client, const std::string& table,
                                    const std::vector<std::string>& expressions) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < expressions.size(); ++i) sql += (i ? ", (" : "(") + expressions[i] + ")";
  sql += " FROM " + table + " LIMIT 0 FORMAT TabSeparatedWithNamesAndTypes";
  std::vector<std::string> types;
  int line_number = 0;
  TsvRow row;
  client.Query(sql, {}, Delivery::kBuffered, [&](std::string_view line) {
    if (++line_number != 2) return true;  // the first line holds the names
    if (!row.Parse(line, expressions.size())) client.BadLine(line, "reading column types: " + row.error());
    for (std::size_t i = 0; i < row.size(); ++i) types.push_back(row[i]);
    return true;
  });
  if (types.size() != expressions.size())
    throw std::runtime_error("ClickHouse did not report the column types");
  return types;
}

[[noreturn]] void Blame(const std::string& entry, const std::string& problem) {
  throw std::runtime_error("mapping: " + entry + ": " + problem);
}

// Finds which part of the mapping a failed probe of all its expressions is about, and throws.
[[noreturn]] void BlameEntry(const Client& client, const mapping::TableMapping& mapping,
                             const ServerError& failure) {
  // Credentials and the database first, so that their errors are not taken for the mapping's: this
  // throws the server's refusal as it is.
  client.Query("SELECT 1 FORMAT TabSeparated", {}, Delivery::kBuffered,
               [](std::string_view) { return true; });
  try {
    ProbeTypes(client, mapping.table, {"1"});
  } catch (const ServerError& e) {
    Blame(mapping.path + ".table", e.what());
  }
  for (const mapping::MappedColumn& column : mapping.columns) {
    try {
      ProbeTypes(client, mapping.table, {column.expression});
    } catch (const ServerError& e) {
      Blame(mapping.EntryPath(column.field), e.what());
    }
  }
  Blame(mapping.path, failure.what());
}

}  // namespace

const ColumnSql& ResolvedTable::Column(std::string_view field) const {
  const auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.name == field; });
  if (it == fields.end()) throw std::logic_error("no field " + std::string(field) + " in table " + table);
  return columns[static_cast<std::size_t>(it - fields.begin())];
}

std::string ResolvedTable::SelectList(std::span<const std::string_view> names) const {
  std::string list;
  for (const std::string_view name : names) (list += list.empty() ? "" : ", ") += Column(name).sql;
  return list;
}

ResolvedTable ResolveTable(const Client& client, const mapping::TableMapping& mapping,
                           std::span<const mapping::FieldSpec> fields) {
  std::vector<std::string> expressions;
  for (const mapping::MappedColumn& column : mapping.columns) expressions.push_back(column.expression);
  std::vector<std::string> types;
  try {
    types = ProbeTypes(client, mapping.table, expressions);
  } catch (const ServerError& e) {
    BlameEntry(client, mapping, e);
  }
  ResolvedTable resolved{.table = mapping.table, .fields = fields, .columns = {}};
  for (const mapping::FieldSpec& field : fields) {
    const mapping::MappedColumn* mapped = nullptr;
    for (const auto& column : mapping.columns) mapped = column.field == field.name ? &column : mapped;
    if (!mapped) {
      resolved.columns.push_back(UnmappedColumn(field));
      continue;
    }
    const auto index = static_cast<std::size_t>(mapped - mapping.columns.data());
    try {
      resolved.columns.push_back(ReadColumnAs(field, mapped->expression, types[index], mapping.ts_type));
    } catch (const std::invalid_argument& e) {
      Blame(mapping.EntryPath(field.name), mapped->expression + " " + e.what());
    }
  }
  return resolved;
}

}  // namespace creditlens::clickhouse
