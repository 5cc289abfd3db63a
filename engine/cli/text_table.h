// Aligned columns for a person at a terminal.
#pragma once

#include <string>
#include <vector>

namespace creditlens::cli {

// Prints rows of cells (the first row is the header) to stdout, each column padded to its widest
// cell; the last column is not padded.
void PrintColumns(const std::vector<std::vector<std::string>>& rows);

}  // namespace creditlens::cli
