// Text interning on a deque of strings and a map of views into it.
#include "text_pool.h"

#include <stdexcept>

namespace creditlens::files {

std::uint32_t TextPool::Intern(std::string_view text) {
  if (text.empty()) return 0;
  if (const auto found = codes_.find(text); found != codes_.end()) return found->second;
  if (texts_.size() >= UINT32_MAX - 1)
    throw std::length_error("more distinct texts than the event table holds");
  const std::string& stored = texts_.emplace_back(text);
  const auto code = static_cast<std::uint32_t>(texts_.size());
  codes_.emplace(stored, code);
  return code;
}

std::optional<std::uint32_t> TextPool::Find(std::string_view text) const {
  if (text.empty()) return 0;
  const auto found = codes_.find(text);
  if (found == codes_.end()) return std::nullopt;
  return found->second;
}

}  // namespace creditlens::files
