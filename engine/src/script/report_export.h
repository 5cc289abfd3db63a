// The numbers behind a report, exactly: every dataset and KPI by name, as JSON or CSV
// (docs/formats.md#exports).
#pragma once

#include <string>

#include "script/report_runner.h"

namespace creditlens::script {

std::string ExportJson(const ReportOutput& report);
// Long form: section,name,bucket,key,label,value,unit,events, one row per value; a table cell is
// table,<table>,<row number>,<column>,,<value>,<type>,.
std::string ExportCsv(const ReportOutput& report);

}  // namespace creditlens::script
