// Runs a usage query: one aggregate request to the source at the finest grid the time zone needs
// (UTC hours, or quarter hours for zones like Asia/Kolkata), then local bucketing, dollars and
// ordering in memory over the (small) aggregated rows.
#include "query/usage_query.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "query/folder_tree.h"
#include "query/time_buckets.h"

namespace creditlens::query {
namespace {

constexpr const char* kKind = "kind";
// "Any time" for keys the store has seen: 1970-01-01 to 2199-12-31.
const DayRange kAllTime{0, model::FromCivilClamped(2199, 12, 31)};

struct NamedDimension {
  const char* name;
  Dimension dimension;
};
constexpr NamedDimension kDimensions[] = {
    {"workspace", Dimension::kWorkspace}, {"category", Dimension::kCategory},
    {"feature", Dimension::kFeature},     {"folder", Dimension::kFolder},
    {"api_key", Dimension::kApiKey},      {"user", Dimension::kUser},
    {"source", Dimension::kSource},       {"run", Dimension::kRun},
    {"module", Dimension::kModule},
};

__extension__ using Int128 = __int128;  // GCC and Clang; exact for any int64 product

// Rounds half to even: money shown from credits is rounded once, here, to the micro-dollar.
std::int64_t ToMicroDollars(std::int64_t micro_credits, std::int64_t micro_dollars_per_credit) {
  const Int128 product = static_cast<Int128>(micro_credits) * micro_dollars_per_credit;
  Int128 quotient = product / kMicrosPerCredit;
  const Int128 remainder = product % kMicrosPerCredit;
  if (remainder * 2 > kMicrosPerCredit || (remainder * 2 == kMicrosPerCredit && quotient % 2 != 0))
    ++quotient;
  return static_cast<std::int64_t>(quotient);
}

}  // namespace

std::optional<Dimension> DimensionByName(const std::string& name) {
  for (const auto& d : kDimensions) {
    if (name == d.name) return d.dimension;
  }
  return std::nullopt;
}

std::string AcceptedDimensions() {
  std::string out;
  for (const auto& d : kDimensions) out += std::string(d.name) + ", ";
  return out + kKind;
}

Grain ParseGrain(const std::string& text) {
  if (text == "hour") return Grain::kHour;
  if (text == "day") return Grain::kDay;
  if (text == "week") return Grain::kWeek;
  if (text == "month") return Grain::kMonth;
  if (text.empty() || text == "none") return Grain::kNone;
  throw std::invalid_argument("unknown time grain '" + text + "' (accepted: hour, day, week, month)");
}

const char* ToString(Grain grain) {
  switch (grain) {
    case Grain::kHour:
      return "hour";
    case Grain::kDay:
      return "day";
    case Grain::kWeek:
      return "week";
    case Grain::kMonth:
      return "month";
    case Grain::kNone:
      break;
  }
  return "none";
}

const char* ToString(Unit unit) { return unit == Unit::kDollars ? "dollars" : "credits"; }

UsageEngine::UsageEngine(SourceConnector& source, std::vector<Workspace> workspaces,
                         std::optional<std::string> scope, model::TimeZone zone)
    : source_(source), workspaces_(std::move(workspaces)), scope_(std::move(scope)), zone_(std::move(zone)) {
  // By id, whatever order the source keeps its accounts in, so every source gives the same tables.
  std::sort(workspaces_.begin(), workspaces_.end(),
            [](const Workspace& a, const Workspace& b) { return a.id < b.id; });
  if (scope_ && !FindWorkspace(*scope_)) throw std::invalid_argument("unknown workspace '" + *scope_ + "'");
}

const Workspace* UsageEngine::FindWorkspace(const std::string& id) const {
  for (const Workspace& w : workspaces_) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

std::vector<const Workspace*> UsageEngine::VisibleWorkspaces() const {
  std::vector<const Workspace*> out;
  for (const Workspace& w : workspaces_) {
    if (!scope_ || w.id == *scope_) out.push_back(&w);
  }
  return out;
}

UsageEngine::ScopedFilters UsageEngine::Scope(const std::vector<DimensionFilter>& filters,
                                              bool exclude_direct) const {
  ScopedFilters out;
  for (const DimensionFilter& f : filters)
    (f.dimension == Dimension::kFolder ? out.folders : out.exact).push_back(f);
  if (scope_) out.exact.push_back({Dimension::kWorkspace, {*scope_}});
  out.exclude_direct = exclude_direct;
  return out;
}

bool UsageEngine::ScopedFilters::KeepsFolder(std::string_view folder) const {
  return std::all_of(folders.begin(), folders.end(), [&](const DimensionFilter& f) {
    return std::any_of(f.values.begin(), f.values.end(), [&](const std::string& root) {
      return exclude_direct ? BelowFolder(folder, root) : InFolder(folder, root);
    });
  });
}

void UsageEngine::ForEachEvent(const DayRange& range, const std::vector<DimensionFilter>& filters,
                               bool exclude_direct, const EventSink& sink) const {
  if (range.last_day < range.first_day) throw std::invalid_argument("the range ends before it starts");
  const ScopedFilters scoped = Scope(filters, exclude_direct);
  const EventQuery query{zone_.StartOfDay(range.first_day), zone_.StartOfDay(range.last_day + 1),
                         scoped.exact};
  const Status status = source_.ListEvents(
      query, [&](const UsageEvent& event) { return !scoped.KeepsFolder(event.folder) || sink(event); });
  if (!status.ok()) throw std::runtime_error("listing events: " + status.message());
}

struct UsageEngine::Collected {
  std::vector<std::string> bucket_labels;
  std::map<std::vector<std::string>, Series> series;
  std::int64_t total = 0;
  std::int64_t events = 0;

  // The series of keys, zero-filled over the buckets when it is new.
  Series& SeriesOf(const std::vector<std::string>& keys) {
    Series& s = series[keys];
    if (s.values.empty()) {
      s.keys = keys;
      s.values.assign(bucket_labels.size(), 0);
    }
    return s;
  }
};

UsageEngine::Collected UsageEngine::Collect(const std::string& name, const UsageQuery& query,
                                            const DayRange& range) const {
  if (range.last_day < range.first_day)
    throw std::invalid_argument(name + ": the range ends before it starts");
  const ScopedFilters filters = Scope(query.filters, query.exclude_direct);
  AggregateRequest request;
  request.from_ms = zone_.StartOfDay(range.first_day);
  request.to_ms = zone_.StartOfDay(range.last_day + 1);
  request.filters = filters.exact;

  // Where each output key comes from in the source's row; workspace is fetched when kind or dollars
  // need it, folder when folder filters do.
  std::vector<int> key_column;
  auto column_of = [&](Dimension d) {
    const auto it = std::find(request.group_by.begin(), request.group_by.end(), d);
    if (it != request.group_by.end()) return static_cast<int>(it - request.group_by.begin());
    request.group_by.push_back(d);
    return static_cast<int>(request.group_by.size() - 1);
  };
  for (const std::string& key : query.group_by) {
    const auto dimension = key == kKind ? std::optional(Dimension::kWorkspace) : DimensionByName(key);
    if (!dimension) {
      throw std::invalid_argument(name + ": unknown dimension '" + key +
                                  "' (accepted: " + AcceptedDimensions() + ")");
    }
    key_column.push_back(column_of(*dimension));
  }
  const bool need_workspace =
      query.unit == Unit::kDollars ||
      std::find(query.group_by.begin(), query.group_by.end(), kKind) != query.group_by.end();
  const int workspace_column = need_workspace ? column_of(Dimension::kWorkspace) : -1;
  const int folder_column = filters.folders.empty() ? -1 : column_of(Dimension::kFolder);

  if (query.grain != Grain::kNone) {
    request.bucket = zone_.WholeHourOffsets(request.from_ms, request.to_ms) ? TimeBucket::kHourUtc
                                                                            : TimeBucket::kQuarterHourUtc;
  }
  std::vector<AggregateRow> rows;
  const Status status = source_.Aggregate(request, rows);
  if (!status.ok()) throw std::runtime_error(name + ": " + status.message());

  const TimeBuckets buckets(zone_, query.grain, range.first_day, range.last_day);
  std::map<std::string, std::int64_t> price_cache;  // micro-dollars per credit by workspace
  auto price_of = [&](const std::string& workspace_id) {
    auto [it, fresh] = price_cache.try_emplace(workspace_id, 0);
    if (fresh) {
      const Workspace* w = FindWorkspace(workspace_id);
      it->second = w ? ParseMicroCredits(w->price_per_credit).value_or(0) : 0;
    }
    return it->second;
  };

  Collected out{buckets.labels(), {}, 0, 0};
  for (const AggregateRow& row : rows) {
    if (folder_column >= 0 && !filters.KeepsFolder(row.keys[folder_column])) continue;
    std::vector<std::string> keys;
    for (std::size_t k = 0; k < key_column.size(); ++k) {
      const std::string& value = row.keys[key_column[k]];
      if (query.group_by[k] == kKind) {
        const Workspace* w = FindWorkspace(value);
        keys.push_back(w ? ToString(w->kind) : "unknown");
      } else {
        keys.push_back(value);
      }
    }
    const std::int64_t amount = query.unit == Unit::kDollars
                                    ? ToMicroDollars(row.credits, price_of(row.keys[workspace_column]))
                                    : row.credits;
    Series& series = out.SeriesOf(keys);
    series.values[query.grain == Grain::kNone ? 0 : buckets.IndexOf(row.bucket_start_ms)] += amount;
    series.total += amount;
    series.events += row.events;
    out.total += amount;
    out.events += row.events;
  }
  return out;
}

Dataset UsageEngine::Run(const std::string& name, const UsageQuery& query) const {
  const DayRange range{query.first_day, query.last_day};
  Collected current = Collect(name, query, range);
  const std::size_t bucket_count = current.bucket_labels.size();

  Dataset out{name, query.grain,   query.unit,     query.group_by, current.bucket_labels,
              {},   current.total, current.events, std::nullopt};
  if (query.compare_with) {
    const DayRange previous_range = *query.compare_with;
    UsageQuery totals = query;
    totals.grain = Grain::kNone;
    const Collected previous = Collect(name, totals, previous_range);
    // Keys used only before still get a series: what stopped being used is part of the comparison.
    for (const auto& [keys, series] : previous.series) current.SeriesOf(keys).previous_total = series.total;
    out.previous = ComparedPeriod{previous_range, previous.total, previous.events};
  }
  if (query.zeros && !query.group_by.empty()) {
    UsageQuery ever = query;
    ever.grain = Grain::kNone;
    ever.compare_with.reset();
    const Collected seen = Collect(name, ever, kAllTime);
    for (const auto& [keys, series] : seen.series) current.SeriesOf(keys);
  }

  for (auto& [keys, series] : current.series) {
    if (keys.empty()) series.label = "total";
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const Workspace* w = query.group_by[k] == "workspace" ? FindWorkspace(keys[k]) : nullptr;
      const std::string part = w ? w->name : (keys[k].empty() ? "(none)" : keys[k]);
      series.label += (k ? " · " : "") + part;
    }
    out.series.push_back(std::move(series));
  }
  // Largest first; with several dimensions, grouped under the first one (largest group first).
  std::map<std::string, std::int64_t> group_totals;
  for (const Series& s : out.series) group_totals[s.keys.empty() ? "" : s.keys[0]] += s.total;
  auto group_total = [&](const Series& s) { return group_totals[s.keys.empty() ? "" : s.keys[0]]; };
  std::stable_sort(out.series.begin(), out.series.end(), [&](const Series& a, const Series& b) {
    if (query.group_by.size() > 1 && a.keys[0] != b.keys[0]) {
      return std::pair(group_total(a), b.keys[0]) > std::pair(group_total(b), a.keys[0]);
    }
    return a.total > b.total;
  });
  if (query.group_by.empty() && out.series.empty()) {  // a plain series always exists, zero-filled
    out.series.push_back({{}, "total", std::vector<std::int64_t>(bucket_count, 0), 0, 0, 0});
  }
  if (query.top > 0 && out.series.size() > query.top) {
    Series other{std::vector<std::string>(query.group_by.size(), "other"),
                 "Other (" + std::to_string(out.series.size() - query.top) + " more)",
                 std::vector<std::int64_t>(bucket_count, 0),
                 0,
                 0,
                 0};
    for (std::size_t i = query.top; i < out.series.size(); ++i) {
      for (std::size_t b = 0; b < bucket_count; ++b) other.values[b] += out.series[i].values[b];
      other.total += out.series[i].total;
      other.events += out.series[i].events;
      other.previous_total += out.series[i].previous_total;
    }
    out.series.resize(query.top);
    out.series.push_back(std::move(other));
  }
  if (query.cumulative) {
    for (Series& series : out.series) {
      for (std::size_t b = 1; b < series.values.size(); ++b) series.values[b] += series.values[b - 1];
    }
  }
  return out;
}

}  // namespace creditlens::query
