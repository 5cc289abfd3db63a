// Range scans over the time-ordered rows: aggregation into buckets and keys, and listings.
#include "event_table.h"

#include <algorithm>
#include <unordered_map>

namespace creditlens::files {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;
constexpr std::int64_t kMsPerQuarterHour = 900'000;

std::int64_t BucketStep(TimeBucket bucket) {
  switch (bucket) {
    case TimeBucket::kHourUtc:
      return kMsPerHour;
    case TimeBucket::kQuarterHourUtc:
      return kMsPerQuarterHour;
    case TimeBucket::kNone:
      break;
  }
  return 0;
}

// The start of the step-long UTC slot holding ms; a floor, before 1970 too.
std::int64_t SlotStart(std::int64_t ms, std::int64_t step) {
  const std::int64_t into = ms % step;
  return ms - (into < 0 ? into + step : into);
}

// The text fields of an event (const or not), in Dimension order.
template <typename Event>
auto DimensionTexts(Event& e) {
  return std::array{&e.workspace_id, &e.category, &e.feature, &e.folder, &e.api_key,
                    &e.user_id,      &e.source,   &e.run_id,  &e.module};
}

}  // namespace

std::optional<std::uint32_t> EventTable::Add(const UsageEvent& event, std::uint32_t file) {
  const std::size_t known_ids = ids_.size();
  const std::uint32_t id = ids_.Intern(event.id);
  if (ids_.size() == known_ids) return file_of_id_[id - 1];
  file_of_id_.push_back(file);
  Row& row = rows_.emplace_back();
  row.ts_ms = event.ts_ms;
  row.credits = event.credits;
  row.quantity = event.quantity.value_or(-1);
  row.data_bytes = event.data_bytes.value_or(-1);
  row.id = id;
  const auto texts = DimensionTexts(event);
  static_assert(std::tuple_size_v<decltype(texts)> == kDimensions, "one text per Dimension");
  for (std::size_t d = 0; d < kDimensions; ++d) row.text[d] = texts_.Intern(*texts[d]);
  row.text[kUnit] = texts_.Intern(event.unit);
  return std::nullopt;
}

void EventTable::Seal() {
  std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.ts_ms < b.ts_ms; });
}

std::pair<EventTable::RowIterator, EventTable::RowIterator> EventTable::RowsIn(std::int64_t from_ms,
                                                                               std::int64_t to_ms) const {
  if (from_ms >= to_ms) return {rows_.end(), rows_.end()};
  const auto before = [](const Row& row, std::int64_t ms) { return row.ts_ms < ms; };
  const auto first = std::lower_bound(rows_.begin(), rows_.end(), from_ms, before);
  return {first, std::lower_bound(first, rows_.end(), to_ms, before)};
}

std::optional<std::vector<EventTable::CodeFilter>> EventTable::CodeFilters(
    const std::vector<DimensionFilter>& filters) const {
  std::vector<CodeFilter> out;
  for (const DimensionFilter& filter : filters) {
    CodeFilter& codes = out.emplace_back();
    codes.field = static_cast<std::size_t>(filter.dimension);
    for (const std::string& value : filter.values) {
      if (const auto code = texts_.Find(value)) codes.codes.push_back(*code);
    }
    if (codes.codes.empty()) return std::nullopt;
  }
  return out;
}

namespace {

template <typename Row, typename Filters>
bool Matches(const Row& row, const Filters& filters) {
  return std::all_of(filters.begin(), filters.end(), [&](const auto& f) {
    return std::find(f.codes.begin(), f.codes.end(), row.text[f.field]) != f.codes.end();
  });
}

}  // namespace

void EventTable::Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) const {
  rows.clear();
  const auto filters = CodeFilters(request.filters);
  if (!filters) return;
  const std::int64_t step = BucketStep(request.bucket);
  // Bucket and key codes, as bytes -> position in rows.
  std::unordered_map<std::string, std::size_t> index;
  std::string key;
  const auto [first, last] = RowsIn(request.from_ms, request.to_ms);
  for (auto row = first; row != last; ++row) {
    if (!Matches(*row, *filters)) continue;
    const std::int64_t bucket = step ? SlotStart(row->ts_ms, step) : 0;
    key.assign(reinterpret_cast<const char*>(&bucket), sizeof bucket);
    for (Dimension d : request.group_by) {
      key.append(reinterpret_cast<const char*>(&row->text[static_cast<std::size_t>(d)]),
                 sizeof(std::uint32_t));
    }
    const auto [at, added] = index.try_emplace(key, rows.size());
    if (added) {
      AggregateRow& out = rows.emplace_back();
      out.bucket_start_ms = bucket;
      for (Dimension d : request.group_by)
        out.keys.emplace_back(texts_.Text(row->text[static_cast<std::size_t>(d)]));
    }
    rows[at->second].credits += row->credits;
    ++rows[at->second].events;
  }
}

void EventTable::Fill(const Row& row, UsageEvent& event) const {
  event.id = ids_.Text(row.id);
  event.ts_ms = row.ts_ms;
  event.credits = row.credits;
  event.quantity = row.quantity >= 0 ? std::optional<MicroCredits>(row.quantity) : std::nullopt;
  event.data_bytes = row.data_bytes >= 0 ? std::optional<std::int64_t>(row.data_bytes) : std::nullopt;
  const auto texts = DimensionTexts(event);
  for (std::size_t d = 0; d < kDimensions; ++d) *texts[d] = texts_.Text(row.text[d]);
  event.unit = texts_.Text(row.text[kUnit]);
}

void EventTable::List(const EventQuery& query, const EventSink& sink) const {
  const auto filters = CodeFilters(query.filters);
  if (!filters) return;
  UsageEvent event;
  const auto [first, last] = RowsIn(query.from_ms, query.to_ms);
  for (auto row = first; row != last; ++row) {
    if (!Matches(*row, *filters)) continue;
    Fill(*row, event);
    if (!sink(event)) return;
  }
}

}  // namespace creditlens::files
