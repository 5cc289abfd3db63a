// Temporary file + fsync + rename(2): readers see the old file or the new one, never a part.
#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace creditlens::util {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  // Unique per process and call, so two writes of one target never share a temporary file. A
  // missing directory is reported by the write itself, in the writer's own words.
  static std::atomic<unsigned> counter{0};
  temp_ = std::filesystem::absolute(target_).parent_path() /
          ("." + target_.filename().string() + ".tmp-" + std::to_string(getpid()) + "-" +
           std::to_string(counter++));
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void AtomicFile::Commit() {
  const int fd = open(temp_.c_str(), O_RDONLY);
  if (fd < 0) throw std::runtime_error(target_.string() + ": nothing was written");
  fsync(fd);
  close(fd);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    throw std::runtime_error(target_.string() + ": cannot write: " + std::strerror(errno));
  }
  committed_ = true;
}

void WriteFileAtomically(const std::filesystem::path& path, const std::string& text) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temp_path(), std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write");
  }
  file.Commit();
}

}  // namespace creditlens::util
