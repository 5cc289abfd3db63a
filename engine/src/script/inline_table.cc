#include "script/inline_table.h"

#include <boost/json.hpp>
#include <cmath>
#include <stdexcept>

#include "creditlens/credits.h"
#include "script/json_fields.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

query::CellType ParseType(const std::string& type, const std::string& where) {
  if (type.empty() || type == "text") return query::CellType::kText;
  if (type == "credits") return query::CellType::kCredits;
  if (type == "money") return query::CellType::kMoney;
  if (type == "count") return query::CellType::kCount;
  if (type == "date") return query::CellType::kDate;
  throw std::invalid_argument(where + ": unknown column type '" + type +
                              "' (accepted: text, credits, money, count, date)");
}

// An amount from Lua, a number or an exact decimal text, in units of 1/scale.
std::int64_t Scaled(const json::value& v, double scale, const std::string& where) {
  if (v.is_int64()) return v.as_int64() * static_cast<std::int64_t>(scale);
  if (v.is_double() && std::isfinite(v.as_double())) return std::llround(v.as_double() * scale);
  if (v.is_string()) {
    if (const auto micros = ParseMicroCredits(std::string(v.as_string()))) {
      return static_cast<std::int64_t>(std::llround(static_cast<double>(*micros) * scale / 1e6));
    }
  }
  throw std::invalid_argument(where + ": expected a number");
}

query::Cell ReadCell(const json::value& v, query::CellType type, const std::string& where) {
  if (v.is_null()) return {};
  switch (type) {
    case query::CellType::kCredits:
      return {{}, Scaled(v, 1e6, where)};
    case query::CellType::kMoney:
      return {{}, Scaled(v, 100, where)};
    case query::CellType::kCount:
      return {{}, Scaled(v, 1, where)};
    case query::CellType::kText:
    case query::CellType::kDate:
      break;
  }
  return {v.is_string() ? std::string(v.as_string()) : json::serialize(v), 0};
}

}  // namespace

query::DataTable InlineTable(const json::object& block, const std::string& where) {
  query::DataTable table{"", "inline", {}, {}};
  const json::value* columns = block.if_contains("columns");
  if (!columns || !columns->is_array() || columns->as_array().empty()) {
    throw std::invalid_argument(where +
                                ".columns: expected a list of column names or { name = ..., type = ... }");
  }
  for (const json::value& c : columns->as_array()) {
    const std::string at = where + ".columns[" + std::to_string(table.columns.size() + 1) + "]";
    if (c.is_string()) {
      table.columns.push_back({std::string(c.as_string()), query::CellType::kText});
    } else if (c.is_object() && !StringField(c.as_object(), "name").empty()) {
      table.columns.push_back(
          {StringField(c.as_object(), "name"), ParseType(StringField(c.as_object(), "type"), at)});
    } else {
      throw std::invalid_argument(at + ": expected a name or { name = ..., type = ... }");
    }
  }
  const json::value* rows = block.if_contains("rows");
  if (!rows || !rows->is_array()) throw std::invalid_argument(where + ".rows: expected a list of rows");
  for (const json::value& row : rows->as_array()) {
    const std::string at = where + ".rows[" + std::to_string(table.rows.size() + 1) + "]";
    auto& cells = table.rows.emplace_back();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string& name = table.columns[c].name;
      const json::value* value = nullptr;
      if (row.is_object()) {
        value = row.as_object().if_contains(name);
      } else if (row.is_array()) {
        value = c < row.as_array().size() ? &row.as_array()[c] : nullptr;
      } else {
        throw std::invalid_argument(at + ": expected { column = value, ... } or a list of values");
      }
      cells.push_back(value ? ReadCell(*value, table.columns[c].type, at + "." + name) : query::Cell{});
    }
  }
  return table;
}

}  // namespace creditlens::script
