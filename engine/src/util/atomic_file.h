// Writes a file so that it appears whole or not at all: content goes to a temporary file in the
// same directory, which replaces the target only on Commit().
#pragma once

#include <filesystem>
#include <string>

namespace creditlens::util {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where to write the content.
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  // Flushes to disk and renames over the target. Throws std::runtime_error naming the target.
  void Commit();

 private:
  std::filesystem::path target_, temp_;
  bool committed_ = false;
};

// Writes text to path atomically.
void WriteFileAtomically(const std::filesystem::path& path, const std::string& text);

}  // namespace creditlens::util
