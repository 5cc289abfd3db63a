// Rows of a query result, a chunk at a time, held column by column in typed vectors that
// Poco::Data extracts into: no per-row Dynamic::Var. NULL reads as "" or 0, or as nothing for
// optional integers.
#pragma once

#include <Poco/Data/AbstractExtraction.h>
#include <Poco/Nullable.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace creditlens::sql {

enum class ColumnKind { kText, kInt64, kOptionalInt64 };

class ResultChunk {
 public:
  explicit ResultChunk(std::span<const ColumnKind> kinds);
  ResultChunk(const ResultChunk&) = delete;  // extractions refer to its vectors
  ResultChunk& operator=(const ResultChunk&) = delete;

  std::size_t rows() const;
  const std::string& Text(std::size_t column, std::size_t row) const;
  std::int64_t Int64(std::size_t column, std::size_t row) const;
  std::optional<std::int64_t> OptionalInt64(std::size_t column, std::size_t row) const;

  void Clear();
  // One extraction per column, into this chunk's vectors.
  Poco::Data::AbstractExtractionVec Extractions();

 private:
  struct Slot {
    ColumnKind kind;
    std::size_t index;  // into the vector of that kind
  };
  std::vector<Slot> slots_;
  std::vector<std::vector<std::string>> text_;
  std::vector<std::vector<Poco::Int64>> ints_;
  std::vector<std::vector<Poco::Nullable<Poco::Int64>>> optional_ints_;
};

}  // namespace creditlens::sql
