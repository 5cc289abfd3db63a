// The layout stage of a report run: the blocks the report's layout returned (kpis, charts, tables,
// headings, text, sections and grids, and the page and theme settings) turned into the document to
// draw, with the exact numbers behind the KPIs.
#pragma once

#include <boost/json/value.hpp>
#include <filesystem>
#include <vector>

#include "script/report_runner.h"

namespace creditlens::script {

// Appends the blocks to out.document and the KPI tiles to out.kpis; datasets and tables are looked
// up by name in out; files a block names (a theme's logo) are looked up in `asset_path`, the script
// search path. Throws std::invalid_argument naming "layout[N]" for a block it cannot draw.
void BuildDocument(const boost::json::value& layout, const std::vector<std::filesystem::path>& asset_path,
                   ReportOutput& out);

}  // namespace creditlens::script
