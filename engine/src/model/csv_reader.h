// A streaming RFC 4180 reader: one record at a time, with the line it started on, in constant memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace creditlens::model {

struct CsvRecord {
  std::uint64_t line = 0;                // physical line the record starts on, 1-based
  std::vector<std::string_view> fields;  // unquoted field values; valid until the next Next()
  std::string_view raw;                  // the record as it stood in the file, without its line break
  std::string error;                     // non-empty when the record is malformed; fields are then partial
};

class CsvReader {
 public:
  // Throws std::runtime_error naming the path when the file cannot be opened.
  explicit CsvReader(const std::filesystem::path& path);

  // Reads the next non-blank record; returns false at the end of the file.
  bool Next(CsvRecord& record);

  std::uint64_t bytes_read() const { return bytes_consumed_; }
  std::uint64_t file_size() const { return file_size_; }

 private:
  // Where a parsed field's text is: in raw_ as it stood (unquoted) or in values_ (unquoted from quotes).
  struct FieldRef {
    bool unescaped;
    std::size_t begin, length;
  };

  bool Fill();
  // Appends the next physical line, without its line break, to out; false at the end of the file.
  bool ReadLine(std::string& out);
  void ParseRecord(std::string& error);

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t bytes_consumed_ = 0, file_size_ = 0;
  std::uint64_t line_ = 1;
  std::string raw_;     // the current record as it stood in the file
  std::string values_;  // quoted fields of the current record, unquoted, back to back
  std::vector<FieldRef> fields_;
};

}  // namespace creditlens::model
