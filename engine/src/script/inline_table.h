// Tables a layout computes itself: `cl.table { columns = { "folder", { name = "credits", type =
// "credits" } }, rows = { { folder = "/prod", credits = 12.5 }, ... } }`, for views the requests do
// not give directly (an indented folder tree, features within one category).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "query/data_table.h"

namespace creditlens::script {

// Throws std::invalid_argument naming where, the row and the column for anything it cannot read.
query::DataTable InlineTable(const boost::json::object& block, const std::string& where);

}  // namespace creditlens::script
