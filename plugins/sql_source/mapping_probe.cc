// One probe per table, reading every mapped entry; only when it fails, one probe per entry, so that
// the first failure names its entry. WHERE 1 = 0 reads no rows.
#include "mapping_probe.h"

#include <Poco/Data/Binding.h>
#include <Poco/Data/Statement.h>

#include <stdexcept>

#include "account_tables.h"
#include "event_query.h"
#include "server_message.h"

namespace creditlens::sql {
namespace {

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

void Run(Poco::Data::Session& session, const std::string& sql, const std::vector<Poco::Int64>& values = {}) {
  Poco::Data::Statement statement(session);
  statement << sql;
  for (const Poco::Int64 v : values) statement.addBind(Poco::Data::Keywords::bind(v));
  statement.execute();
}

void Probe(Poco::Data::Session& session, const std::string& sql, const std::string& entry,
           const std::string& value, const std::vector<Poco::Int64>& values = {}) {
  try {
    Run(session, sql, values);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("mapping " + entry + " = " + Quoted(value) + ": " + ServerMessage(e));
  }
}

template <typename Expression>
void ProbeTable(Poco::Data::Session& session, const mapping::TableMapping& table, Expression&& expression) {
  const std::string from = " FROM " + table.table + " WHERE 1 = 0";
  std::string list;
  for (const mapping::MappedColumn& column : table.columns) {
    list += (list.empty() ? "" : ", ") + expression(column);
  }
  try {
    return Run(session, "SELECT " + list + from);  // the usual case: one round trip for the table
  } catch (const Poco::Exception& whole) {
    Probe(session, "SELECT 1" + from, table.path + ".table", table.table);
    for (const mapping::MappedColumn& column : table.columns) {
      Probe(session, "SELECT " + expression(column) + from, table.EntryPath(column.field), column.expression);
    }
    // Each entry compiles alone: name the table.
    throw std::runtime_error("mapping " + table.path + " (table " + table.table +
                             "): " + ServerMessage(whole));
  }
}

}  // namespace

void ProbeMapping(Poco::Data::Session& session, const SqlDialect& dialect,
                  const mapping::SourceMapping& mapping) {
  const mapping::TableMapping& events = mapping.events;
  ProbeTable(session, events, [&](const mapping::MappedColumn& c) {
    return ReadEventField(dialect, events.ts_type, c.field, c.expression).expression;
  });
  // The range filter compares the ts column with a time built from bound epoch milliseconds.
  const std::string& ts = events.At("ts");
  Probe(session,
        "SELECT 1 FROM " + events.table + " WHERE (" + ts +
            ") >= " + dialect.TimeFromEpochMs(events.ts_type, dialect.Placeholder(1)) + " AND 1 = 0",
        events.EntryPath("ts") + " (as " + mapping::ToString(events.ts_type) + ")", ts, {0});
  if (mapping.accounts.from_file()) return;
  for (const mapping::TableMapping* table :
       {&mapping.accounts.workspaces, &mapping.accounts.subscriptions, &mapping.accounts.credit_grants}) {
    if (table->table.empty()) continue;
    ProbeTable(session, *table, [&](const mapping::MappedColumn& c) {
      return AccountFieldExpression(dialect, table->ts_type, c.field, c.expression);
    });
  }
}

}  // namespace creditlens::sql
