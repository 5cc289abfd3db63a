// Typed column vectors; the outer vectors are sized once so that extractions' references stay valid.
#include "result_chunk.h"

#include <Poco/Data/Extraction.h>

namespace creditlens::sql {

ResultChunk::ResultChunk(std::span<const ColumnKind> kinds) {
  for (const ColumnKind kind : kinds) {
    switch (kind) {
      case ColumnKind::kText:
        slots_.push_back({kind, text_.size()});
        text_.emplace_back();
        break;
      case ColumnKind::kInt64:
        slots_.push_back({kind, ints_.size()});
        ints_.emplace_back();
        break;
      case ColumnKind::kOptionalInt64:
        slots_.push_back({kind, optional_ints_.size()});
        optional_ints_.emplace_back();
        break;
    }
  }
}

std::size_t ResultChunk::rows() const {
  if (slots_.empty()) return 0;
  const Slot& first = slots_.front();
  switch (first.kind) {
    case ColumnKind::kText:
      return text_[first.index].size();
    case ColumnKind::kInt64:
      return ints_[first.index].size();
    case ColumnKind::kOptionalInt64:
      break;
  }
  return optional_ints_[first.index].size();
}

const std::string& ResultChunk::Text(std::size_t column, std::size_t row) const {
  return text_[slots_[column].index][row];
}

std::int64_t ResultChunk::Int64(std::size_t column, std::size_t row) const {
  return ints_[slots_[column].index][row];
}

std::optional<std::int64_t> ResultChunk::OptionalInt64(std::size_t column, std::size_t row) const {
  const Poco::Nullable<Poco::Int64>& value = optional_ints_[slots_[column].index][row];
  return value.isNull() ? std::nullopt : std::optional<std::int64_t>(value.value());
}

void ResultChunk::Clear() {
  for (auto& column : text_) column.clear();
  for (auto& column : ints_) column.clear();
  for (auto& column : optional_ints_) column.clear();
}

Poco::Data::AbstractExtractionVec ResultChunk::Extractions() {
  // A NULL reads as the element type's default: "" or 0 (or a null Nullable).
  using Poco::Data::Keywords::into;
  Poco::Data::AbstractExtractionVec extractions;
  for (const Slot& slot : slots_) {
    switch (slot.kind) {
      case ColumnKind::kText:
        extractions.push_back(into(text_[slot.index]));
        break;
      case ColumnKind::kInt64:
        extractions.push_back(into(ints_[slot.index]));
        break;
      case ColumnKind::kOptionalInt64:
        extractions.push_back(into(optional_ints_[slot.index]));
        break;
    }
  }
  return extractions;
}

}  // namespace creditlens::sql
