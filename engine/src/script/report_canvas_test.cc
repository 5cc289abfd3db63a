// Tests of reading a cl.canvas block from the layout's JSON: every op kind and its defaults, and the
// errors that name the block, the op and the field.
#include "script/report_canvas.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>
#include <string>
#include <variant>

namespace creditlens::script {
namespace {

namespace json = boost::json;
namespace op = render::canvas_op;

render::CanvasBlock Read(const std::string& text) {
  return ReadCanvasBlock(json::parse(text).as_object(), "layout[4]");
}

// A canvas block of 200 x 100 with the given ops (a JSON list).
std::string Block(const std::string& ops) {
  return R"({"type":"canvas","width":200,"height":100,"title":"T","ops":)" + ops + "}";
}

std::string ErrorOf(const std::string& text) {
  try {
    Read(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReportCanvasTest, ReadsSizeTitleAndEveryOp) {
  const render::CanvasBlock block = Read(Block(R"([
    {"op":"move_to","x":1,"y":2},
    {"op":"line_to","x":3.5,"y":-4},
    {"op":"curve_to","x1":1,"y1":2,"x2":3,"y2":4,"x3":5,"y3":6},
    {"op":"arc","x":50,"y":60,"radius":10,"from":0,"to":270,"ccw":true},
    {"op":"rect","x":1,"y":2,"width":30,"height":-4},
    {"op":"close_path"},
    {"op":"fill","color":"#ff8000","alpha":0.5,"keep":true},
    {"op":"stroke","color":"#0000FF","width":2.5,"dash":[4,3]},
    {"op":"text","x":10,"y":20,"text":"Mon","size":8,"bold":true,"color":"#666666","align":"right",
     "valign":"middle","rotate":-45},
    {"op":"save"},{"op":"clip"},{"op":"restore"}
  ])"));
  EXPECT_EQ(block.title, "T");
  EXPECT_EQ(block.width, 200);
  EXPECT_EQ(block.height, 100);
  ASSERT_EQ(block.ops.size(), 12u);

  const auto& line = std::get<op::LineTo>(block.ops[1]);
  EXPECT_EQ(line.x, 3.5);
  EXPECT_EQ(line.y, -4);
  EXPECT_EQ(std::get<op::CurveTo>(block.ops[2]).y3, 6);
  const auto& arc = std::get<op::Arc>(block.ops[3]);
  EXPECT_EQ(arc.radius, 10);
  EXPECT_EQ(arc.to, 270);
  EXPECT_TRUE(arc.counter_clockwise);
  EXPECT_EQ(std::get<op::Rect>(block.ops[4]).height, -4);
  EXPECT_TRUE(std::holds_alternative<op::ClosePath>(block.ops[5]));

  const auto& fill = std::get<op::Fill>(block.ops[6]);
  ASSERT_TRUE(fill.color.has_value());
  EXPECT_EQ(fill.color->r, 1.0);
  EXPECT_EQ(fill.color->g, 128 / 255.0);
  EXPECT_EQ(fill.color->b, 0.0);
  EXPECT_EQ(fill.alpha, 0.5);
  EXPECT_TRUE(fill.keep);

  const auto& stroke = std::get<op::Stroke>(block.ops[7]);
  EXPECT_EQ(stroke.color->b, 1.0);
  EXPECT_EQ(stroke.width, 2.5);
  EXPECT_EQ(stroke.dash, (std::vector<double>{4, 3}));
  EXPECT_FALSE(stroke.keep);

  const auto& text = std::get<op::Text>(block.ops[8]);
  EXPECT_EQ(text.text, "Mon");
  EXPECT_EQ(text.size, 8);
  EXPECT_TRUE(text.bold);
  EXPECT_EQ(text.color->r, 0x66 / 255.0);
  EXPECT_EQ(text.align, op::Align::kRight);
  EXPECT_EQ(text.vertical_align, op::VerticalAlign::kMiddle);
  EXPECT_EQ(text.rotate, -45);

  EXPECT_TRUE(std::holds_alternative<op::Save>(block.ops[9]));
  EXPECT_TRUE(std::holds_alternative<op::Clip>(block.ops[10]));
  EXPECT_TRUE(std::holds_alternative<op::Restore>(block.ops[11]));
}

TEST(ReportCanvasTest, OptionsLeftOutTakeTheirDefaults) {
  const render::CanvasBlock block = Read(
      R"({"width":10,"height":20,"ops":[{"op":"fill"},{"op":"stroke"},{"op":"text","x":0,"y":0,"text":""},
         {"op":"arc","x":0,"y":0,"radius":1,"from":0,"to":90}]})");
  EXPECT_EQ(block.title, "");
  const auto& fill = std::get<op::Fill>(block.ops[0]);
  EXPECT_FALSE(fill.color.has_value()) << "the theme's text colour";
  EXPECT_EQ(fill.alpha, 1);
  EXPECT_FALSE(fill.keep);
  const auto& stroke = std::get<op::Stroke>(block.ops[1]);
  EXPECT_EQ(stroke.width, 1);
  EXPECT_TRUE(stroke.dash.empty());
  const auto& text = std::get<op::Text>(block.ops[2]);
  EXPECT_FALSE(text.size.has_value());
  EXPECT_FALSE(text.color.has_value());
  EXPECT_EQ(text.align, op::Align::kLeft);
  EXPECT_EQ(text.vertical_align, op::VerticalAlign::kBaseline);
  EXPECT_EQ(text.rotate, 0);
  EXPECT_FALSE(std::get<op::Arc>(block.ops[3]).counter_clockwise);
}

TEST(ReportCanvasTest, ErrorsNameTheOpItsKindAndTheField) {
  // Ops before the bad one are fine: the index counts from 1 like Lua's.
  std::string ops = "[";
  for (int i = 0; i < 16; ++i) ops += R"({"op":"close_path"},)";
  EXPECT_EQ(ErrorOf(Block(ops + R"({"op":"fill","color":"#12345"}])")),
            "layout[4].ops[17] (fill): color '#12345' is not #rrggbb");

  EXPECT_EQ(ErrorOf(Block(R"([{"op":"line_to","x":1}])")),
            "layout[4].ops[1] (line_to): y is missing (a number)");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"move_to","x":"1","y":2}])")),
            "layout[4].ops[1] (move_to): x must be a number, not \"1\"");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"rect","x":0,"y":0,"width":2e6,"height":1}])")),
            "layout[4].ops[1] (rect): width must be a finite number between -1e+06 and 1e+06, not 2e+06");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"arc","x":0,"y":0,"radius":-1,"from":0,"to":1}])")),
            "layout[4].ops[1] (arc): radius must be a finite number between 0 and 1e+06, not -1");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"fill","alpha":1.5}])")),
            "layout[4].ops[1] (fill): alpha must be a finite number between 0 and 1, not 1.5");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"fill","color":3}])")),
            "layout[4].ops[1] (fill): color must be text, not 3");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"stroke","keep":"yes"}])")),
            "layout[4].ops[1] (stroke): keep must be true or false, not \"yes\"");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"stroke","dash":[0,0]}])")),
            "layout[4].ops[1] (stroke): dash lengths must not all be 0");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"stroke","dash":[1,-1]}])")),
            "layout[4].ops[1] (stroke): dash must be a finite number between 0 and 1e+06, not -1");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"stroke","dash":4}])")),
            "layout[4].ops[1] (stroke): dash must be a list of at most 16 lengths");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"text","x":0,"y":0}])")), "layout[4].ops[1] (text): text is missing");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"text","x":0,"y":0,"text":"a","align":"justify"}])")),
            "layout[4].ops[1] (text): align 'justify' is not one of left, center, right");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"text","x":0,"y":0,"text":"a","size":0}])")),
            "layout[4].ops[1] (text): size must be a finite number between 0.5 and 200, not 0");
}

