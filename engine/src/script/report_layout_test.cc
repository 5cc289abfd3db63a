// Tests for the layout stage's presentation blocks: line and area charts, reference lines and notes,
// cl.page, cl.theme, sections and grids, from the JSON a report's layout hands the engine.
#include "script/report_layout.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <variant>

#include "support/temp_dir.h"

namespace creditlens::script {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

query::Dataset Daily() {
  query::Dataset d;
  d.name = "daily";
  d.grain = query::Grain::kDay;
  d.buckets = {"2026-11-01", "2026-11-02", "2026-11-03"};
  d.series = {{{"data"}, "data", {1'000'000, 2'500'000, 0}, 3'500'000, 3, 0},
              {{"train"}, "train", {500'000, 0, 4'000'000}, 4'500'000, 2, 0}};
  return d;
}

query::Dataset ByCategory() {
  query::Dataset d;
  d.name = "by_cat";
  d.series = {{{"data"}, "data", {3'500'000}, 3'500'000, 3, 0},
              {{"train"}, "train", {4'500'000}, 4'500'000, 2, 0}};
  return d;
}

class ReportLayoutTest : public ::testing::Test {
 protected:
  ReportLayoutTest() {
    out_.datasets = {ByCategory(), Daily()};
    dir_.Write("report/keep.txt", "");
  }

  void Build(const std::string& layout) { BuildDocument(json::parse(layout), {dir_ / "report"}, out_); }

  std::string ErrorOf(const std::string& layout) {
    try {
      Build(layout);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "no error";
  }

  creditlens::testing::TempDir dir_;
  ReportOutput out_;
};

TEST_F(ReportLayoutTest, LineAndAreaChartsCarrySeriesReferencesAndNotes) {
  Build(R"([{"type":"line","dataset":"daily","title":"Daily","line":5,"line_label":"cap",
              "lines":[{"value":7,"label":"hard"},{"value":1}],"notes":[{"at":"2026-11-02","text":"launch"}]},
            {"type":"area","dataset":"daily","stacked":true}])");
  ASSERT_EQ(out_.document.blocks.size(), 2u);
  const auto& line = std::get<render::LineChart>(out_.document.blocks[0]);
  EXPECT_FALSE(line.area);
  EXPECT_EQ(line.title, "Daily");
  EXPECT_EQ(line.labels, Daily().buckets);
  ASSERT_EQ(line.series.size(), 2u);
  EXPECT_EQ(line.series[1].name, "train");
  EXPECT_EQ(line.series[1].values, (std::vector<double>{0.5, 0, 4}));
  ASSERT_EQ(line.references.size(), 3u);
  EXPECT_EQ(line.references[0].label, "cap");
  EXPECT_EQ(line.references[1].value, 7);
  EXPECT_EQ(line.references[1].label, "hard");
  EXPECT_EQ(line.references[2].label, "");
  ASSERT_EQ(line.notes.size(), 1u);
  EXPECT_EQ(line.notes[0].category, 1u);
  EXPECT_EQ(line.notes[0].text, "launch");
  const auto& area = std::get<render::LineChart>(out_.document.blocks[1]);
  EXPECT_TRUE(area.area);
  EXPECT_TRUE(area.stacked);
  EXPECT_EQ(area.title, "daily");
}

TEST_F(ReportLayoutTest, NotesOnBarsMatchCategoryLabels) {
  Build(R"([{"type":"hbar","dataset":"by_cat","notes":[{"at":"train","text":"most"}]}])");
  const auto& bar = std::get<render::BarChart>(out_.document.blocks[0]);
  EXPECT_TRUE(bar.horizontal);
  ASSERT_EQ(bar.notes.size(), 1u);
  EXPECT_EQ(bar.notes[0].category, 1u);
}

TEST_F(ReportLayoutTest, BadReferenceLinesAndNotesNameTheField) {
  EXPECT_EQ(ErrorOf(R"([{"type":"text","text":"a"},{"type":"text","text":"b"},
                        {"type":"bar","dataset":"daily","notes":[{"at":"2026-13-01","text":"x"}]}])"),
            "layout[3].notes[1].at: no bucket '2026-13-01' (buckets run 2026-11-01 .. 2026-11-03)");
  EXPECT_EQ(ErrorOf(R"([{"type":"bar","dataset":"by_cat","notes":[{"at":"x","text":"y"}]}])"),
            "layout[1].notes[1].at: no category 'x' (categories: data, train)");
  EXPECT_EQ(ErrorOf(R"([{"type":"line","dataset":"daily","notes":[{"at":"2026-11-01"}]}])"),
            "layout[1].notes[1].text: expected text");
  EXPECT_EQ(ErrorOf(R"([{"type":"line","dataset":"daily","lines":[{"label":"x"}]}])"),
            "layout[1].lines[1].value: expected a number");
  EXPECT_EQ(ErrorOf(R"([{"type":"line","dataset":"daily","lines":{"value":3}}])"),
            "layout[1].lines: expected a list of { value = <number>, label = \"...\" }");
  EXPECT_NE(ErrorOf(R"([{"type":"area","dataset":"by_cat"}])").find("layout[1]: cl.area needs a time series"),
            std::string::npos);
}

TEST_F(ReportLayoutTest, PageSetsTheDocumentsPaper) {
  Build(R"([{"type":"page","size":"Letter","orientation":"landscape"}])");
  EXPECT_TRUE(out_.document.blocks.empty());
  EXPECT_EQ(out_.document.page.width, 792);
  EXPECT_EQ(out_.document.page.height, 612);
  EXPECT_EQ(ErrorOf(R"([{"type":"page","size":"A5"}])"),
            "layout[1].size: unknown page size 'A5' (accepted: A4, Letter)");
  EXPECT_EQ(ErrorOf(R"([{"type":"page","orientation":"up"}])"),
            "layout[1].orientation: unknown orientation 'up' (accepted: portrait, landscape)");
  EXPECT_EQ(ErrorOf(R"([{"type":"page","paper":"A4"}])"),
            "layout[1]: cl.page has no field 'paper' (accepted: size, orientation)");
}

TEST_F(ReportLayoutTest, ThemeSetsColoursFontAndLogo) {
  const fs::path logo = dir_.Write("report/img/logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + "rest");
  Build(R"([{"type":"theme","colors":["#FF0000","#00ff00"],"text":"#101010","font":"dejavu serif",
             "logo":"img/logo.png"}])");
  const render::ReportTheme& look = out_.document.theme;
  ASSERT_EQ(look.series.size(), 2u);
  EXPECT_DOUBLE_EQ(look.series[1].g, 1.0);
  EXPECT_DOUBLE_EQ(look.accent.r, 1.0) << "the accent follows the first colour unless given";
  EXPECT_DOUBLE_EQ(look.text.r, 0x10 / 255.0);
  EXPECT_EQ(look.font_family, "DejaVu Serif");
  EXPECT_EQ(look.logo, fs::canonical(logo).string());
}

TEST_F(ReportLayoutTest, BadThemeFieldsAreNamed) {
  EXPECT_EQ(ErrorOf(R"([{"type":"theme","colors":["#fff000","#12345"]}])"),
            "layout[1].colors[2]: \"#12345\" is not a colour (expected \"#RRGGBB\")");
  EXPECT_EQ(ErrorOf(R"([{"type":"theme","accent":3}])"),
            "layout[1].accent: 3 is not a colour (expected \"#RRGGBB\")");
  EXPECT_EQ(ErrorOf(R"([{"type":"theme","colors":[]}])"),
            "layout[1].colors: expected a list of colours \"#RRGGBB\"");
  EXPECT_NE(ErrorOf(R"([{"type":"theme","font":"No Such Family 42"}])")
                .find("layout[1].font: no font family 'No Such Family 42' is installed (installed: "),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"([{"type":"theme","logo":"../x.png"}])").find("layout[1].logo: '../x.png' leaves"),
            std::string::npos);
  dir_.Write("report/fake.png", "GIF89a");
  EXPECT_NE(ErrorOf(R"([{"type":"theme","logo":"fake.png"}])").find("fake.png is not a PNG image"),
            std::string::npos);
}

TEST_F(ReportLayoutTest, SectionsAddHeadingsPageBreaksAndNest) {
  Build(R"([{"type":"section","title":"Usage","new_page":true,"blocks":[
              {"type":"text","text":"a"},
              {"type":"section","title":"Detail","blocks":[{"type":"bar","dataset":"by_cat"}]}]},
            {"type":"section","title":"Next","blocks":[]}])");
  const auto& blocks = out_.document.blocks;
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_TRUE(std::holds_alternative<render::PageBreak>(blocks[0]));
  EXPECT_EQ(std::get<render::Heading>(blocks[1]).level, 1);
  EXPECT_EQ(std::get<render::Heading>(blocks[3]).text, "Detail");
  EXPECT_EQ(std::get<render::Heading>(blocks[3]).level, 2);
  EXPECT_TRUE(std::holds_alternative<render::BarChart>(blocks[4]));
  EXPECT_EQ(std::get<render::Heading>(blocks[5]).level, 1) << "back at the top after a nested section";
  EXPECT_EQ(ErrorOf(R"([{"type":"section","blocks":[{"type":"text"},{"type":"bar","dataset":"nope"}]}])"),
            "layout[1][2]: no dataset named 'nope'");
}

