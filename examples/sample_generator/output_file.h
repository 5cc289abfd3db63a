// A large-buffered output file that appears under its final name only when complete: data goes to
// "<name>.partial", Close() flushes and renames it, and a file never closed is removed.
#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <vector>

namespace creditlens::sample {

class OutputFile {
 public:
  // Opens "<path>.partial" for writing; throws std::runtime_error on failure.
  explicit OutputFile(std::filesystem::path path, std::size_t buffer_bytes = std::size_t{8} << 20);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Returns room for at least bytes characters; write into it, then call Commit with the new end.
  char* Reserve(std::size_t bytes) {
    if (buffer_.size() - used_ < bytes) Flush(bytes);
    return buffer_.data() + used_;
  }
  void Commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_.data()); }
  void Append(std::string_view text);

  // Writes what is buffered, closes and renames to the final path; throws std::runtime_error.
  void Close();
  const std::filesystem::path& path() const { return path_; }

 private:
  // Writes the buffer out and makes sure `needed` bytes fit afterwards.
  void Flush(std::size_t needed);

  std::filesystem::path path_;
  std::filesystem::path partial_path_;
  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
};

}  // namespace creditlens::sample
