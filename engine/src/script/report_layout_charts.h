// The chart blocks of a layout (cl.bar, cl.hbar, cl.line, cl.area, cl.pie, cl.donut) turned into
// document charts: the dataset's numbers, its unit, and for the charts of series their reference
// lines (`line =`, `lines = {...}`) and notes (`notes = {{ at =, text = }}`), checked field by field.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "query/usage_query.h"
#include "render/document.h"

namespace creditlens::script {

// `type` is the block's type ("bar", "line", ...); `where` names the block in errors ("layout[3]").
// Throws std::invalid_argument naming the field, e.g. "layout[3].notes[1].at: no bucket '2026-13-01'
// (buckets run 2026-10-24 .. 2026-11-22)".
render::Block ChartBlock(const std::string& type, const boost::json::object& block, const query::Dataset& d,
                         const std::string& where);

}  // namespace creditlens::script
