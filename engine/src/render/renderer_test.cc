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

#include "render/pdf_test_support.h"
#include "support/temp_dir.h"

namespace creditlens::render {
namespace {

namespace fs = std::filesystem;
using creditlens::testing::ReadFile;
using testing::CommandResult;
using testing::CountOf;
using testing::HaveTool;
using testing::PdfPageCount;
using testing::PdfPages;
using testing::PdfText;
using testing::RunCommand;

// "1234567.5" as "1,234,567.50": the caller formats numbers, so the test does too.
std::string Grouped(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  const std::string digits(buffer);
  const std::size_t point = digits.find('.');
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i < point && (point - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string AccountId(int row) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "ACC-%04d", row);
  return buffer;
}

double RowCredits(int row) { return 1000.0 + row * 37.25; }

Table UsageTable(int rows) {
  Table table;
  table.title = "Usage by account";
  table.columns = {{"Account", false}, {"Feature", false}, {"Credits", true}, {"Cost ($)", true}};
  const std::array<const char*, 4> features = {"inference_hosted", "training_gpu", "dataset_storage",
                                               "deploy_endpoints with a long description that wraps"};
  double credits = 0;
  double cost = 0;
  for (int row = 1; row <= rows; ++row) {
    credits += RowCredits(row);
    cost += RowCredits(row) * 0.01;
    table.rows.push_back({AccountId(row), features[row % features.size()], Grouped(RowCredits(row)),
                          "$" + Grouped(RowCredits(row) * 0.01)});
  }
  table.footer = {"Grand total", "", Grouped(credits), "$" + Grouped(cost)};
  return table;
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
  chart.references = {{1200, "Daily allowance"}};
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
  chart.references = {{1000, "Monthly allowance"}};
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
  all_zero.references = {{0, ""}};
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
      EXPECT_NE(message.find("cannot write"), std::string::npos) << message;
    }
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(RendererTest, BytesInMemoryAreWhatTheFileHolds) {
  const fs::path png = dir_ / "report.png";
  RenderDocument(FullReport(), png.string(), ImageFormat::kPng);
  EXPECT_EQ(RenderDocumentBytes(FullReport(), ImageFormat::kPng), ReadFile(png));
  EXPECT_EQ(RenderDocumentBytes(FullReport(), ImageFormat::kPdf).substr(0, 5), "%PDF-");
  EXPECT_NE(RenderDocumentBytes(FullReport(), ImageFormat::kSvg).find("<svg"), std::string::npos);
}

TEST_F(RendererTest, LongTableContinuesOnNewPagesWithItsHeader) {
  RequirePoppler();
  if (IsSkipped()) return;
  Document doc;
  doc.title = "Ledger";
  const Table table = UsageTable(250);
  doc.blocks.push_back(table);
  const fs::path pdf = dir_ / "table.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);

  const std::vector<std::string> pages = PdfPages(pdf);
  ASSERT_GE(pages.size(), 3u);
  EXPECT_EQ(static_cast<int>(pages.size()), PdfPageCount(pdf));
  const std::string all = PdfText(pdf);

  int pages_with_rows = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const bool has_rows = pages[i].find("ACC-") != std::string::npos;
    pages_with_rows += has_rows ? 1 : 0;
    EXPECT_EQ(CountOf(pages[i], "Feature"), has_rows ? 1u : 0u) << "page " << i + 1 << ":\n" << pages[i];
    EXPECT_EQ(CountOf(pages[i], "Cost ($)"), has_rows ? 1u : 0u) << "page " << i + 1;
    EXPECT_EQ(CountOf(pages[i], "Usage by account"), has_rows ? 1u : 0u) << "page " << i + 1;
    if (i > 0 && has_rows) {
      EXPECT_NE(pages[i].find("Usage by account (continued)"), std::string::npos) << "page " << i + 1;
    }
  }
  EXPECT_EQ(pages_with_rows, static_cast<int>(pages.size()));
  EXPECT_EQ(CountOf(all, "Feature"), pages.size());
  EXPECT_EQ(pages[0].find("(continued)"), std::string::npos);
  EXPECT_NE(pages[1].find("Usage by account (continued)"), std::string::npos) << pages[1];

  for (int row = 1; row <= 250; ++row) {
    EXPECT_EQ(CountOf(all, AccountId(row)), 1u) << AccountId(row);
    EXPECT_NE(all.find(Grouped(RowCredits(row))), std::string::npos) << Grouped(RowCredits(row));
  }
  EXPECT_EQ(CountOf(all, "Grand total"), 1u);
  EXPECT_EQ(CountOf(all, table.footer[2]), 1u) << table.footer[2];
  EXPECT_NE(pages.back().find("Grand total"), std::string::npos);
  EXPECT_NE(all.find("deploy_endpoints"), std::string::npos);
}

TEST_F(RendererTest, NumericColumnsAreRightAligned) {
  RequirePoppler();
  if (IsSkipped()) return;
  Document doc;
  doc.blocks.push_back(UsageTable(40));
  const fs::path pdf = dir_ / "aligned.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  // pdftotext -bbox lists every word with its box: the credits all end at the same x.
  const std::string boxes = RunCommand("pdftotext -bbox -f 1 -l 1 '" + pdf.string() + "' -").output;
  std::vector<double> right_edges;
  std::istringstream lines(boxes);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t text_at = line.find("\">");
    const std::size_t x_max_at = line.find("xMax=\"");
    if (text_at == std::string::npos || x_max_at == std::string::npos) continue;
    const std::string word = line.substr(text_at + 2, line.find("</word>") - text_at - 2);
    for (int row = 1; row <= 40; ++row) {
      if (word == Grouped(RowCredits(row))) right_edges.push_back(std::stod(line.substr(x_max_at + 6)));
    }
  }
  ASSERT_GE(right_edges.size(), 20u) << boxes.substr(0, 2000);
  for (const double edge : right_edges) EXPECT_NEAR(edge, right_edges.front(), 0.6);
}

