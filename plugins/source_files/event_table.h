// The events of a files source, held in memory for the source's lifetime: sorted by time, so that a
// range is two binary searches, and with their texts interned, so that filters and grouping compare
// integers. Answers aggregates exactly as the embedded store does: UTC hour or quarter-hour buckets
// (bucket_start_ms the floor of the event's time), exact micro-credit sums, event counts.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "creditlens/source_connector.h"
#include "text_pool.h"

namespace creditlens::files {

class EventTable {
 public:
  // Adds an event that came from file number `file`, unless an event with the same id was added
  // before: then nothing is added and the result is the number of the file that one came from.
  std::optional<std::uint32_t> Add(const UsageEvent& event, std::uint32_t file);
  // Orders the events by time; call once after the last Add and before any query.
  void Seal();

  std::size_t size() const { return rows_.size(); }

  void Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) const;
  void List(const EventQuery& query, const EventSink& sink) const;

 private:
  // The texts of an event by Dimension, then its unit.
  static constexpr std::size_t kDimensions = static_cast<std::size_t>(Dimension::kModule) + 1;
  static constexpr std::size_t kUnit = kDimensions;

  struct Row {
    std::int64_t ts_ms = 0;
    MicroCredits credits = 0;
    std::int64_t quantity = -1;    // -1 when absent (the contract's quantities are >= 0)
    std::int64_t data_bytes = -1;  // -1 when absent
    std::uint32_t id = 0;          // code in ids_
    std::array<std::uint32_t, kDimensions + 1> text{};
  };
  // A filter as codes: which text of a row, and the codes that match.
  struct CodeFilter {
    std::size_t field;
    std::vector<std::uint32_t> codes;
  };
  using RowIterator = std::vector<Row>::const_iterator;

  std::pair<RowIterator, RowIterator> RowsIn(std::int64_t from_ms, std::int64_t to_ms) const;
  // Nothing when a filter names no text any event has: then no row can match.
  std::optional<std::vector<CodeFilter>> CodeFilters(const std::vector<DimensionFilter>& filters) const;
  void Fill(const Row& row, UsageEvent& event) const;

  TextPool ids_, texts_;
  std::vector<std::uint32_t> file_of_id_;  // by id code - 1
  std::vector<Row> rows_;
};

}  // namespace creditlens::files
