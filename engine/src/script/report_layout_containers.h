// The layout blocks that hold other blocks: cl.section (a heading over its blocks, optionally on a
// new page) and cl.grid (blocks side by side in equal-width cells). The blocks inside are built by
// the caller's BlockAppender, so containers nest; errors name a block inside by its place in the
// container's list: "layout[3][2]".
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <vector>

#include "render/document.h"

namespace creditlens::script {

// Appends what one layout block makes (no block, one, or several) to `blocks`; `where` names it.
using BlockAppender = std::function<void(const boost::json::value& block, const std::string& where,
                                         std::vector<render::Block>& blocks)>;

// cl.section { title =, new_page =, ...blocks }: a page break when new_page is true, the title as a
// heading of `level` (none without a title), then the blocks.
void AppendSection(const boost::json::object& section, const std::string& where, int level,
                   const BlockAppender& append, std::vector<render::Block>& blocks);

// cl.grid { columns =, ...blocks }: each block one cell. A cell must be one block that draws (not a
// section with a title, cl.page, cl.theme or cl.subtitle). Throws std::invalid_argument.
render::Grid BuildGrid(const boost::json::object& grid, const std::string& where,
                       const BlockAppender& append);

}  // namespace creditlens::script