TEST_F(RendererTest, TableStartsMidPageAfterOtherBlocks) {
  RequirePoppler();
  if (IsSkipped()) return;
  Document doc = FullReport();
  doc.blocks.resize(3);  // KPI row, heading, daily usage chart
  doc.blocks.push_back(Heading{"Ledger by account", 1});
  doc.blocks.push_back(UsageTable(80));
  doc.blocks.push_back(Paragraph{"Closing remarks after the table."});
  const fs::path pdf = dir_ / "mixed.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);

  const std::vector<std::string> pages = PdfPages(pdf);
  ASSERT_GE(pages.size(), 2u);
  EXPECT_NE(pages[0].find("Daily usage"), std::string::npos);
  EXPECT_NE(pages[0].find("Ledger by account"), std::string::npos);
  EXPECT_NE(pages[0].find("ACC-0001"), std::string::npos) << "the table starts under the chart:\n"
                                                          << pages[0];
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const bool has_rows = pages[i].find("ACC-") != std::string::npos;
    EXPECT_EQ(CountOf(pages[i], "Feature"), has_rows ? 1u : 0u) << "page " << i + 1;
  }
  const std::string all = PdfText(pdf);
  for (int row = 1; row <= 80; ++row) EXPECT_EQ(CountOf(all, AccountId(row)), 1u) << AccountId(row);
  EXPECT_EQ(CountOf(all, "Grand total"), 1u);
  EXPECT_NE(pages.back().find("Closing remarks"), std::string::npos);
}

TEST_F(RendererTest, EmptyTableShowsNoRows) {
  RequirePoppler();
  if (IsSkipped()) return;
  Document doc;
  Table table = UsageTable(0);
  table.footer.clear();
  doc.blocks.push_back(table);
  const fs::path pdf = dir_ / "empty_table.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  const std::string text = PdfText(pdf);
  EXPECT_EQ(PdfPageCount(pdf), 1);
  EXPECT_EQ(CountOf(text, "No rows"), 1u) << text;
  for (const char* header : {"Usage by account", "Account", "Feature", "Credits", "Cost ($)"}) {
    EXPECT_NE(text.find(header), std::string::npos) << header;
  }
}

TEST_F(RendererTest, TablePngIsOneTallPageAtTwiceTheWidth) {
  Document doc;
  doc.title = "Ledger";
  doc.blocks.push_back(UsageTable(250));
  const fs::path png = dir_ / "table.png";
  RenderDocument(doc, png.string(), ImageFormat::kPng);
  const std::string bytes = ReadFile(png);
  ASSERT_GE(bytes.size(), 24u);
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
  };
  EXPECT_EQ(be32(16), 1190u);
  EXPECT_GT(be32(20), 2u * 250u * 14u);  // every row once, none repeated or dropped for page breaks
  EXPECT_NO_THROW(RenderDocument(doc, (dir_ / "table.svg").string(), ImageFormat::kSvg));
}

TEST_F(RendererTest, OddInputDoesNotCrash) {
  Document doc;  // odd values, invalid UTF-8, a wide KPI row
  doc.title = "Bad \xff\xfe title";
  BarChart chart;
  chart.labels = {"a", "b\xff\xfe", "c"};
  chart.series = {{"x", {1, std::numeric_limits<double>::quiet_NaN()}}, {"", {-5, 3, 1e9}}};
  chart.references = {{std::numeric_limits<double>::infinity(), "never"}, {-3, ""}};
  chart.notes = {{7, "past the last label"}, {1, "b"}};
  PieChart pie;
  for (int i = 0; i < 15; ++i) {
    pie.labels.push_back("slice " + std::to_string(i));
    pie.values.push_back(i == 3 ? -4 : i + 1);
  }
  KpiRow kpis;
  for (int i = 0; i < 12; ++i) kpis.tiles.push_back({"Tile " + std::to_string(i), "$123,456,789.00", "note"});
  Table ragged;  // short and long rows, a footer wider than the columns, a huge cell
  ragged.columns = {{"a\xff", false}, {"", true}};
  ragged.rows = {
      {}, {"x"}, {"1", "2", "3"}, {std::string(5000, 'w'), std::string(300, '9')}, {"a\nb\nc", "1\n2"}};
  ragged.footer = {"t", "u", "v"};
  Table no_columns;
  no_columns.title = "Nothing";
  no_columns.rows = {{"a"}, {"b"}};
  Table one_tall_row;
  one_tall_row.columns = {{"Text", false}};
  one_tall_row.rows.assign(3, {std::string(20000, 'x')});
  doc.blocks = {chart, pie, kpis, Heading{"", 1}, Paragraph{""}, ragged, no_columns, one_tall_row, Table{}};
  const fs::path pdf = dir_ / "odd.pdf";
  EXPECT_NO_THROW(RenderDocument(doc, pdf.string(), ImageFormat::kPdf));
  EXPECT_TRUE(fs::exists(pdf));
  EXPECT_NO_THROW(RenderDocument(doc, (dir_ / "odd.png").string(), ImageFormat::kPng));
  EXPECT_NO_THROW(RenderDocument(Document{}, (dir_ / "blank.svg").string(), ImageFormat::kSvg));
  EXPECT_NO_THROW(RenderDocument(Document{}, (dir_ / "blank.pdf").string(), ImageFormat::kPdf));
}

}  // namespace
}  // namespace creditlens::render
