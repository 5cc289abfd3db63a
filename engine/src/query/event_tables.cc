#include "query/event_tables.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "model/time_zone.h"
#include "query/folder_tree.h"

namespace creditlens::query {
namespace {

constexpr std::int64_t kMsPerSecond = 1000;

Cell Text(std::string text) { return {std::move(text), 0}; }
Cell Number(std::int64_t value) { return {{}, value}; }

// "2026-11-21 14:03:05" in the zone.
std::string LocalTime(const model::TimeZone& zone, std::int64_t utc_ms) {
  const std::int64_t seconds = zone.LocalTimeOfDayMs(utc_ms) / kMsPerSecond;
  char clock[16];
  std::snprintf(clock, sizeof clock, " %02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return model::FormatDate(zone.LocalDay(utc_ms)) + clock;
}

// "2h 05m", "12m 30s", "45s".
std::string Duration(std::int64_t ms) {
  const std::int64_t seconds = ms / kMsPerSecond;
  char text[32];
  if (seconds >= 3600) {
    std::snprintf(text, sizeof text, "%lldh %02lldm", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60));
  } else if (seconds >= 60) {
    std::snprintf(text, sizeof text, "%lldm %02llds", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
  } else {
    std::snprintf(text, sizeof text, "%llds", static_cast<long long>(seconds));
  }
  return text;
}

bool Earlier(const UsageEvent& a, const UsageEvent& b) {
  return std::tie(a.ts_ms, a.id) < std::tie(b.ts_ms, b.id);
}

const std::string& KeyOf(const UsageEvent& e, RunGrouping grouping) {
  switch (grouping) {
    case RunGrouping::kSource:
      return e.source;
    case RunGrouping::kModule:
      return e.module;
    case RunGrouping::kRun:
      break;
  }
  return e.run_id;
}

struct RunStats {
  std::string source;          // of the run's first event, for the run grouping
  std::set<std::string> runs;  // not kept for the run grouping
  std::int64_t events = 0;
  MicroCredits credits = 0;
  std::int64_t data_bytes = 0;
  std::int64_t first_ms = 0;
  std::int64_t last_ms = 0;
};

}  // namespace

DataTable AuditTable(const std::string& name, const UsageEngine& engine, const EventSelection& selection,
                     std::size_t limit) {
  std::vector<UsageEvent> events;
  // Keeps memory near 2 x limit on huge ranges: the earliest `limit` events survive each trim.
  auto trim = [&] {
    std::nth_element(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(limit), events.end(),
                     Earlier);
    events.resize(limit);
  };
  engine.ForEachEvent(selection.range, selection.filters, selection.exclude_direct, [&](const UsageEvent& e) {
    events.push_back(e);
    if (limit > 0 && events.size() >= 2 * limit + 1024) trim();
    return true;
  });
  if (limit > 0 && events.size() > limit) trim();
  std::sort(events.begin(), events.end(), Earlier);

  DataTable table{name,
                  "events",
                  {{"time", CellType::kText},
                   {"id", CellType::kText},
                   {"workspace", CellType::kText},
                   {"category", CellType::kText},
                   {"feature", CellType::kText},
                   {"credits", CellType::kCredits},
                   {"quantity", CellType::kText},
                   {"unit", CellType::kText},
                   {"folder", CellType::kText},
                   {"api_key", CellType::kText},
                   {"user", CellType::kText},
                   {"source", CellType::kText},
                   {"run", CellType::kText},
                   {"module", CellType::kText},
                   {"data_bytes", CellType::kText}},
                  {}};
  table.rows.reserve(events.size());
  for (UsageEvent& e : events) {
    table.rows.push_back({Text(LocalTime(engine.zone(), e.ts_ms)), Text(std::move(e.id)),
                          Text(std::move(e.workspace_id)), Text(std::move(e.category)),
                          Text(std::move(e.feature)), Number(e.credits),
                          Text(e.quantity ? FormatMicroCredits(*e.quantity) : ""), Text(std::move(e.unit)),
                          Text(std::move(e.folder)), Text(std::move(e.api_key)), Text(std::move(e.user_id)),
                          Text(std::move(e.source)), Text(std::move(e.run_id)), Text(std::move(e.module)),
                          Text(e.data_bytes ? std::to_string(*e.data_bytes) : "")});
  }
  return table;
}

DataTable RunsTable(const std::string& name, const UsageEngine& engine, const EventSelection& selection,
                    RunGrouping grouping, std::size_t top) {
  std::map<std::string, RunStats> stats;
  engine.ForEachEvent(selection.range, selection.filters, selection.exclude_direct, [&](const UsageEvent& e) {
    const std::string& key = KeyOf(e, grouping);
    if (key.empty()) return true;
    auto [it, fresh] = stats.try_emplace(key);
    RunStats& s = it->second;
    if (fresh || e.ts_ms < s.first_ms) {
      s.first_ms = e.ts_ms;
      s.source = e.source;
    }
    if (fresh || e.ts_ms > s.last_ms) s.last_ms = e.ts_ms;
    // Distinct runs matter for workflows and modules; a run's own row is one run.
    if (grouping != RunGrouping::kRun && !e.run_id.empty()) s.runs.insert(e.run_id);
    ++s.events;
    s.credits += e.credits;
    s.data_bytes += e.data_bytes.value_or(0);
    return true;
  });
  std::vector<std::pair<std::string, RunStats>> sorted(std::make_move_iterator(stats.begin()),
                                                       std::make_move_iterator(stats.end()));
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.credits > b.second.credits; });
  if (top > 0 && sorted.size() > top) sorted.resize(top);

