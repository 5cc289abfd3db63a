// Interns the text fields of a load into dense integer codes, so that the chunk dictionaries and
// the rollup keys work on integers instead of hashing the same strings again for every event.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace creditlens::sqlite {

class TextCodes {
 public:
  // The code of text; 0 is the empty string. Codes are dense: 1, 2, 3, ...
  std::uint32_t Code(std::string_view text);
  // Valid until Clear().
  std::string_view Text(std::uint32_t code) const {
    return code == 0 ? std::string_view() : *texts_[code - 1];
  }
  std::size_t size() const { return texts_.size(); }
  void Clear();

 private:
  // FNV-1a: short strings, no seed needed; the standard hash costs more than the lookup it serves.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept;
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> codes_;
  std::vector<const std::string*> texts_;  // code - 1 -> the map's key (node-based: stable)
};

}  // namespace creditlens::sqlite
