// Reads a text file line by line through a large buffer, counting lines and bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace creditlens::model {

class LineReader {
 public:
  // Throws std::runtime_error naming the path when the file cannot be opened.
  explicit LineReader(const std::filesystem::path& path);
  // Reads the next line without its line break; false at the end of the file.
  bool Next(std::string& line);
  std::uint64_t line_number() const { return line_number_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t file_size() const { return file_size_; }

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::uint64_t line_number_ = 0, bytes_read_ = 0, file_size_ = 0;
};

}  // namespace creditlens::model