  const char* key_column = grouping == RunGrouping::kRun      ? "run"
                           : grouping == RunGrouping::kSource ? "source"
                                                              : "module";
  DataTable table{name, "runs", {{key_column, CellType::kText}}, {}};
  if (grouping == RunGrouping::kRun) table.columns.push_back({"source", CellType::kText});
  if (grouping != RunGrouping::kRun) table.columns.push_back({"runs", CellType::kCount});
  for (TableColumn column : std::initializer_list<TableColumn>{{"events", CellType::kCount},
                                                               {"credits", CellType::kCredits},
                                                               {"data_bytes", CellType::kCount},
                                                               {"started", CellType::kText},
                                                               {"ended", CellType::kText}}) {
    table.columns.push_back(std::move(column));
  }
  // A run's duration is its span; a workflow's or module's span over many runs says little.
  if (grouping == RunGrouping::kRun) table.columns.push_back({"duration", CellType::kText});
  for (auto& [key, s] : sorted) {
    std::vector<Cell> row{Text(key)};
    row.push_back(grouping == RunGrouping::kRun ? Text(s.source)
                                                : Number(static_cast<std::int64_t>(s.runs.size())));
    row.push_back(Number(s.events));
    row.push_back(Number(s.credits));
    row.push_back(Number(s.data_bytes));
    row.push_back(Text(LocalTime(engine.zone(), s.first_ms)));
    row.push_back(Text(LocalTime(engine.zone(), s.last_ms)));
    if (grouping == RunGrouping::kRun) row.push_back(Text(Duration(s.last_ms - s.first_ms)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

DataTable FolderTable(const std::string& name, const UsageEngine& engine, const EventSelection& selection) {
  UsageQuery query;
  query.first_day = selection.range.first_day;
  query.last_day = selection.range.last_day;
  query.group_by = {"folder"};
  query.filters = selection.filters;
  query.exclude_direct = selection.exclude_direct;
  const Dataset by_folder = engine.Run(name, query);
  std::vector<FolderAmount> direct;
  for (const Series& s : by_folder.series) direct.push_back({s.keys[0], s.total, s.events});
  DataTable table{name,
                  "folders",
                  {{"folder", CellType::kText},
                   {"depth", CellType::kCount},
                   {"direct", CellType::kCredits},
                   {"rolled_up", CellType::kCredits},
                   {"direct_events", CellType::kCount},
                   {"events", CellType::kCount}},
                  {}};
  for (const FolderNode& node : RollUpFolders(direct)) {
    table.rows.push_back({Text(node.path.empty() ? "(no folder)" : node.path), Number(node.depth),
                          Number(node.direct), Number(node.rolled_up), Number(node.direct_events),
                          Number(node.rolled_up_events)});
  }
  return table;
}

DataTable LimitsTable(const std::string& name, const UsageEngine& engine) {
  DataTable table{name,
                  "limits",
                  {{"workspace", CellType::kText},
                   {"resource", CellType::kText},
                   {"used", CellType::kCount},
                   {"limit", CellType::kCount},
                   {"left", CellType::kCount},
                   {"percent", CellType::kCount}},
                  {}};
  for (const Workspace* w : engine.VisibleWorkspaces()) {
    for (const auto& [resource, used, limit] :
         {std::tuple("members", w->members_count, w->members_limit),
          std::tuple("projects", w->projects_count, w->projects_limit)}) {
      if (!limit) continue;
      const std::int64_t count = used.value_or(0);
      const std::int64_t percent = *limit > 0 ? count * 100 / *limit : 0;
      table.rows.push_back({Text(w->id), Text(resource), Number(count), Number(*limit),
                            Number(std::max<std::int64_t>(0, *limit - count)), Number(percent)});
    }
  }
  return table;
}

}  // namespace creditlens::query
