// Line reading on stdio with a 1 MiB buffer.
#include "model/line_reader.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace creditlens::model {

LineReader::LineReader(const std::filesystem::path& path) : file_(std::fopen(path.c_str(), "rb")) {
  if (!file_) throw std::runtime_error(path.string() + ": cannot open: " + std::strerror(errno));
  std::setvbuf(file_.get(), nullptr, _IOFBF, 1 << 20);
  std::error_code ec;
  file_size_ = std::filesystem::file_size(path, ec);
}

bool LineReader::Next(std::string& line) {
  line.clear();
  int c;
  while ((c = std::getc(file_.get())) != EOF && c != '\n') line.push_back(static_cast<char>(c));
  if (c == EOF && line.empty()) return false;
  bytes_read_ += line.size() + (c == '\n' ? 1 : 0);
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace creditlens::model
