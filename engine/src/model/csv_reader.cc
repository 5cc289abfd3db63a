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

int CsvReader::Get() {
  if (pos_ == end_ && !Fill()) return EOF;
  const char c = buffer_[pos_++];
  ++bytes_consumed_;
  raw_.push_back(c);
  if (c == '\n') ++line_;
  return static_cast<unsigned char>(c);
}

int CsvReader::Peek() {
  if (pos_ == end_ && !Fill()) return EOF;
  return static_cast<unsigned char>(buffer_[pos_]);
}

bool CsvReader::Next(CsvRecord& record) {
  for (;;) {
    values_.clear();
    raw_.clear();
    field_ends_.clear();
    record.error.clear();
    record.line = line_;
    int c = Peek();
    if (c == EOF) return false;
    if (c == '\n' || c == '\r') {  // blank line
      Get();
      if (c == '\r' && Peek() == '\n') Get();
      continue;
    }
    bool end_of_record = false;
    while (!end_of_record) {
      c = Get();
      if (c == '"' && (field_ends_.empty() ? values_.empty() : values_.size() == field_ends_.back())) {
        // Quoted field: runs to the closing quote; "" stands for one quote.
        for (;;) {
          c = Get();
          if (c == EOF) {
            record.error = "unterminated quoted field";
            end_of_record = true;
            break;
          }
          if (c == '"') {
            if (Peek() != '"') break;
            Get();
          }
          values_.push_back(static_cast<char>(c));
        }
        if (end_of_record) break;
        c = Get();
        if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          record.error = "unexpected character after a closing quote (expected ',' or end of line)";
          while (c != '\n' && c != EOF) c = Get();
        }
      }
      switch (c) {
        case ',':
          field_ends_.push_back(values_.size());
          break;
        case '\r':
          if (Peek() == '\n') Get();
          [[fallthrough]];
        case '\n':
        case EOF:
          field_ends_.push_back(values_.size());
          end_of_record = true;
          break;
        case '"':
          record.error = "quote inside an unquoted field (quote the whole field and double the quote)";
          values_.push_back('"');
          break;
        default:
          values_.push_back(static_cast<char>(c));
      }
    }
    while (!raw_.empty() && (raw_.back() == '\n' || raw_.back() == '\r')) raw_.pop_back();
    record.raw = raw_;
    record.fields.clear();
    std::size_t start = 0;
    for (std::size_t end : field_ends_) {
      record.fields.emplace_back(values_.data() + start, end - start);
      start = end;
    }
    return true;
  }
}

}  // namespace creditlens::model
