// Interns the texts of the events held in memory: each distinct text is stored once and known by a
// dense code, so that events are rows of integers and filters and grouping compare codes.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace creditlens::files {

class TextPool {
 public:
  TextPool() = default;
  TextPool(const TextPool&) = delete;  // the map views the strings of this pool
  TextPool& operator=(const TextPool&) = delete;
  TextPool(TextPool&&) = default;
  TextPool& operator=(TextPool&&) = default;

  // The code of text, adding it when new; "" is always code 0.
  std::uint32_t Intern(std::string_view text);
  // The code of a text already interned, or nothing.
  std::optional<std::uint32_t> Find(std::string_view text) const;
  std::string_view Text(std::uint32_t code) const {
    return code == 0 ? std::string_view() : texts_[code - 1];
  }
  std::size_t size() const { return texts_.size(); }

 private:
  // The map's keys view the deque's strings: a deque never moves its elements when it grows.
  std::deque<std::string> texts_;
  std::unordered_map<std::string_view, std::uint32_t> codes_;
};

}  // namespace creditlens::files
