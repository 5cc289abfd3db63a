// End-to-end tests of RenderDocument: renders real files and inspects them with poppler's tools
// (pdfinfo, pdftotext, pdffonts) and by reading PNG and SVG headers.
#include "render/renderer.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "support/temp_dir.h"

namespace creditlens::render {
namespace {

namespace fs = std::filesystem;
using creditlens::testing::ReadFile;

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), read);
  result.exit_code = ::pclose(pipe);
  return result;
}

bool HaveTool(const std::string& tool) { return RunCommand("command -v " + tool).exit_code == 0; }

int PdfPageCount(const fs::path& pdf) {
  const CommandResult info = RunCommand("pdfinfo '" + pdf.string() + "'");
  std::istringstream lines(info.output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  }
  return -1;
}

std::string PdfText(const fs::path& pdf) {
  return RunCommand("pdftotext -layout '" + pdf.string() + "' -").output;
}

BarChart DailyUsage() {
  BarChart chart;
  chart.title = "Daily usage";
  chart.value_unit = "credits";
  Series series{"Credits", {}};
  for (int day = 1; day <= 30; ++day) {
    chart.labels.push_back("2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day));
    series.values.push_back(400 + (day * 137) % 1400);
  }
  chart.series.push_back(series);
  chart.reference_value = 1200;
  chart.reference_label = "Daily allowance";
  return chart;
}

BarChart MonthlyStacked() {
  BarChart chart;
  chart.title = "Monthly usage";
  chart.value_unit = "credits";
  chart.stacked = true;
  chart.labels = {"2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
                  "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"};
  chart.series = {{"Included", {900, 1000, 1000, 950, 1000, 1000, 1000, 870, 1000, 1000, 1000, 1000}},
                  {"Flex", {0, 250, 400, 0, 120, 600, 780, 0, 300, 450, 500, 1200}}};
  chart.reference_value = 1000;
  chart.reference_label = "Monthly allowance";
  return chart;
}

BarChart ByFeature() {
  BarChart chart;
  chart.title = "Usage by feature";
  chart.horizontal = true;
  chart.value_unit = "credits";
  chart.labels = {"inference_hosted", "training_gpu", "dataset_storage", "deploy_endpoints", "labeling"};
  chart.series = {{"Credits", {5400, 3120.5, 880, 640, 95}}};
  return chart;
}

PieChart ByReason(bool donut) {
  PieChart chart;
  chart.title = donut ? "Spend by category" : "Usage by reason";
  chart.donut = donut;
  chart.value_unit = donut ? "$" : "credits";
  chart.labels = {"Inference", "Training", "Storage", "Deployments"};
  chart.values = {5400, 3120.5, 880, 640};
  return chart;
}

Document FullReport() {
  Document doc;
  doc.title = "Credit usage report";
  doc.subtitle = "Acme Vision \u00b7 2026-11-01 \u2013 2026-11-30";
  doc.blocks.push_back(KpiRow{{{"Credits used this cycle", "12,345.5", "of 10,000 included"},
                               {"Included", "10,000", ""},
                               {"Left", "0", "flex in use"},
                               {"Resets on", "2026-12-11", ""}}});
  doc.blocks.push_back(Heading{"Usage over time", 1});
  doc.blocks.push_back(DailyUsage());
  doc.blocks.push_back(MonthlyStacked());
  doc.blocks.push_back(Heading{"Where credits went", 1});
  doc.blocks.push_back(ByFeature());
  doc.blocks.push_back(ByReason(false));
  doc.blocks.push_back(ByReason(true));
  doc.blocks.push_back(Heading{"Notes", 2});
  const Paragraph note{
      "Credits are consumed by hosted inference, training runs, storage and deployments. Included "
      "credits are used first, then prepaid bundles by priority, then flex credits up to the "
      "workspace's threshold. Figures are in the workspace's time zone."};
  doc.blocks.insert(doc.blocks.end(), 6, Block{note});
  return doc;
}

class RendererTest : public ::testing::Test {
 protected:
  // Output is copied out for inspection after a failure, or always with CREDITLENS_KEEP_RENDER_OUTPUT
  // set, to creditlens_render_<test name> in the temporary directory.
  void TearDown() override {
    if (!HasFailure() && std::getenv("CREDITLENS_KEEP_RENDER_OUTPUT") == nullptr) return;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const fs::path kept = fs::temp_directory_path() / ("creditlens_render_" + std::string(info->name()));
    std::error_code ec;
    fs::remove_all(kept, ec);
    fs::copy(dir_.path(), kept, fs::copy_options::recursive, ec);
    std::cerr << (ec ? "could not keep render output in " : "render output kept in ") << kept.string()
              << '\n';
  }
  void RequirePoppler() {
    for (const char* tool : {"pdfinfo", "pdftotext", "pdffonts"}) {
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " (poppler-utils) is not installed";
    }
  }

  creditlens::testing::TempDir dir_;
};

TEST_F(RendererTest, PdfHasPagesTextAndEmbeddedFonts) {
  RequirePoppler();
  if (IsSkipped()) return;
  const fs::path pdf = dir_ / "report.pdf";
  RenderDocument(FullReport(), pdf.string(), ImageFormat::kPdf);
  ASSERT_TRUE(fs::exists(pdf));

  const int pages = PdfPageCount(pdf);
  EXPECT_GE(pages, 2);

  const std::string text = PdfText(pdf);
  for (const char* expected : {"Credit usage report", "Acme Vision", "12,345.5", "Credits used this cycle",
                               "Daily usage", "Monthly usage", "Usage by feature", "Usage by reason", "1,000",
                               "Monthly allowance", "Daily allowance", "Included", "Flex", "inference_hosted",
                               "5,400", "Inference", "%", "Usage over time"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
  }
  EXPECT_NE(text.find("page 1 of " + std::to_string(pages)), std::string::npos) << text;
  EXPECT_NE(text.find("page " + std::to_string(pages) + " of " + std::to_string(pages)), std::string::npos);

  // pdffonts: two header lines, then one line per font; the "emb" column must say yes for each.
  const CommandResult fonts = RunCommand("pdffonts '" + pdf.string() + "'");
  ASSERT_EQ(fonts.exit_code, 0) << fonts.output;
  std::istringstream lines(fonts.output);
  std::string header;
  std::string rule;
  std::getline(lines, header);
  std::getline(lines, rule);
  const std::size_t emb_column = header.find("emb");
  ASSERT_NE(emb_column, std::string::npos) << fonts.output;
  int font_count = 0;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++font_count;
    EXPECT_EQ(line.substr(emb_column, 3), "yes") << line;
    EXPECT_NE(line.find("DejaVuSans"), std::string::npos) << line;
  }
  EXPECT_GE(font_count, 1);
}

TEST_F(RendererTest, EmptyChartsShowPlaceholder) {
  RequirePoppler();
  if (IsSkipped()) return;
  Document doc;
  doc.title = "Quiet month";
  BarChart no_labels;
  no_labels.title = "Daily usage";
  BarChart all_zero;
  all_zero.title = "Monthly usage";
  all_zero.labels = {"2026-10", "2026-11"};
  all_zero.series = {{"Credits", {0, 0}}};
  all_zero.reference_value = 0;
  BarChart horizontal_zero = all_zero;
  horizontal_zero.horizontal = true;
  PieChart empty_pie;
  empty_pie.title = "Usage by reason";
  empty_pie.labels = {"Inference"};
  empty_pie.values = {0};
  doc.blocks = {no_labels, all_zero, horizontal_zero, empty_pie, KpiRow{}, BarChart{}};

  const fs::path pdf = dir_ / "empty.pdf";
  ASSERT_NO_THROW(RenderDocument(doc, pdf.string(), ImageFormat::kPdf));
  const std::string text = PdfText(pdf);
  std::size_t count = 0;
  for (std::size_t at = text.find("No usage in this period"); at != std::string::npos;
       at = text.find("No usage in this period", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 5u) << text;
  EXPECT_NE(text.find("Usage by reason"), std::string::npos);
}

TEST_F(RendererTest, PngIsOneTallPageAtTwiceTheWidth) {
  const fs::path png = dir_ / "report.png";
  RenderDocument(FullReport(), png.string(), ImageFormat::kPng);
  const std::string bytes = ReadFile(png);
  ASSERT_GE(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
  };
  EXPECT_EQ(be32(16), 1190u);
  EXPECT_GT(be32(20), 2u * 842u);  // the content is longer than one A4 page
}

TEST_F(RendererTest, SvgIsWritten) {
  const fs::path svg = dir_ / "report.svg";
  RenderDocument(FullReport(), svg.string(), ImageFormat::kSvg);
  const std::string text = ReadFile(svg);
  EXPECT_TRUE(text.rfind("<?xml", 0) == 0 || text.find("<svg") != std::string::npos) << text.substr(0, 200);
  EXPECT_NE(text.find("<svg"), std::string::npos);
}

TEST_F(RendererTest, OverwritesAndLeavesNoTemporaryFiles) {
  const fs::path png = dir_ / "out.png";
  { std::ofstream(png) << "old contents"; }
  RenderDocument(FullReport(), png.string(), ImageFormat::kPng);
  EXPECT_EQ(ReadFile(png).substr(1, 3), "PNG");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 1);
}

TEST_F(RendererTest, UnwritablePathThrowsNamingIt) {
  const std::string path = (dir_ / "no-such-dir" / "report.pdf").string();
  for (const ImageFormat format : {ImageFormat::kPdf, ImageFormat::kPng, ImageFormat::kSvg}) {
    try {
      RenderDocument(FullReport(), path, format);
      ADD_FAILURE() << "expected an exception";
    } catch (const std::runtime_error& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find(path), std::string::npos) << message;
      EXPECT_NE(message.find("cairo status"), std::string::npos) << message;
    }
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(RendererTest, OddInputDoesNotCrash) {
  Document doc;  // odd values, invalid UTF-8, a wide KPI row
  doc.title = "Bad \xff\xfe title";
  BarChart chart;
  chart.labels = {"a", "b\xff\xfe", "c"};
  chart.series = {{"x", {1, std::numeric_limits<double>::quiet_NaN()}}, {"", {-5, 3, 1e9}}};
  chart.reference_value = std::numeric_limits<double>::infinity();
  PieChart pie;
  for (int i = 0; i < 15; ++i) {
    pie.labels.push_back("slice " + std::to_string(i));
    pie.values.push_back(i == 3 ? -4 : i + 1);
  }
  KpiRow kpis;
  for (int i = 0; i < 12; ++i) kpis.tiles.push_back({"Tile " + std::to_string(i), "$123,456,789.00", "note"});
  doc.blocks = {chart, pie, kpis, Heading{"", 1}, Paragraph{""}};
  const fs::path pdf = dir_ / "odd.pdf";
  EXPECT_NO_THROW(RenderDocument(doc, pdf.string(), ImageFormat::kPdf));
  EXPECT_TRUE(fs::exists(pdf));
  EXPECT_NO_THROW(RenderDocument(Document{}, (dir_ / "blank.svg").string(), ImageFormat::kSvg));
  EXPECT_NO_THROW(RenderDocument(Document{}, (dir_ / "blank.pdf").string(), ImageFormat::kPdf));
}

}  // namespace
}  // namespace creditlens::render
