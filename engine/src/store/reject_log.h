// The --skip-invalid rejects file: one JSON object per rejected row, with file, line, field, reason
// and the row's original text, so that rows can be fixed and loaded again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "util/atomic_file.h"

namespace creditlens::store {

class RejectLog {
 public:
  explicit RejectLog(const std::filesystem::path& path);
  void Add(const std::string& file, std::uint64_t line, const std::string& field, const std::string& reason,
           const std::string& row);
  std::uint64_t count() const { return count_; }
  // Makes the file appear; until then nothing is visible at the path.
  void Commit();

 private:
  util::AtomicFile file_;
  std::ofstream out_;
  std::uint64_t count_ = 0;
};

}  // namespace creditlens::store
