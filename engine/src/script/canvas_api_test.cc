// Tests of the Lua side of custom charts (scripts/creditlens/canvas.lua and scale.lua), run in the
// report sandbox against the real scripts/ library: what a canvas records (and that the engine reads
// it back), errors that point at the report's line, and the scales' numbers against formulas
// computed here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "script/report_canvas.h"
#include "script/sandbox.h"
#include "support/temp_dir.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

// The lines before the body in every test chunk: an error on the body's first line is at line 5.
constexpr int kFirstBodyLine = 5;
constexpr char kPrefix[] =
    "local cl = require 'creditlens'\n"
    "local json = require 'creditlens.json'\n"
    "local layout_page = require 'creditlens.layout_page'\n"
    "local function body()\n";

class CanvasApiTest : public ::testing::Test {
 protected:
  // Runs `body` (Lua with cl, json and layout_page in scope) and returns what it returns, through JSON.
  json::value Run(std::string_view body) {
    Sandbox sandbox({}, {CREDITLENS_SCRIPTS_DIR, dir_.path()});
    lua_State* L = sandbox.state();
    sandbox.RunFile(Chunk(body), 1);
    const std::string text = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
    lua_pop(L, 1);
    return json::parse(text);
  }

  // Runs `body`, expecting it to fail; returns the error message.
  std::string Error(std::string_view body) {
    Sandbox sandbox({}, {CREDITLENS_SCRIPTS_DIR, dir_.path()});
    try {
      sandbox.RunFile(Chunk(body), 1);
    } catch (const ScriptError& e) {
      return e.what();
    }
    return "(no error)";
  }

  // Where an error on the body's first line points: "<dir>/t.lua:5: ".
  std::string At() const { return (dir_ / "t.lua").string() + ":" + std::to_string(kFirstBodyLine) + ": "; }

 private:
  std::filesystem::path Chunk(std::string_view body) {
    return dir_.Write("t.lua",
                      std::string(kPrefix) + std::string(body) + "\nend\nreturn json.encode(body())\n");
  }

  creditlens::testing::TempDir dir_;
};

