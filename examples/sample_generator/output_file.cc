// Buffered, all-or-nothing output files (see output_file.h).
#include "output_file.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

namespace creditlens::sample {
namespace {

std::runtime_error FileError(const std::filesystem::path& path, const char* what, int error) {
  return std::runtime_error(std::string("cannot ") + what + " " + path.string() + ": " +
                            std::strerror(error));
}

}  // namespace

OutputFile::OutputFile(std::filesystem::path path, std::size_t buffer_bytes)
    : path_(std::move(path)), partial_path_(path_.string() + ".partial"), buffer_(buffer_bytes) {
  file_ = std::fopen(partial_path_.c_str(), "wb");
  if (file_ == nullptr) throw FileError(partial_path_, "create", errno);
  std::setvbuf(file_, nullptr, _IONBF, 0);  // this class buffers
}

OutputFile::~OutputFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(partial_path_, ignored);
  }
}

void OutputFile::Append(std::string_view text) {
  char* out = Reserve(text.size());
  std::memcpy(out, text.data(), text.size());
  Commit(out + text.size());
}

void OutputFile::Flush(std::size_t needed) {
  if (used_ > 0 && std::fwrite(buffer_.data(), 1, used_, file_) != used_) {
    throw FileError(partial_path_, "write", errno);
  }
  used_ = 0;
  if (buffer_.size() < needed) buffer_.resize(needed);
}

void OutputFile::Close() {
  Flush(0);
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) {
    const int error = errno;
    std::error_code ignored;
    std::filesystem::remove(partial_path_, ignored);
    throw FileError(partial_path_, "close", error);
  }
  std::error_code error;
  std::filesystem::rename(partial_path_, path_, error);
  if (error)
    throw std::runtime_error("cannot rename " + partial_path_.string() + " to " + path_.string() + ": " +
                             error.message());
}

}  // namespace creditlens::sample
