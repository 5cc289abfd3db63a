// RFC 4180: fields separated by commas, records by CRLF or LF, quotes doubled inside quoted fields.
#include "model/csv_reader.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace creditlens::model {

CsvReader::CsvReader(const std::filesystem::path& path)
    : file_(std::fopen(path.c_str(), "rb")), buffer_(1 << 20) {
  if (!file_) throw std::runtime_error(path.string() + ": cannot open: " + std::strerror(errno));
  std::error_code ec;
  file_size_ = std::filesystem::file_size(path, ec);
  // Spreadsheet exports often start with a UTF-8 byte-order mark; it is not part of the header.
  if (Fill() && end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) {
    pos_ = 3;
    bytes_consumed_ = 3;
  }
}

bool CsvReader::Fill() {
  end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_.get());
  pos_ = 0;
  return end_ > 0;
}

bool CsvReader::ReadLine(std::string& out) {
  const std::size_t start = out.size();
  bool read_any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (!read_any) return false;
      break;  // a last line without a line break
    }
    read_any = true;
    const char* begin = buffer_.data() + pos_;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
    const std::size_t length = newline ? static_cast<std::size_t>(newline - begin) : end_ - pos_;
    out.append(begin, length);
    const std::size_t consumed = length + (newline ? 1 : 0);
    pos_ += consumed;
    bytes_consumed_ += consumed;
    if (newline) break;
  }
  ++line_;
  if (out.size() > start && out.back() == '\r') out.pop_back();
  return true;
}

void CsvReader::ParseRecord(std::string& error) {
  std::size_t pos = 0;
  for (;;) {
    if (pos < raw_.size() && raw_[pos] == '"') {
      // Quoted: runs to the closing quote, across line breaks; "" stands for one quote.
      const std::size_t start = values_.size();
      ++pos;
      for (;;) {
        const std::size_t quote = raw_.find('"', pos);
        if (quote == std::string::npos) {
          values_.append(raw_, pos);
          values_ += '\n';
          raw_ += '\n';
          pos = raw_.size();
          if (!ReadLine(raw_)) {
            raw_.pop_back();
            values_.pop_back();
            error = "unterminated quoted field";
            fields_.push_back({true, start, values_.size() - start});
            return;
          }
          continue;
        }
        values_.append(raw_, pos, quote - pos);
        if (quote + 1 < raw_.size() && raw_[quote + 1] == '"') {
          values_ += '"';
          pos = quote + 2;
          continue;
        }
        pos = quote + 1;
        break;
      }
      fields_.push_back({true, start, values_.size() - start});
      if (pos == raw_.size()) return;
      if (raw_[pos] != ',') {
        error = "unexpected character after a closing quote (expected ',' or end of line)";
        return;
      }
      ++pos;
      continue;
    }
    const std::size_t comma = raw_.find(',', pos);
    const std::size_t end = comma == std::string::npos ? raw_.size() : comma;
    if (std::memchr(raw_.data() + pos, '"', end - pos) != nullptr) {
      error = "quote inside an unquoted field (quote the whole field and double the quote)";
    }
    fields_.push_back({false, pos, end - pos});
    if (comma == std::string::npos) return;
    pos = comma + 1;
  }
}

bool CsvReader::Next(CsvRecord& record) {
  for (;;) {
    raw_.clear();
    values_.clear();
    fields_.clear();
    record.error.clear();
    record.line = line_;
    if (!ReadLine(raw_)) return false;
    if (raw_.empty()) continue;  // blank line
    ParseRecord(record.error);
    record.raw = raw_;
    record.fields.clear();
    for (const FieldRef& f : fields_) {
      record.fields.emplace_back((f.unescaped ? values_.data() : raw_.data()) + f.begin, f.length);
    }
    return true;
  }
}

}  // namespace creditlens::model
