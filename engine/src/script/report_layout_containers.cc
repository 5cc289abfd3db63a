#include "script/report_layout_containers.h"

#include <boost/json.hpp>
#include <cmath>
#include <stdexcept>

#include "script/json_fields.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

constexpr int kMaxColumns = 6;

// The container's blocks: the list under "blocks" (Lua's positional elements), each with its name.
void ForEachChild(const json::object& container, const std::string& where,
                  const std::function<void(const json::value&, const std::string&)>& visit) {
  const json::value* children = container.if_contains("blocks");
  if (children == nullptr) return;
  if (!children->is_array()) throw std::invalid_argument(where + ": expected a list of blocks");
  const json::array& list = children->as_array();
  for (std::size_t i = 0; i < list.size(); ++i) visit(list[i], where + "[" + std::to_string(i + 1) + "]");
}

int ReadColumns(const json::object& grid, const std::string& where) {
  const json::value* value = grid.if_contains("columns");
  if (value == nullptr) return 2;
  const double columns = value->is_number() ? value->to_number<double>() : 0;
  if (columns < 1 || columns > kMaxColumns || std::floor(columns) != columns) {
    throw std::invalid_argument(where + ".columns: expected a whole number from 1 to " +
                                std::to_string(kMaxColumns));
  }
  return static_cast<int>(columns);
}

}  // namespace

void AppendSection(const json::object& section, const std::string& where, int level,
                   const BlockAppender& append, std::vector<render::Block>& blocks) {
  if (const auto* new_page = section.if_contains("new_page");
      new_page && new_page->is_bool() && new_page->as_bool()) {
    blocks.push_back(render::PageBreak{});
  }
  if (const std::string title = StringField(section, "title"); !title.empty()) {
    blocks.push_back(render::Heading{title, level});
  }
  ForEachChild(section, where, [&](const json::value& child, const std::string& child_where) {
    append(child, child_where, blocks);
  });
}

render::Grid BuildGrid(const json::object& grid, const std::string& where, const BlockAppender& append) {
  render::Grid built;
  built.columns = ReadColumns(grid, where);
  ForEachChild(grid, where, [&](const json::value& child, const std::string& child_where) {
    std::vector<render::Block> made;
    append(child, child_where, made);
    if (made.size() != 1 || std::holds_alternative<render::PageBreak>(made.front())) {
      throw std::invalid_argument(
          child_where +
          ": a grid cell must be one block that draws (cl.bar, cl.pie, cl.kpis, cl.text, "
          "...), not cl.section, cl.page, cl.theme or cl.subtitle");
    }
    built.cells.push_back(std::move(made.front()));
  });
  return built;
}

}  // namespace creditlens::script
