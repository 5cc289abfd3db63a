#include "text_table.h"

#include <algorithm>
#include <cstdio>

namespace creditlens::cli {

void PrintColumns(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c + 1 < row.size()) {
        std::printf("%-*s  ", static_cast<int>(widths[c]), row[c].c_str());
      } else {
        std::printf("%s\n", row[c].c_str());
      }
    }
  }
}

}  // namespace creditlens::cli
