// One probe per entry, so that the first failure names its entry; WHERE 1 = 0 reads no rows.
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

void Probe(Poco::Data::Session& session, const std::string& sql, const std::string& entry,
           const std::string& value, const std::vector<Poco::Int64>& values = {}) {
  try {
    Poco::Data::Statement statement(session);
    statement << sql;
    for (const Poco::Int64 v : values) statement.addBind(Poco::Data::Keywords::bind(v));
    statement.execute();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("mapping " + entry + " = " + Quoted(value) + ": " + ServerMessage(e));
  }
}

template <typename Expression>
void ProbeTable(Poco::Data::Session& session, const mapping::TableMapping& table, Expression&& expression) {
  Probe(session, "SELECT 1 FROM " + table.table + " WHERE 1 = 0", table.path + ".table", table.table);
  for (const mapping::MappedColumn& column : table.columns) {
    Probe(session, "SELECT " + expression(column) + " FROM " + table.table + " WHERE 1 = 0",
          table.EntryPath(column.field), column.expression);
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
