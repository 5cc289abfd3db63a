// JSON Lines event rows (see jsonl_writer.h), formatted straight into the output buffer.
#include "jsonl_writer.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "decimal_format.h"

namespace creditlens::sample {
namespace {

constexpr std::size_t kTimestampChars = 24;
constexpr std::size_t kKeysChars = 200;  // all keys, quotes, colons and commas of one object

char* Raw(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

// Writes text as a JSON string, escaping quotes, backslashes and control characters.
char* String(char* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      *out++ = '\\';
      *out++ = c;
    } else if (byte < 0x20) {
      out = Raw(out, "\\u00");
      *out++ = kHex[byte >> 4];
      *out++ = kHex[byte & 0xf];
    } else {
      *out++ = c;
    }
  }
  *out++ = '"';
  return out;
}

// Writes ,"key":"text" when text is set.
char* Optional(char* out, std::string_view key, std::string_view text) {
  if (text.empty()) return out;
  out = Raw(out, key);
  return String(out, text);
}

}  // namespace

JsonlWriter::JsonlWriter(const std::filesystem::path& path, int id_width) : FileEventWriter(path, id_width) {}

void JsonlWriter::Write(const EventRow& row) {
  const std::size_t text = TextSize(row);
  char* out = file_.Reserve(6 * text + kKeysChars + 6 * kMaxNumberChars + kTimestampChars + id_width_);

  out = Raw(out, "{\"id\":\"");
  out = Raw(out, kEventIdPrefix);
  out = WriteZeroPadded(out, row.sequence, id_width_);
  out = Raw(out, "\",\"ts\":\"");
  out = timestamps_.Write(out, row.ts_ms);
  out = Raw(out, "\",\"workspace_id\":");
  out = String(out, row.workspace_id);
  out = Raw(out, ",\"category\":");
  out = String(out, row.category);
  out = Raw(out, ",\"feature\":");
  out = String(out, row.feature);
  out = Raw(out, ",\"credits\":");
  out = WriteMicros(out, row.credits_micro);
  out = Raw(out, ",\"quantity\":");
  out = WriteMicros(out, row.quantity_micro);
  out = Optional(out, ",\"unit\":", row.unit);
  out = Optional(out, ",\"folder\":", row.folder);
  out = Optional(out, ",\"api_key\":", row.api_key);
  out = Optional(out, ",\"user_id\":", row.user_id);
  out = Optional(out, ",\"source\":", row.source);
  if (row.run_number != 0) {
    out = Raw(out, ",\"run_id\":\"");
    out = Raw(out, kRunIdPrefix);
    out = WriteInteger(out, static_cast<std::int64_t>(row.run_number));
    *out++ = '"';
  }
  out = Optional(out, ",\"module\":", row.module);
  if (row.data_bytes >= 0) {
    out = Raw(out, ",\"data_bytes\":");
    out = WriteInteger(out, row.data_bytes);
  }
  out = Raw(out, "}\n");
  file_.Commit(out);
}

}  // namespace creditlens::sample
