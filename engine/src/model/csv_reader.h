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
  int Get();   // next byte, or EOF
  int Peek();  // next byte without consuming it, or EOF
  bool Fill();

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t bytes_consumed_ = 0, file_size_ = 0;
  std::uint64_t line_ = 1;
  std::string values_;  // unquoted field values of the current record, back to back
  std::string raw_;
  std::vector<std::size_t> field_ends_;
};

}  // namespace creditlens::model
