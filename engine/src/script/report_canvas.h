// The cl.canvas block: the drawing a report's Lua code recorded, read from the layout's JSON into a
// render::CanvasBlock. Every operation is checked (a known op, finite coordinates, #rrggbb colours,
// options in range, each restore after its save) and errors name the block, the op and its kind:
// "layout[4].ops[17] (fill): color '#12345' is not #rrggbb".
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "render/canvas_block.h"

namespace creditlens::script {

// `where` names the block in errors ("layout[4]"). Throws std::invalid_argument.
render::CanvasBlock ReadCanvasBlock(const boost::json::object& block, const std::string& where);

}  // namespace creditlens::script
