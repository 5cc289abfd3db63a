// CSV event rows (see csv_writer.h), formatted straight into the output buffer.
#include "csv_writer.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "decimal_format.h"

namespace creditlens::sample {
namespace {

constexpr std::string_view kHeader =
    "id,ts,workspace_id,category,feature,credits,quantity,unit,folder,api_key,user_id,source,run_id,module,"
    "data_bytes\n";
constexpr std::size_t kTimestampChars = 24;  // 2026-03-01T12:00:00.250Z

bool NeedsQuotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

// Writes text as one CSV field followed by a comma.
char* Field(char* out, std::string_view text) {
  if (!NeedsQuotes(text)) {
    std::memcpy(out, text.data(), text.size());
    out += text.size();
  } else {
    *out++ = '"';
    for (const char c : text) {
      if (c == '"') *out++ = '"';
      *out++ = c;
    }
    *out++ = '"';
  }
  *out++ = ',';
  return out;
}

}  // namespace

CsvWriter::CsvWriter(const std::filesystem::path& path, int id_width) : FileEventWriter(path, id_width) {
  file_.Append(kHeader);
}

void CsvWriter::Write(const EventRow& row) {
  // Worst case: every text field fully quoted, plus the numbers.
  const std::size_t text = TextSize(row);
  char* out = file_.Reserve(2 * (text + 9) + 6 * kMaxNumberChars + kTimestampChars + id_width_);

  out = std::copy(kEventIdPrefix.begin(), kEventIdPrefix.end(), out);
  out = WriteZeroPadded(out, row.sequence, id_width_);
  *out++ = ',';
  out = timestamps_.Write(out, row.ts_ms);
  *out++ = ',';
  out = Field(out, row.workspace_id);
  out = Field(out, row.category);
  out = Field(out, row.feature);
  out = WriteMicros(out, row.credits_micro);
  *out++ = ',';
  out = WriteMicros(out, row.quantity_micro);
  *out++ = ',';
  out = Field(out, row.unit);
  out = Field(out, row.folder);
  out = Field(out, row.api_key);
  out = Field(out, row.user_id);
  out = Field(out, row.source);
  if (row.run_number != 0) {
    out = std::copy(kRunIdPrefix.begin(), kRunIdPrefix.end(), out);
    out = WriteInteger(out, static_cast<std::int64_t>(row.run_number));
  }
  *out++ = ',';
  out = Field(out, row.module);
  if (row.data_bytes >= 0) out = WriteInteger(out, row.data_bytes);
  *out++ = '\n';
  file_.Commit(out);
}

}  // namespace creditlens::sample