TEST_F(ReportLayoutTest, GridsHoldOneBlockPerCellAndKeepKpisForTheExports) {
  Build(R"([{"type":"grid","columns":3,"blocks":[{"type":"pie","dataset":"by_cat"},
              {"type":"kpis","tiles":[{"label":"Total","value":8,"unit":"credits"}]},
              {"type":"grid","columns":1,"blocks":[{"type":"text","text":"inner"}]}]}])");
  const auto& grid = std::get<render::Grid>(out_.document.blocks.at(0));
  EXPECT_EQ(grid.columns, 3);
  ASSERT_EQ(grid.cells.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<render::PieChart>(grid.cells[0]));
  EXPECT_EQ(std::get<render::Grid>(grid.cells[2]).cells.size(), 1u);
  ASSERT_EQ(out_.kpis.size(), 1u);
  EXPECT_EQ(out_.kpis[0].micro, 8'000'000);
  EXPECT_EQ(ErrorOf(R"([{"type":"grid","columns":7,"blocks":[]}])"),
            "layout[1].columns: expected a whole number from 1 to 6");
  EXPECT_NE(ErrorOf(R"([{"type":"grid","blocks":[{"type":"text","text":"a"},{"type":"page"}]}])")
                .find("layout[1][2]: a grid cell must be one block that draws"),
            std::string::npos);
}

}  // namespace
}  // namespace creditlens::script