double Number(const json::value& v) { return v.to_number<double>(); }
std::string Text(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

// --- cl.canvas ----------------------------------------------------------------------------------

TEST_F(CanvasApiTest, ACanvasRecordsItsOpsAndIsTheBlock) {
  const json::value block = Run(R"(
    local c = cl.canvas { width = 120, height = 60, title = "T" }
    c:move_to(1, 2):line_to(3, 4):close_path()
    c:rect(0, 0, 10, 10)
    c:fill { color = "#ff0000", alpha = 0.5 }
    c:arc(5, 5, 4, 0, 90, true)
    c:stroke { width = 2, dash = { 4, 3 } }
    c:rect(1, 1, 2, 2)
    c:fill_stroke({ color = "#00ff00" }, { color = "#0000ff" })
    c:save(); c:rect(0, 0, 5, 5); c:clip(); c:restore()
    c:text(10, 20, 42, { align = "center", valign = "top", rotate = -90, size = 8, bold = true })
    assert(c:block() == c)
    return c)");
  EXPECT_EQ(Text(block.at("type")), "canvas");
  EXPECT_EQ(Number(block.at("width")), 120);
  EXPECT_EQ(Number(block.at("height")), 60);
  EXPECT_EQ(Text(block.at("title")), "T");
  const json::array& ops = block.at("ops").as_array();
  ASSERT_EQ(ops.size(), 15u);
  EXPECT_EQ(ops[0], (json::value{{"op", "move_to"}, {"x", 1}, {"y", 2}}));
  EXPECT_EQ(ops[4], (json::value{{"op", "fill"}, {"color", "#ff0000"}, {"alpha", 0.5}}));
  EXPECT_EQ(ops[5],
            (json::value{
                {"op", "arc"}, {"x", 5}, {"y", 5}, {"radius", 4}, {"from", 0}, {"to", 90}, {"ccw", true}}));
  EXPECT_EQ(ops[6], (json::value{{"op", "stroke"}, {"width", 2}, {"dash", {4, 3}}}));
  EXPECT_EQ(ops[8], (json::value{{"op", "fill"}, {"color", "#00ff00"}, {"keep", true}}));
  EXPECT_EQ(ops[9], (json::value{{"op", "stroke"}, {"color", "#0000ff"}}));
  EXPECT_EQ(ops[14], (json::value{{"op", "text"},
                                  {"x", 10},
                                  {"y", 20},
                                  {"text", "42"},
                                  {"align", "center"},
                                  {"valign", "top"},
                                  {"rotate", -90},
                                  {"size", 8},
                                  {"bold", true}}));

  // What Lua records, the engine reads.
  const render::CanvasBlock read = ReadCanvasBlock(block.as_object(), "layout[1]");
  ASSERT_EQ(read.ops.size(), ops.size());
  EXPECT_TRUE(std::holds_alternative<render::canvas_op::Arc>(read.ops[5]));
  EXPECT_EQ(std::get<render::canvas_op::Text>(read.ops[14]).text, "42");
}

TEST_F(CanvasApiTest, TheWidthDefaultsToThePageContentWidth) {
  const json::value sizes = Run(R"(
    layout_page.content_width = 480
    return { cl.canvas().width, cl.canvas { width = "full" }.width, cl.canvas().height })");
  EXPECT_EQ(sizes, (json::value{480, 480, 200}));
  EXPECT_THAT(
      Error("cl.canvas { height = 10 }"),
      HasSubstr(At() + "cl.canvas: the page's width is known only while layout runs; give width = <points>"));
}

TEST_F(CanvasApiTest, BadArgumentsFailAtTheCallersLine) {
  const std::string canvas = "local c = cl.canvas { width = 10, height = 10 }; ";
  const std::pair<std::string, std::string> cases[] = {
      {canvas + "c:fill { color = 'red' }", "canvas:fill: color must be a colour #rrggbb, got 'red'"},
      {canvas + "c:line_to(1, nil)", "canvas:line_to: y must be a finite number, got nil"},
      {canvas + "c:rect(0, 0, math.huge, 1)", "canvas:rect: width must be a finite number, got inf"},
      {canvas + "c.line_to(1, 2)", "canvas:line_to must be called with a colon: c:line_to(...)"},
      {canvas + "c:stroke { colour = '#000000' }",
       "canvas:stroke: unknown option 'colour' (accepted: alpha, color, dash, keep, width)"},
      {canvas + "c:stroke { dash = { 0, 0 } }", "canvas:stroke: dash must be"},
      {canvas + "c:text(0, 0, 'x', { align = 'justify' })",
       "canvas:text: align must be one of left, center, right, got 'justify'"},
      {canvas + "c:text(0, 0, {})", "canvas:text: text must be a string, got a table"},
      {canvas + "c:arc(0, 0, -1, 0, 90)", "canvas:arc: radius must be >= 0, got -1"},
      {canvas + "c:save(); c:restore(); c:restore()", "canvas:restore without a matching canvas:save"},
      {"cl.canvas { width = 0, height = 10 }",
       "cl.canvas: width must be \"full\" or a number from 1 to 10000, got 0"},
      {"cl.canvas { width = 10, height = 'tall' }",
       "cl.canvas: height must be a number from 1 to 10000, got 'tall'"},
  };
  for (const auto& [code, message] : cases) EXPECT_THAT(Error(code), HasSubstr(At() + message)) << code;
}

// --- cl.scale.linear ------------------------------------------------------------------------------

TEST_F(CanvasApiTest, ALinearScaleMapsAndInverts) {
  const json::value v = Run(R"(
    local s = cl.scale.linear { domain = { 10, 110 }, range = { 0, 300 } }
    local down = cl.scale.linear { domain = { 0, 4 }, range = { 200, 0 } }
    local flat = cl.scale.linear { domain = { 5, 5 }, range = { 0, 100 } }
    return { s(10), s(60), s(-40), s:invert(150), down(1), down:invert(50), flat(123) })");
  // y = r0 + (x - d0) * (r1 - r0) / (d1 - d0)
  EXPECT_EQ(Number(v.at(0)), 0);
  EXPECT_EQ(Number(v.at(1)), (60 - 10) * 300.0 / 100);
  EXPECT_EQ(Number(v.at(2)), (-40 - 10) * 300.0 / 100);
  EXPECT_EQ(Number(v.at(3)), 10 + 150 * 100.0 / 300);
  EXPECT_EQ(Number(v.at(4)), 200 + 1 * -200.0 / 4);
  EXPECT_EQ(Number(v.at(5)), 0 + (50 - 200) * 4.0 / -200);
  EXPECT_EQ(Number(v.at(6)), 50) << "a one-value domain maps to the middle of the range";
}

TEST_F(CanvasApiTest, TicksAreRoundAndPrintable) {
  const json::value v = Run(R"(
    local function texts(ticks)
      local out = {}
      for i, t in ipairs(ticks) do out[i] = tostring(t) end
      return table.concat(out, " ")
    end
    return {
      texts(cl.scale.linear { domain = { 0, 100 }, range = { 0, 1 } }:ticks(5)),
      texts(cl.scale.linear { domain = { 0, 1 }, range = { 0, 1 } }:ticks(5)),
      texts(cl.scale.linear { domain = { 0.3, 0.7 }, range = { 0, 1 } }:ticks(4)),
      texts(cl.scale.linear { domain = { 100, 0 }, range = { 0, 1 } }:ticks(2)),
      texts(cl.scale.linear { domain = { -7, 1234 }, range = { 0, 1 } }:ticks(3)),
      texts(cl.scale.linear { domain = { 3, 3 }, range = { 0, 1 } }:ticks(5)),
    })");
  EXPECT_EQ(Text(v.at(0)), "0 20 40 60 80 100");
  EXPECT_EQ(Text(v.at(1)), "0 0.2 0.4 0.6 0.8 1")
      << "whole ticks print without .0, others without rounding noise";
  EXPECT_EQ(Text(v.at(2)), "0.3 0.4 0.5 0.6 0.7");
  EXPECT_EQ(Text(v.at(3)), "100 50 0") << "in the domain's direction";
  EXPECT_EQ(Text(v.at(4)), "0 500 1000");
  EXPECT_EQ(Text(v.at(5)), "3");
}

TEST_F(CanvasApiTest, TicksOfAnyDomainAreEvenMultiplesOfOneTwoOrFiveTimesAPowerOfTen) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(-4, 7);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::string cases = "return {";
  struct Case {
    double low, high;
    int count;
  };
  std::vector<Case> expected;
  for (int i = 0; i < 200; ++i) {
    const double scale = std::pow(10, exponent(random));
    double a = unit(random) * scale, b = unit(random) * scale;
    if (a > b) std::swap(a, b);
    const int count = 1 + static_cast<int>(random() % 12);
    expected.push_back({a, b, count});
    char line[160];
    std::snprintf(line, sizeof line,
                  "cl.scale.linear { domain = { %.17g, %.17g }, range = { 0, 1 } }:ticks(%d),\n", a, b,
                  count);
    cases += line;
  }
  const json::value all = Run(cases + "}");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto [low, high, count] = expected[i];
    SCOPED_TRACE(::testing::Message() << "domain " << low << " .. " << high << ", " << count << " ticks");
    const json::array& ticks = all.at(i).as_array();
    for (const json::value& tick : ticks) {
      EXPECT_GE(Number(tick), low);
      EXPECT_LE(Number(tick), high);
    }
    if (ticks.size() >= 2) {
      const double step = Number(ticks[1]) - Number(ticks[0]);
      const double mantissa = step / std::pow(10, std::floor(std::log10(step) + 1e-9));
      EXPECT_TRUE(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 ||
                  std::abs(mantissa - 5) < 1e-6)
          << "step " << step;
      for (std::size_t k = 0; k < ticks.size(); ++k) {
        const double tick = Number(ticks[k]);
        EXPECT_NEAR(tick / step, std::round(tick / step), 1e-6) << "a whole multiple of the step";
        if (k > 0) {
          EXPECT_NEAR(tick - Number(ticks[k - 1]), step, step * 1e-6);
        }
      }
      EXPECT_LT(Number(ticks.front()) - step, low) << "no tick missing at the low end";
      EXPECT_GT(Number(ticks.back()) + step, high) << "nor at the high end";
    }
    // The step is within a factor of 1.6 of span / count, so the tick count is near `count`.
    EXPECT_GE(static_cast<double>(ticks.size()), count / 1.6 - 1);
    EXPECT_LE(static_cast<double>(ticks.size()), count * 1.6 + 1);
  }
}

