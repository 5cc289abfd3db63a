// The shared connector: queries built by aggregate_query / event_query / account_tables, read in
// chunks by result_reader.
#include "sql_source_connector.h"

#include <filesystem>
#include <stdexcept>

#include "account_tables.h"
#include "aggregate_query.h"
#include "event_query.h"
#include "mapping_probe.h"
#include "model/accounts_json.h"
#include "result_reader.h"
#include "source_password.h"

namespace creditlens::sql {

SqlSourceConnector::SqlSourceConnector(std::unique_ptr<SqlDialect> dialect) : dialect_(std::move(dialect)) {}

SqlSourceConnector::~SqlSourceConnector() = default;

Poco::Data::Session& SqlSourceConnector::Opened() const {
  if (!session_) throw std::logic_error("the SQL source is not open");
  return *session_;
}

Status SqlSourceConnector::Open(const Settings& settings) noexcept {
  return Guard([&] {
    const std::string& text = settings.at("mapping");
    if (text.empty()) {
      throw std::runtime_error(
          "a SQL source needs a column mapping: give --mapping FILE (see docs/source-sql.md)");
    }
    mapping_ = mapping::ParseSourceMapping(text);
    if (mapping_.accounts.from_file() && !std::filesystem::is_regular_file(mapping_.accounts.file)) {
      throw std::runtime_error("mapping accounts.file = \"" + mapping_.accounts.file + "\": no such file");
    }
    auto session = Connect(settings, ReadSourcePassword(settings));
    for (const std::string& sql : dialect_->SessionSetup()) ExecuteSql(*session, sql);
    ProbeMapping(*session, *dialect_, mapping_);
    session_ = std::move(session);  // only a session whose mapping checked out serves queries
  });
}

Status SqlSourceConnector::LoadAccounts(std::vector<Workspace>& workspaces) noexcept {
  return Guard([&] {
    workspaces = mapping_.accounts.from_file() ? model::ReadAccountsFile(mapping_.accounts.file)
                                               : LoadAccountTables(Opened(), *dialect_, mapping_.accounts);
  });
}

Status SqlSourceConnector::Aggregate(const AggregateRequest& request,
                                     std::vector<AggregateRow>& rows) noexcept {
  return Guard([&] {
    rows.clear();
    if (request.from_ms >= request.to_ms) return;
    const SqlQuery query = BuildAggregateQuery(*dialect_, mapping_.events, request);
    const std::size_t keys = request.group_by.size();
    std::vector<ColumnKind> kinds{ColumnKind::kInt64};
    kinds.insert(kinds.end(), keys, ColumnKind::kText);
    kinds.insert(kinds.end(), 2, ColumnKind::kInt64);
    ForEachChunk(Opened(), query, kinds, [&](const ResultChunk& chunk) {
      for (std::size_t r = 0; r < chunk.rows(); ++r) {
        AggregateRow& row = rows.emplace_back();
        row.bucket_start_ms = chunk.Int64(0, r);
        for (std::size_t k = 0; k < keys; ++k) row.keys.push_back(chunk.Text(k + 1, r));
        row.credits = chunk.Int64(keys + 1, r);
        row.events = chunk.Int64(keys + 2, r);
      }
      return true;
    });
  });
}

Status SqlSourceConnector::ListEvents(const EventQuery& query, const EventSink& sink) noexcept {
  return Guard([&] {
    if (query.from_ms >= query.to_ms) return;
    const EventSelect select(*dialect_, mapping_.events, query);
    UsageEvent event;
    ForEachChunk(Opened(), select.query(), select.columns(), [&](const ResultChunk& chunk) {
      for (std::size_t r = 0; r < chunk.rows(); ++r) {
        select.Read(chunk, r, event);
        if (!sink(event)) return false;
      }
      return true;
    });
  });
}

}  // namespace creditlens::sql
