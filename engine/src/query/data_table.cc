// Exact text of table cells: micro-credits and cents print as decimals without rounding.
#include "query/data_table.h"

#include <cstdio>

#include "creditlens/credits.h"

namespace creditlens::query {

const char* ToString(CellType type) {
  switch (type) {
    case CellType::kCredits:
      return "credits";
    case CellType::kMoney:
      return "money";
    case CellType::kCount:
      return "count";
    case CellType::kDate:
      return "date";
    case CellType::kText:
      break;
  }
  return "text";
}

std::string ExactText(const Cell& cell, CellType type) {
  switch (type) {
    case CellType::kCredits:
      return FormatMicroCredits(cell.value);
    case CellType::kMoney: {
      const std::int64_t cents = cell.value < 0 ? -cell.value : cell.value;
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", cell.value < 0 ? "-" : "",
                    static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
      return buffer;
    }
    case CellType::kCount:
      return std::to_string(cell.value);
    case CellType::kText:
    case CellType::kDate:
      break;
  }
  return cell.text;
}

}  // namespace creditlens::query