// --- cl.scale.band --------------------------------------------------------------------------------

TEST_F(CanvasApiTest, BandsShareTheRangeEvenly) {
  const json::value v = Run(R"(
    local s = cl.scale.band { domain = { "a", "b", "c" }, range = { 0, 300 }, padding = 0.1 }
    local up = cl.scale.band { domain = { "a", "b", "c" }, range = { 300, 0 }, padding = 0.1 }
    local tight = cl.scale.band { domain = { 1, 2, 3, 4 }, range = { 10, 50 } }
    return { s("a"), s("b"), s("c"), s:bandwidth(), s:step(), up("a"), up("c"), tight(1), tight(4), tight:bandwidth() })");
  // n bands and n - 1 inner gaps, plus half a gap at each end: n + padding steps.
  const double step = 300 / (3 + 0.1);
  const double first = (300 - step * (3 - 0.1)) / 2;
  EXPECT_NEAR(Number(v.at(0)), first, 1e-9);
  EXPECT_NEAR(Number(v.at(1)), first + step, 1e-9);
  EXPECT_NEAR(Number(v.at(2)), first + 2 * step, 1e-9);
  EXPECT_NEAR(Number(v.at(3)), step * 0.9, 1e-9);
  EXPECT_NEAR(Number(v.at(4)), step, 1e-9);
  EXPECT_NEAR(Number(v.at(5)), first + 2 * step, 1e-9) << "a high-to-low range puts the first value high";
  EXPECT_NEAR(Number(v.at(6)), first, 1e-9);
  EXPECT_EQ(Number(v.at(7)), 10);
  EXPECT_EQ(Number(v.at(8)), 40);
  EXPECT_EQ(Number(v.at(9)), 10);
  EXPECT_THAT(Error("cl.scale.band { domain = { 'a' }, range = { 0, 1 } }('z')"),
              HasSubstr(At() + "band scale: 'z' is not in the domain"));
  EXPECT_THAT(Error("cl.scale.band { domain = { 'a', 'a' }, range = { 0, 1 } }"),
              HasSubstr(At() + "cl.scale.band: 'a' appears twice in the domain"));
  EXPECT_THAT(Error("cl.scale.band { domain = { 'a' }, range = { 0 } }"),
              HasSubstr(At() + "cl.scale.band: range must be two finite numbers { from, to }, got a table"));
}

