#include "render/page_size.h"

#include <algorithm>
#include <cctype>

namespace creditlens::render {
namespace {

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::optional<PageSize> NamedPageSize(std::string_view name) {
  if (SameIgnoringCase(name, "A4")) return PageSize{595, 842};
  if (SameIgnoringCase(name, "Letter")) return PageSize{612, 792};
  return std::nullopt;
}

}  // namespace creditlens::render
