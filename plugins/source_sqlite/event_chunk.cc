// Chunk format, version 1:
//   "CLC" 0x01 | varint count | varint dictionary size | dictionary: (varint length, bytes)... | rows
//   row: varint id length, id | zigzag varint ts delta from the previous row (ms) | varint credits
//        (micro) | varint quantity + 1 (0 = absent) | varint data_bytes + 1 (0 = absent) |
//        one varint dictionary index per ChunkText field (index 0 is the empty string)
#include "event_chunk.h"

#include <stdexcept>

namespace creditlens::sqlite {
namespace {

constexpr std::string_view kMagic("CLC\x01", 4);

void PutVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

std::uint64_t ZigZag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t UnZigZag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

}  // namespace

const std::string& TextField(const UsageEvent& e, ChunkText field) {
  switch (field) {
    case ChunkText::kWorkspace:
      return e.workspace_id;
    case ChunkText::kCategory:
      return e.category;
    case ChunkText::kFeature:
      return e.feature;
    case ChunkText::kUnit:
      return e.unit;
    case ChunkText::kFolder:
      return e.folder;
    case ChunkText::kApiKey:
      return e.api_key;
    case ChunkText::kUser:
      return e.user_id;
    case ChunkText::kSource:
      return e.source;
    case ChunkText::kRun:
      return e.run_id;
    case ChunkText::kModule:
      break;
  }
  return e.module;
}

std::uint32_t EventChunkWriter::IndexOf(std::uint32_t code, const TextCodes& texts) {
  if (code == 0) return 0;
  if (code >= index_of_code_.size()) {
    index_of_code_.resize(code + 1024);
    stamp_of_code_.resize(code + 1024);
  }
  if (stamp_of_code_[code] != stamp_) {
    stamp_of_code_[code] = stamp_;
    dictionary_.push_back(texts.Text(code));
    index_of_code_[code] = static_cast<std::uint32_t>(dictionary_.size());
  }
  return index_of_code_[code];
}

void EventChunkWriter::Add(const UsageEvent& e, const EventTextCodes& codes, const TextCodes& texts) {
  if (count_ == 0) {
    ts_min_ = ts_max_ = e.ts_ms;
    previous_ts_ = 0;  // the first delta is the timestamp itself
  }
  ts_min_ = std::min(ts_min_, e.ts_ms);
  ts_max_ = std::max(ts_max_, e.ts_ms);
  PutVarint(rows_, e.id.size());
  rows_ += e.id;
  PutVarint(rows_, ZigZag(e.ts_ms - previous_ts_));
  previous_ts_ = e.ts_ms;
  PutVarint(rows_, static_cast<std::uint64_t>(e.credits));
  PutVarint(rows_, e.quantity ? static_cast<std::uint64_t>(*e.quantity) + 1 : 0);
  PutVarint(rows_, e.data_bytes ? static_cast<std::uint64_t>(*e.data_bytes) + 1 : 0);
  for (const std::uint32_t code : codes) PutVarint(rows_, IndexOf(code, texts));
  ++count_;
}

std::string EventChunkWriter::Finish() {
  std::string out(kMagic);
  PutVarint(out, count_);
  PutVarint(out, dictionary_.size());
  for (std::string_view text : dictionary_) {
    PutVarint(out, text.size());
    out += text;
  }
  out += rows_;
  rows_.clear();
  dictionary_.clear();
  ++stamp_;
  count_ = 0;
  return out;
}

EventChunkReader::EventChunkReader(std::string_view bytes) : bytes_(bytes) {
  if (bytes_.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("not an event chunk (format 1)");
  pos_ = kMagic.size();
  count_ = static_cast<std::uint32_t>(Varint());
  const std::uint64_t entries = Varint();
  if (entries > bytes_.size()) throw std::runtime_error("corrupt event chunk: dictionary size");
  dictionary_.reserve(entries + 1);
  dictionary_.emplace_back();
  for (std::uint64_t i = 0; i < entries; ++i) dictionary_.push_back(Bytes(Varint()));
}

std::uint64_t EventChunkReader::Varint() {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= bytes_.size()) throw std::runtime_error("corrupt event chunk: truncated");
    const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) return value;
  }
  throw std::runtime_error("corrupt event chunk: varint too long");
}

std::string_view EventChunkReader::Bytes(std::size_t length) {
  if (length > bytes_.size() - pos_) throw std::runtime_error("corrupt event chunk: truncated");
  const std::string_view out = bytes_.substr(pos_, length);
  pos_ += length;
  return out;
}

bool EventChunkReader::Next(ChunkEvent& e) {
  if (read_ == count_) return false;
  e.id = Bytes(Varint());
  previous_ts_ += UnZigZag(Varint());
  e.ts_ms = previous_ts_;
  e.credits = static_cast<MicroCredits>(Varint());
  e.quantity = static_cast<std::int64_t>(Varint()) - 1;
  e.data_bytes = static_cast<std::int64_t>(Varint()) - 1;
  for (auto& text : e.text) {
    const std::uint64_t index = Varint();
    if (index >= dictionary_.size()) throw std::runtime_error("corrupt event chunk: dictionary index");
    text = dictionary_[index];
  }
  ++read_;
  return true;
}

}  // namespace creditlens::sqlite
