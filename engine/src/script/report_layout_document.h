// The layout blocks that set a property of the whole document rather than draw: cl.page (paper size
// and orientation) and cl.theme (series palette, text and accent colours, font family, logo). Each
// field is checked; an error names the block and the field and lists what is accepted.
#pragma once

#include <boost/json/object.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "render/document.h"

namespace creditlens::script {

// cl.page { size = "A4" | "Letter", orientation = "portrait" | "landscape" }. `where` names the block
// in errors ("layout[1]"). Throws std::invalid_argument.
void ApplyPage(const boost::json::object& block, const std::string& where, render::Document& doc);

// cl.theme { colors = {...}, text =, accent =, font =, logo = }: only the fields given change. The
// logo is looked up in `asset_path` (see asset_path.h) and must be a PNG file. Throws
// std::invalid_argument.
void ApplyTheme(const boost::json::object& block, const std::string& where,
                const std::vector<std::filesystem::path>& asset_path, render::Document& doc);

}  // namespace creditlens::script
