// The embedded store keeps raw events in chunks: one BLOB per written batch, rows encoded
// compactly against a per-chunk dictionary of the text fields (docs/store.md#chunks). One
// insert per chunk instead of one row per event is what makes ingest fast; raw queries decode
// only the chunks overlapping their time range.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/usage_event.h"
#include "text_codes.h"

namespace creditlens::sqlite {

// The text fields kept through the chunk dictionary, in encoding order.
enum class ChunkText : std::uint8_t {
  kWorkspace,
  kCategory,
  kFeature,
  kUnit,
  kFolder,
  kApiKey,
  kUser,
  kSource,
  kRun,
  kModule,
};
inline constexpr std::size_t kChunkTextFields = 10;

// One decoded event; the views point into the chunk's bytes and stay valid while they do.
struct ChunkEvent {
  std::string_view id;
  std::int64_t ts_ms = 0;
  MicroCredits credits = 0;
  std::int64_t quantity = -1;    // -1 when absent
  std::int64_t data_bytes = -1;  // -1 when absent
  std::string_view text[kChunkTextFields];
  std::string_view operator[](ChunkText field) const { return text[static_cast<std::size_t>(field)]; }
};

const std::string& TextField(const UsageEvent& event, ChunkText field);

// The code of each text field of one event, in ChunkText order.
using EventTextCodes = std::array<std::uint32_t, kChunkTextFields>;

class EventChunkWriter {
 public:
  // codes are the event's text fields interned in texts, which must outlive the next Finish().
  void Add(const UsageEvent& event, const EventTextCodes& codes, const TextCodes& texts);
  bool empty() const { return count_ == 0; }
  std::uint32_t count() const { return count_; }
  std::int64_t ts_min() const { return ts_min_; }
  std::int64_t ts_max() const { return ts_max_; }
  // The chunk's bytes; the writer is empty again afterwards.
  std::string Finish();

 private:
  std::uint32_t IndexOf(std::uint32_t code, const TextCodes& texts);

  std::string rows_;
  std::vector<std::string_view> dictionary_;
  // Chunk dictionary index by text code; an entry counts only if its stamp is this chunk's.
  std::vector<std::uint32_t> index_of_code_, stamp_of_code_;
  std::uint32_t stamp_ = 1;
  std::uint32_t count_ = 0;
  std::int64_t previous_ts_ = 0, ts_min_ = 0, ts_max_ = 0;
};

class EventChunkReader {
 public:
  // Throws std::runtime_error for bytes that are not a chunk of this format.
  explicit EventChunkReader(std::string_view bytes);
  std::uint32_t count() const { return count_; }
  // Decodes the next event; false after the last. Throws std::runtime_error on a corrupt chunk.
  bool Next(ChunkEvent& event);

 private:
  std::uint64_t Varint();
  std::string_view Bytes(std::size_t length);

  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::vector<std::string_view> dictionary_;
  std::uint32_t count_ = 0, read_ = 0;
  std::int64_t previous_ts_ = 0;
};

}  // namespace creditlens::sqlite
