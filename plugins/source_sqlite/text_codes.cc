// TextCodes: one hash lookup per new text, pointer-stable keys for the reverse direction.
#include "text_codes.h"

namespace creditlens::sqlite {

std::size_t TextCodes::Hash::operator()(std::string_view text) const noexcept {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<std::size_t>(h);
}

std::uint32_t TextCodes::Code(std::string_view text) {
  if (text.empty()) return 0;
  if (const auto it = codes_.find(text); it != codes_.end()) return it->second;
  const auto [it, added] = codes_.emplace(std::string(text), static_cast<std::uint32_t>(texts_.size() + 1));
  texts_.push_back(&it->first);
  return it->second;
}

void TextCodes::Clear() {
  codes_.clear();
  texts_.clear();
}

}  // namespace creditlens::sqlite
