// Subject to file name, byte by byte: UTF-8 sequences pass unchanged (their bytes are all >= 0x80).
#include "text_file_name.h"

#include <cstddef>

namespace creditlens::file {
namespace {

constexpr std::size_t kMaxStemBytes = 200;  // leaves room for ".txt" under the usual 255-byte limit

bool IsUnsafe(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f || c == '/' || c == '\\';
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

}  // namespace

std::string TextFileName(std::string_view subject) {
  std::string stem;
  for (const char c : subject) {
    if (c == '.' && !stem.empty() && stem.back() == '.') continue;  // a run of dots becomes one
    stem += IsUnsafe(c) ? '_' : c;
  }
  const auto first = stem.find_first_not_of(". ");
  stem.erase(0, first == std::string::npos ? stem.size() : first);
  if (stem.size() > kMaxStemBytes) {
    std::size_t cut = kMaxStemBytes;
    while (cut > 0 && IsUtf8Continuation(stem[cut])) --cut;
    stem.resize(cut);
  }
  stem.erase(stem.find_last_not_of(". ") + 1);
  return (stem.empty() ? "delivery" : stem) + ".txt";
}

}  // namespace creditlens::file
