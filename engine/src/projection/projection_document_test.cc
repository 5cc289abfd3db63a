// Tests for the projection report: a Projection built by hand (two scenarios, a cycle cut at the
// horizon, a band, a changed and a new feature) laid out as a Document, whose chart model is checked
// directly and whose PDF is read back with poppler's pdftotext.
#include "projection/projection_document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/time_zone.h"
#include "render/pdf_test_support.h"
#include "render/renderer.h"
#include "support/temp_dir.h"

namespace creditlens::projection {
namespace {

namespace fs = std::filesystem;
using render::testing::CountOf;
using render::testing::HaveTool;
using render::testing::PdfPages;

constexpr MicroCredits Credits(double credits) { return static_cast<MicroCredits>(credits * 1'000'000); }

std::int32_t Day(unsigned month, unsigned day) { return model::FromCivilClamped(2026, month, day); }

// The chart window: the cycle started 2026-11-11, history ends 2026-11-21, the horizon is 2026-12-20.
// Actual usage is 400 a day; projected 450 (P10 350, P90 550) a day on top; the next cycle starts
// from 0 on 2026-12-11. `upgraded` raises the included credits from 10,000 to 15,000 that day.
std::vector<DayPoint> ChartDays(bool upgraded) {
  std::vector<DayPoint> days;
  MicroCredits actual_to_date = 0;
  Band to_date;
  for (std::int32_t day = Day(11, 11); day <= Day(12, 20); ++day) {
    DayPoint& point = days.emplace_back();
    point.day = day;
    const bool next_cycle = day >= Day(12, 11);
    point.included = Credits(upgraded && next_cycle ? 15'000 : 10'000);
    if (day <= Day(11, 21)) {
      actual_to_date += Credits(400);
      point.actual = Credits(400);
      point.cycle_to_date = {actual_to_date, actual_to_date, actual_to_date};
      to_date = point.cycle_to_date;
      continue;
    }
    if (day == Day(12, 11)) to_date = {};
    to_date = {to_date.p10 + Credits(350), to_date.p50 + Credits(450), to_date.p90 + Credits(550)};
    point.daily = {Credits(350), Credits(450), Credits(550)};
    point.cycle_to_date = to_date;
  }
  return days;
}

// A cycle whose usage the included credits cover as far as they go.
CycleResult Cycle(std::int32_t first_day, std::int32_t last_day, MicroCredits included, MicroCredits actual,
                  MicroCredits projected) {
  CycleResult cycle;
  cycle.first_day = first_day;
  cycle.last_day = last_day;
  cycle.included = included;
  cycle.actual = actual;
  cycle.projected = projected;
  cycle.included_applied = std::min(included, actual + projected);
  return cycle;
}

ScenarioResult CurrentUsage() {
  ScenarioResult s;
  s.name = "Current usage";
  s.projected = {Credits(8'000), Credits(9'500.5), Credits(11'000)};
  s.beyond_included_p90 = {0, Credits(120), 0, 0, 144};
  s.features = {
      {"train", "training_gpu", Credits(6'000), 200, {Credits(5'000), Credits(6'000.25), Credits(7'000)}},
      {"data", "dataset_storage", Credits(3'000), 100, {Credits(2'900), Credits(3'100), Credits(3'300)}}};
  s.cycles = {Cycle(Day(11, 11), Day(12, 10), Credits(10'000), Credits(4'400), Credits(5'400)),
              Cycle(Day(12, 11), Day(12, 20), Credits(10'000), 0, Credits(4'500))};
  s.cycles[1].cut_at_horizon = true;
  s.days = ChartDays(false);
  return s;
}

ScenarioResult Growth() {
  ScenarioResult s;
  s.name = "Growth";
  s.projected = {Credits(14'000), Credits(16'250.75), Credits(19'000)};
  s.beyond_included = {0, Credits(6'000.25), 0, 0, 7'200};
  s.beyond_included_p10 = {0, Credits(3'000), 0, 0, 3'600};
  s.beyond_included_p90 = {0, Credits(9'000.5), Credits(250), 0, 10'801};
  s.included_runs_out = Day(11, 28);
  FeatureResult inference{"train", "inference_hosted", Credits(6'000), 200.5, {}, true, false};
  inference.projected = {Credits(8'000), Credits(9'000), Credits(10'500)};
  FeatureResult vision{"",  "vision_batch", 0, 0, {Credits(1'000), Credits(1'234.5), Credits(1'500)}, true,
                       true};
  vision.category = "other";
  s.features = {inference, vision};
  CycleResult first = Cycle(Day(11, 11), Day(12, 10), Credits(10'000), Credits(4'400), Credits(11'000.25));
  first.flex_credits = Credits(5'400.25);
  first.flex_cost = 6'480;
  first.included_runs_out = Day(11, 28);
  CycleResult second = Cycle(Day(12, 11), Day(12, 20), Credits(15'000), 0, Credits(5'250.5));
  second.cut_at_horizon = true;
  second.flex_credits = Credits(600);
  second.flex_cost = 720;
  s.cycles = {first, second};
  s.days = ChartDays(true);
  return s;
}

Projection TwoScenarios() {
  Projection p;
  p.spec.horizon = "2026-12-20";
  p.spec.basis = "30d";
  p.spec.scenarios = {{"Current usage", StartMode::kCurrent, {}, ""},
                      {"Growth", StartMode::kCurrent, {}, ""}};
  ResolvedAssumptions& r = p.resolved;
  r.workspace_id = "ws001";
  r.workspace_name = "Acme Vision";
  r.timezone = "Europe/Berlin";
  r.as_of_ms =
      model::TimeZone::Utc().StartOfDay(Day(11, 21)) + 23 * 3'600'000 + 30 * 60'000;  // 00:30 in Berlin
  r.last_actual_day = Day(11, 21);
  r.basis_first_day = Day(10, 23);
  r.basis_last_day = Day(11, 21);
  r.first_projected_day = Day(11, 22);
  r.horizon_day = Day(12, 20);
  p.scenarios = {CurrentUsage(), Growth()};
  return p;
}

std::vector<const render::LineChart*> Charts(const render::Document& doc) {
  std::vector<const render::LineChart*> charts;
  for (const render::Block& block : doc.blocks) {
    if (const auto* chart = std::get_if<render::LineChart>(&block)) charts.push_back(chart);
  }
  return charts;
}

// The text with every run of white space (line ends, table column gaps) as one space.
std::string Squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f';
    if (!space || (!out.empty() && out.back() != ' ')) out.push_back(space ? ' ' : c);
  }
  return out;
}

// The line of `page` holding `needle`, empty when none does.
std::string LineWith(const std::string& page, const std::string& needle) {
  const std::size_t at = page.find(needle);
  if (at == std::string::npos) return {};
  const std::size_t start = page.rfind('\n', at);
  const std::size_t end = page.find('\n', at);
  return Squeezed(page.substr(start == std::string::npos ? 0 : start + 1, end - start - 1));
}

// Expects the line of `text` holding `key` (a table row, say) to hold `row`, white space squeezed.
void ExpectRow(const std::string& text, const std::string& key, const std::string& row) {
  const std::string line = LineWith(text, key);
  EXPECT_NE(line.find(row), std::string::npos)
      << "expected \"" << row << "\" in the row \"" << line << "\" of:\n"
      << text;
}

TEST(ProjectionDocumentTest, ChartShowsActualThenProjectedOverItsBand) {
  const render::Document doc = ProjectionDocument(TwoScenarios());
  const auto charts = Charts(doc);
  ASSERT_EQ(charts.size(), 2u);
  const render::LineChart& chart = *charts[0];
  EXPECT_EQ(chart.title, "Usage this cycle to date: actual and projected");
  ASSERT_EQ(chart.labels.size(), 40u);
  EXPECT_EQ(chart.labels.front(), "2026-11-11");
  EXPECT_EQ(chart.labels[10], "2026-11-21");
  ASSERT_EQ(chart.series.size(), 2u);
  const std::vector<double>& actual = chart.series[0].values;
  const std::vector<double>& projected = chart.series[1].values;
  EXPECT_EQ(chart.series[0].name, "Actual");
  EXPECT_EQ(chart.series[1].name, "Projected (P50)");
  EXPECT_EQ(actual[10], 4'400);
  EXPECT_TRUE(std::isnan(actual[11]));
  EXPECT_TRUE(std::isnan(actual.back()));
  EXPECT_TRUE(std::isnan(projected[9]));
  EXPECT_EQ(projected[10], 4'400) << "the projected line starts where the actual one ends";
  EXPECT_EQ(projected[11], 4'850);
  EXPECT_EQ(projected[30], 450) << "a new cycle starts from 0";

  ASSERT_EQ(chart.bands.size(), 1u);
  const render::BandArea& band = chart.bands[0];
  EXPECT_EQ(band.name, "P10 \u2013 P90");
  EXPECT_EQ(band.color, 1u) << "the projected line's colour";
  EXPECT_TRUE(std::isnan(band.lower[9]));
  EXPECT_TRUE(std::isnan(band.upper[0]));
  EXPECT_EQ(band.lower[10], 4'400);
  EXPECT_EQ(band.upper[10], 4'400);
  EXPECT_EQ(band.lower[11], 4'750);
  EXPECT_EQ(band.upper[11], 4'950);
  EXPECT_EQ(band.upper.back(), 5'500);
}

TEST(ProjectionDocumentTest, IncludedCreditsAreALineUnlessTheyChange) {
  const render::Document doc = ProjectionDocument(TwoScenarios());
  const auto charts = Charts(doc);
  ASSERT_EQ(charts.size(), 2u);
  ASSERT_EQ(charts[0]->references.size(), 1u);
  EXPECT_EQ(charts[0]->references[0].value, 10'000);
  EXPECT_EQ(charts[0]->references[0].label, "Included credits");

  EXPECT_TRUE(charts[1]->references.empty());
  ASSERT_EQ(charts[1]->series.size(), 3u);
  EXPECT_EQ(charts[1]->series[2].name, "Included credits");
  EXPECT_EQ(charts[1]->series[2].values[29], 10'000);
  EXPECT_EQ(charts[1]->series[2].values[30], 15'000);

  Projection no_plan = TwoScenarios();
  for (DayPoint& point : no_plan.scenarios[0].days) point.included = 0;
  const auto none = Charts(ProjectionDocument(no_plan));
  EXPECT_TRUE(none[0]->references.empty());
  EXPECT_EQ(none[0]->series.size(), 2u);
}

TEST(ProjectionDocumentTest, SeveralScenariosOpenWithAComparisonAndBreakPages) {
  Projection one = TwoScenarios();
  one.scenarios.resize(1);
  one.spec.title = "December outlook";
  const render::Document doc = ProjectionDocument(one);
  EXPECT_EQ(doc.title, "December outlook");
  for (const render::Block& block : doc.blocks) {
    EXPECT_FALSE(std::holds_alternative<render::PageBreak>(block));
    if (const auto* table = std::get_if<render::Table>(&block)) {
      EXPECT_NE(table->title, "Scenarios side by side");
    }
  }
  const render::Document two = ProjectionDocument(TwoScenarios());
  EXPECT_EQ(two.title, "Credit projection");
  ASSERT_GE(two.blocks.size(), 3u);
  EXPECT_EQ(std::get<render::Table>(two.blocks[2]).title, "Scenarios side by side");
  std::size_t breaks = 0;
  for (std::size_t i = 0; i + 1 < two.blocks.size(); ++i) {
    if (!std::holds_alternative<render::PageBreak>(two.blocks[i])) continue;
    ++breaks;
    const auto* heading = std::get_if<render::Heading>(&two.blocks[i + 1]);
    ASSERT_NE(heading, nullptr);
    EXPECT_EQ(heading->text, "Growth");
  }
  EXPECT_EQ(breaks, 1u);
}

class ProjectionPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfinfo", "pdftotext"}) {
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " (poppler-utils) is not installed";
    }
    const fs::path pdf = dir_ / "projection.pdf";
    render::RenderDocument(ProjectionDocument(TwoScenarios()), pdf.string(), render::ImageFormat::kPdf);
    pages_ = PdfPages(pdf);
    for (const std::string& page : pages_) all_ += page + "\f";
    text_ = Squeezed(all_);
  }

  // Where the heading line `heading` is in the text of all pages (form feeds between them).
  std::size_t HeadingAt(const std::string& heading) const {
    for (std::size_t at = all_.find(heading + "\n"); at != std::string::npos;
         at = all_.find(heading + "\n", at + 1)) {
      if (at == 0 || all_[at - 1] == '\n' || all_[at - 1] == '\f') return at;
    }
    return all_.size();
  }
  // A scenario's part of the report: from its heading to the next scenario's (or the end).
  std::string Section(const std::string& heading, const std::string& next_heading = "") const {
    const std::size_t start = HeadingAt(heading);
    return all_.substr(start, (next_heading.empty() ? all_.size() : HeadingAt(next_heading)) - start);
  }
  std::size_t PageOf(std::size_t at) const { return std::count(all_.begin(), all_.begin() + at, '\f'); }

  creditlens::testing::TempDir dir_;
  std::vector<std::string> pages_;
  std::string all_;   // every page, each ending with a form feed
  std::string text_;  // every page, squeezed
};

TEST_F(ProjectionPdfTest, TitleSubtitleAndAssumptions) {
  for (const char* expected :
       {"Credit projection", "Acme Vision (ws001) \u00b7 as of 2026-11-22 \u00b7 to 2026-12-20",
        "Assumptions", "Horizon to 2026-12-20. Basis 30d, 2026-10-23 \u2013 2026-11-21 (30 days).",
        "Method seasonal: weekday rhythm \u00d7 damped trend. Time zone Europe/Berlin.",
        "Actual usage through 2026-11-21, projected from 2026-11-22."}) {
    EXPECT_NE(text_.find(expected), std::string::npos) << expected << " in:\n" << text_;
  }
}

TEST_F(ProjectionPdfTest, ScenariosSideBySide) {
  ASSERT_FALSE(pages_.empty());
  ExpectRow(
      pages_[0], "Current usage",
      "Current usage 9,500.50 (8,000.00 \u2013 11,000.00) 0.00 0.00 $0.00 not before 2026-12-20 not before "
      "2026-12-20");
  ExpectRow(
      pages_[0], "Growth ",
      "Growth 16,250.75 (14,000.00 \u2013 19,000.00) 0.00 6,000.25 $72.00 2026-11-28 no prepaid credits");
}

TEST_F(ProjectionPdfTest, EachScenarioHasItsKpisOnItsOwnPages) {
  const std::string current = Squeezed(Section("Current usage", "Growth"));
  const std::string growth = Squeezed(Section("Growth"));
  ASSERT_LT(HeadingAt("Current usage"), HeadingAt("Growth")) << all_;
  const std::size_t growth_at = HeadingAt("Growth");
  ASSERT_LT(growth_at, all_.size()) << all_;
  EXPECT_EQ(all_[growth_at - 1], '\f') << "Growth starts a new page";
  EXPECT_GT(PageOf(growth_at), PageOf(all_.find("120.00 flex ($1.44)")));
  for (const char* expected : {"Projected credits", "9,500.50", "P10 \u2013 P90: 8,000.00 \u2013 11,000.00",
                               "Beyond included", "flex $0.00", "Included runs out", "Prepaid runs out"}) {
    EXPECT_NE(current.find(expected), std::string::npos) << expected << " in:\n" << current;
  }
  EXPECT_EQ(CountOf(current, "not before 2026-12-20"), 2u) << current;
  for (const char* expected :
       {"16,250.75", "P10 \u2013 P90: 14,000.00 \u2013 19,000.00", "6,000.25", "flex $72.00", "2026-11-28",
        "no prepaid credits", "Usage this cycle to date: actual and projected", "Actual", "Projected (P50)",
        "P10 \u2013 P90", "Included credits"}) {
    EXPECT_NE(growth.find(expected), std::string::npos) << expected << " in:\n" << growth;
  }
  EXPECT_NE(current.find("Included credits: 10,000"), std::string::npos) << "the reference line:\n"
                                                                         << current;
}

TEST_F(ProjectionPdfTest, BillingCyclesMarkTheCutOne) {
  const std::string growth = Section("Growth");
  for (const char* header : {"Billing cycles", "From included", "Flex $", "Included runs out"}) {
    EXPECT_NE(growth.find(header), std::string::npos) << header;
  }
  ExpectRow(
      growth, "2026-11-11",
      "2026-11-11 \u2013 2026-12-10 10,000.00 4,400.00 11,000.25 10,000.00 0.00 5,400.25 $64.80 2026-11-28");
  ExpectRow(
      growth, "2026-12-11 \u2013",
      "2026-12-11 \u2013 2026-12-20 (to horizon) 15,000.00 0.00 5,250.50 5,250.50 0.00 600.00 $7.20 \u2014");
  EXPECT_EQ(CountOf(growth, "(to horizon)"), 1u) << growth;
}

TEST_F(ProjectionPdfTest, PerFeatureRowsAndTheBandSplit) {
  const std::string growth = Section("Growth");
  for (const char* header :
       {"Per feature", "Basis per day", "Projected P10", "Projected P50", "Projected P90"}) {
    EXPECT_NE(growth.find(header), std::string::npos) << header;
  }
  ExpectRow(growth, "inference_hosted", "train inference_hosted 200.50 8,000.00 9,000.00 10,500.00 changed");
  ExpectRow(growth, "vision_batch", "other vision_batch 0.00 1,000.00 1,234.50 1,500.00 new");
  const std::string current = Section("Current usage", "Growth");
  ExpectRow(current, "dataset_storage", "data dataset_storage 100.00 2,900.00 3,100.00 3,300.00");
  EXPECT_EQ(LineWith(current, "dataset_storage").find("changed"), std::string::npos);

  EXPECT_NE(
      Squeezed(growth).find("At P10: 0.00 prepaid and 3,000.00 flex ($36.00) beyond the included credits; "
                            "at P90: 0.00 prepaid and 9,000.50 flex ($108.01), 250.00 not covered."),
      std::string::npos)
      << growth;
}

}  // namespace
}  // namespace creditlens::projection