TEST(ReportCanvasTest, OpsMustBeKnownTablesAndRestoresMatchSaves) {
  EXPECT_EQ(
      ErrorOf(Block(R"([{"op":"paint"}])")),
      "layout[4].ops[1]: unknown op 'paint' (accepted: move_to, line_to, curve_to, arc, rect, close_path, "
      "fill, stroke, text, save, restore, clip)");
  EXPECT_EQ(ErrorOf(Block("[3]")), "layout[4].ops[1]: expected a drawing operation { op = ... }, not 3");
  EXPECT_EQ(ErrorOf(Block(R"([{"x":1}])")),
            "layout[4].ops[1]: expected a drawing operation { op = ... } with op naming it");
  EXPECT_EQ(ErrorOf(Block(R"([{"op":"save"},{"op":"restore"},{"op":"restore"}])")),
            "layout[4].ops[3] (restore): restore without a matching save");
  // Saves left open are fine: the painter closes them.
  EXPECT_EQ(Read(Block(R"([{"op":"save"},{"op":"save"},{"op":"restore"}])")).ops.size(), 3u);
}

TEST(ReportCanvasTest, TheBlockNeedsASizeAndAListOfOps) {
  EXPECT_EQ(ErrorOf(R"({"height":10,"ops":[]})"), "layout[4] (canvas): width is missing (a number)");
  EXPECT_EQ(ErrorOf(R"({"width":0,"height":10,"ops":[]})"),
            "layout[4] (canvas): width must be a finite number between 1 and 10000, not 0");
  EXPECT_EQ(ErrorOf(R"({"width":10,"height":20000,"ops":[]})"),
            "layout[4] (canvas): height must be a finite number between 1 and 10000, not 20000");
  EXPECT_EQ(ErrorOf(R"({"width":10,"height":10})"),
            "layout[4] (canvas): ops must be a list of drawing operations");
  EXPECT_EQ(ErrorOf(R"({"width":10,"height":10,"ops":[],"title":false})"),
            "layout[4] (canvas): title must be text, not false");
  EXPECT_TRUE(Read(R"({"width":10,"height":10,"ops":[]})").ops.empty());
}

TEST(ReportCanvasTest, ACanvasHoldsAtMostTheCapOfOps) {
  json::object block{{"width", 10}, {"height", 10}};
  json::array ops(render::kMaxCanvasOps, json::object{{"op", "close_path"}});
  block["ops"] = ops;
  EXPECT_EQ(ReadCanvasBlock(block, "layout[1]").ops.size(), render::kMaxCanvasOps);

  ops.push_back(json::object{{"op", "close_path"}});
  block["ops"] = std::move(ops);
  try {
    ReadCanvasBlock(block, "layout[1]");
    FAIL() << "one op over the cap was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "layout[1] (canvas): " + std::to_string(render::kMaxCanvasOps + 1) +
                                         " drawing operations, more than the " +
                                         std::to_string(render::kMaxCanvasOps) + " a canvas may hold");
  }
}

}  // namespace
}  // namespace creditlens::script
