// Temporary file + fsync + rename(2): readers see the old file or the new one, never a part.
#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace creditlens::util {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  const auto directory = std::filesystem::absolute(target_).parent_path();
  if (!std::filesystem::is_directory(directory)) {
    throw std::runtime_error(target_.string() + ": directory " + directory.string() + " does not exist");
  }
  temp_ = directory / ("." + target_.filename().string() + ".tmp-" + std::to_string(getpid()));
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