// --- cl.scale.color -------------------------------------------------------------------------------

std::string Hex(int r, int g, int b) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", r, g, b);
  return text;
}

TEST_F(CanvasApiTest, ColoursAreMixedAlongTheDomainAndClamped) {
  const json::value v = Run(R"(
    local grey = cl.scale.color { domain = { 0, 10 }, colors = { "#000000", "#ffffff" } }
    local blues = cl.scale.color { domain = { 0, 90 }, colors = { "#f7fbff", "#08306b" } }
    local three = cl.scale.color { domain = { 0, 10 }, colors = { "#ff0000", "#00ff00", "#0000ff" } }
    local flat = cl.scale.color { domain = { 3, 3 }, colors = { "#123456", "#abcdef" } }
    return { grey(0), grey(2.5), grey(10), grey(-5), grey(15), blues(30), three(5), three(2.5), three(7.5), flat(3) })");
  const auto mix = [](int a, int b, double t) { return static_cast<int>(std::floor(a + (b - a) * t + 0.5)); };
  EXPECT_EQ(Text(v.at(0)), Hex(0, 0, 0));
  EXPECT_EQ(Text(v.at(1)), Hex(mix(0, 255, 0.25), mix(0, 255, 0.25), mix(0, 255, 0.25)));
  EXPECT_EQ(Text(v.at(2)), Hex(255, 255, 255));
  EXPECT_EQ(Text(v.at(3)), Hex(0, 0, 0)) << "clamped below";
  EXPECT_EQ(Text(v.at(4)), Hex(255, 255, 255)) << "clamped above";
  const double t = 30.0 / 90;
  EXPECT_EQ(Text(v.at(5)), Hex(mix(0xf7, 0x08, t), mix(0xfb, 0x30, t), mix(0xff, 0x6b, t)));
  EXPECT_EQ(Text(v.at(6)), Hex(0, 255, 0)) << "the middle colour at the middle of the domain";
  EXPECT_EQ(Text(v.at(7)), Hex(mix(255, 0, 0.5), mix(0, 255, 0.5), 0));
  EXPECT_EQ(Text(v.at(8)), Hex(0, mix(255, 0, 0.5), mix(0, 255, 0.5)));
  EXPECT_EQ(Text(v.at(9)), "#123456") << "a one-value domain gives the first colour";
  EXPECT_THAT(Error("cl.scale.color { domain = { 0, 1 }, colors = { '#000000', 'blue' } }"),
              HasSubstr(At() + "cl.scale.color: colors[2] must be #rrggbb, got 'blue'"));
  EXPECT_THAT(Error("cl.scale.color { domain = { 0, 1 }, colors = { '#000000' } }(0)"),
              HasSubstr(At() + "cl.scale.color: colors must list two or more colours"));
}

}  // namespace
}  // namespace creditlens::script
