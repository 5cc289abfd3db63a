// A table a report's data request produced (ledger entries, invoice lines, grants, alerts): typed
// columns so that exports stay exact and layouts format each cell the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace creditlens::query {

enum class CellType {
  kText,     // as is
  kCredits,  // micro-credits
  kMoney,    // cents
  kCount,    // a whole number
  kDate,     // text, YYYY-MM-DD
};

struct TableColumn {
  std::string name;  // snake_case, as exported
  CellType type = CellType::kText;
};

struct Cell {
  std::string text;        // kText and kDate
  std::int64_t value = 0;  // the other types
};

struct DataTable {
  std::string name;  // the report's name for it
  std::string kind;  // the request kind: "credits", "ledger", "invoice", ...
  std::vector<TableColumn> columns;
  std::vector<std::vector<Cell>> rows;
};

const char* ToString(CellType type);  // "text", "credits", "money", "count", "date"

// The cell as an exact decimal or the text: "12.5" credits, "3.07" dollars, "42", "2026-11-01".
std::string ExactText(const Cell& cell, CellType type);

}  // namespace creditlens::query
