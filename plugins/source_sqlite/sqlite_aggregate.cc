// Aggregation over the embedded store's two representations of the same events.
#include "sqlite_aggregate.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "event_chunk.h"
#include "sqlite_statement.h"
#include "time_grid.h"

namespace creditlens::sqlite {
namespace {

bool InRollup(Dimension d) {
  return d == Dimension::kWorkspace || d == Dimension::kCategory || d == Dimension::kFeature;
}

// Rollup column names come from this fixed table only.
const char* RollupColumn(Dimension d) {
  switch (d) {
    case Dimension::kCategory:
      return "category";
    case Dimension::kFeature:
      return "feature";
    default:
      return "workspace_id";
  }
}

ChunkText ChunkField(Dimension d) {
  switch (d) {
    case Dimension::kWorkspace:
      return ChunkText::kWorkspace;
    case Dimension::kCategory:
      return ChunkText::kCategory;
    case Dimension::kFeature:
      return ChunkText::kFeature;
    case Dimension::kFolder:
      return ChunkText::kFolder;
    case Dimension::kApiKey:
      return ChunkText::kApiKey;
    case Dimension::kUser:
      return ChunkText::kUser;
    case Dimension::kSource:
      return ChunkText::kSource;
    case Dimension::kRun:
      return ChunkText::kRun;
    case Dimension::kModule:
      break;
  }
  return ChunkText::kModule;
}

// The rollups hold what the request groups and filters by, at a grain they have.
bool RollupShape(const AggregateRequest& r) {
  return r.bucket != TimeBucket::kQuarterHourUtc &&
         std::all_of(r.group_by.begin(), r.group_by.end(), InRollup) &&
         std::all_of(r.filters.begin(), r.filters.end(), [](const auto& f) { return InRollup(f.dimension); });
}

}  // namespace

bool RollupAnswers(const AggregateRequest& r) {
  return r.from_ms % kMsPerHour == 0 && r.to_ms % kMsPerHour == 0 && RollupShape(r);
}

RollupSql BuildRollupSql(const AggregateRequest& request) {
  RollupSql out;
  std::string& sql = out.sql;
  // Hourly and by the rollup's whole key: its rows are the answer as they stand, nothing to group.
  const auto grouped = [&](Dimension d) {
    return std::find(request.group_by.begin(), request.group_by.end(), d) != request.group_by.end();
  };
  const bool whole_key = request.bucket == TimeBucket::kHourUtc && grouped(Dimension::kWorkspace) &&
                         grouped(Dimension::kCategory) && grouped(Dimension::kFeature);
  sql = std::string("SELECT ") + (request.bucket == TimeBucket::kHourUtc ? "hour" : "0");
  for (Dimension d : request.group_by) sql += std::string(", ") + RollupColumn(d);
  sql += whole_key ? ", credits, events" : ", SUM(credits), SUM(events)";
  sql += " FROM rollup_hour WHERE hour >= ? AND hour < ?";
  // The key leads with the workspace: name the workspaces so that each is one range of hours, not a
  // scan of the whole table.
  const bool by_workspace =
      std::any_of(request.filters.begin(), request.filters.end(),
                  [](const DimensionFilter& f) { return f.dimension == Dimension::kWorkspace; });
  if (!by_workspace) sql += " AND workspace_id IN (SELECT workspace_id FROM rollup_workspaces)";
  for (const DimensionFilter& filter : request.filters) {
    sql += std::string(" AND ") + RollupColumn(filter.dimension) + " IN (";
    for (std::size_t i = 0; i < filter.values.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      out.text_parameters.push_back(filter.values[i]);
    }
    sql += ")";
  }
  if (whole_key) return out;
  sql += " GROUP BY 1";
  for (std::size_t i = 0; i < request.group_by.size(); ++i) sql += ", " + std::to_string(i + 2);
  return out;
}

void AggregateRollups(sqlite3* db, const AggregateRequest& request, std::vector<AggregateRow>& rows) {
  const RollupSql query = BuildRollupSql(request);
  Statement s(db, query.sql);
  s.Bind(1, request.from_ms);
  s.Bind(2, request.to_ms);
  for (std::size_t i = 0; i < query.text_parameters.size(); ++i) {
    s.Bind(static_cast<int>(i + 3), query.text_parameters[i]);
  }
  const int keys = static_cast<int>(request.group_by.size());
  while (s.Step()) {
    AggregateRow row;
    row.bucket_start_ms = s.Int(0);
    for (int k = 0; k < keys; ++k) row.keys.emplace_back(s.Text(k + 1));
    row.credits = s.Int(keys + 1);
    row.events = s.Int(keys + 2);
    rows.push_back(std::move(row));
  }
}

namespace {

// Hands each event of the range that passes the filters to visit, until visit returns false.
template <typename Visit>
void ForEachChunkEvent(sqlite3* db, std::int64_t from_ms, std::int64_t to_ms,
                       const std::vector<DimensionFilter>& filters, Visit&& visit) {
  ChunkEvent e;
  Statement chunks(db, "SELECT data FROM event_chunks WHERE ts_max >= ? AND ts_min < ?");
  chunks.Bind(1, from_ms);
  chunks.Bind(2, to_ms);
  while (chunks.Step()) {
    EventChunkReader reader(chunks.Blob(0));
    while (reader.Next(e)) {
      if (e.ts_ms < from_ms || e.ts_ms >= to_ms) continue;
      const bool kept = std::all_of(filters.begin(), filters.end(), [&](const DimensionFilter& f) {
        const std::string_view value = e[ChunkField(f.dimension)];
        return std::find(f.values.begin(), f.values.end(), value) != f.values.end();
      });
      if (kept && !visit(e)) return;
    }
  }
}

}  // namespace

void AggregateChunks(sqlite3* db, const AggregateRequest& request, std::vector<AggregateRow>& rows) {
  const std::int64_t step = request.bucket == TimeBucket::kHourUtc          ? kMsPerHour
                            : request.bucket == TimeBucket::kQuarterHourUtc ? kMsPerQuarterHour
                                                                            : 0;
  std::unordered_map<std::string, std::size_t> index;  // bucket and keys -> position in rows
  std::string key;
  ForEachChunkEvent(db, request.from_ms, request.to_ms, request.filters, [&](const ChunkEvent& e) {
    const std::int64_t bucket = step ? FloorTo(e.ts_ms, step) : 0;
    key.assign(reinterpret_cast<const char*>(&bucket), sizeof bucket);
    for (Dimension d : request.group_by) (key += e[ChunkField(d)]) += '\x1f';
    auto [it, added] = index.try_emplace(key, rows.size());
    if (added) {
      AggregateRow& row = rows.emplace_back();
      row.bucket_start_ms = bucket;
      for (Dimension d : request.group_by) row.keys.emplace_back(e[ChunkField(d)]);
    }
    rows[it->second].credits += e.credits;
    ++rows[it->second].events;
    return true;
  });
}

void ListEvents(sqlite3* db, const EventQuery& query, const EventSink& sink) {
  UsageEvent event;
  ForEachChunkEvent(db, query.from_ms, query.to_ms, query.filters, [&](const ChunkEvent& e) {
    event.id = e.id;
    event.ts_ms = e.ts_ms;
    event.workspace_id = e[ChunkText::kWorkspace];
    event.category = e[ChunkText::kCategory];
    event.feature = e[ChunkText::kFeature];
    event.credits = e.credits;
    event.quantity = e.quantity >= 0 ? std::optional(e.quantity) : std::nullopt;
    event.unit = e[ChunkText::kUnit];
    event.folder = e[ChunkText::kFolder];
    event.api_key = e[ChunkText::kApiKey];
    event.user_id = e[ChunkText::kUser];
    event.source = e[ChunkText::kSource];
    event.run_id = e[ChunkText::kRun];
    event.module = e[ChunkText::kModule];
    event.data_bytes = e.data_bytes >= 0 ? std::optional(e.data_bytes) : std::nullopt;
    return sink(event);
  });
}

void Aggregate(sqlite3* db, const AggregateRequest& request, std::vector<AggregateRow>& rows) {
  rows.clear();
  if (RollupAnswers(request)) return AggregateRollups(db, request, rows);
  const std::int64_t inner_from = FloorTo(request.from_ms + kMsPerHour - 1, kMsPerHour);
  const std::int64_t inner_to = FloorTo(request.to_ms, kMsPerHour);
  if (!RollupShape(request) || inner_from >= inner_to) return AggregateChunks(db, request, rows);

  AggregateRequest part = request;
  part.from_ms = inner_from;
  part.to_ms = inner_to;
  AggregateRollups(db, part, rows);
  // Rows of the partial hours merge into the rollups' rows with the same bucket and keys.
  std::map<std::pair<std::int64_t, std::vector<std::string>>, std::size_t> index;
  for (std::size_t i = 0; i < rows.size(); ++i) index[{rows[i].bucket_start_ms, rows[i].keys}] = i;
  std::vector<AggregateRow> edge;
  for (const auto& [from, to] :
       {std::pair(request.from_ms, inner_from), std::pair(inner_to, request.to_ms)}) {
    if (from >= to) continue;
    part.from_ms = from;
    part.to_ms = to;
    edge.clear();
    AggregateChunks(db, part, edge);
    for (AggregateRow& row : edge) {
      const auto [it, added] = index.try_emplace({row.bucket_start_ms, row.keys}, rows.size());
      if (added) {
        rows.push_back(std::move(row));
      } else {
        rows[it->second].credits += row.credits;
        rows[it->second].events += row.events;
      }
    }
  }
}

}  // namespace creditlens::sqlite
