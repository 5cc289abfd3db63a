// Scenario files through the Lua sandbox: the examples read into the specs they declare, and each
// mistake reported with the file, the line of the declaration and the field.
#include "projection/scenario_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "projection/spec_test_support.h"

namespace creditlens::projection {
namespace {

using ::testing::StartsWith;

ProjectionSpec LoadExample(const std::string& name, std::string& file) {
  file = std::string(CREDITLENS_EXAMPLES_DIR) + "/scenarios/" + name;
  return LoadScenarioFile(file, CREDITLENS_SCRIPTS_DIR);
}

TEST(ScenarioExamplesTest, AsIsVersusGrowth) {
  std::string file;
  const ProjectionSpec spec = LoadExample("as_is_vs_growth.lua", file);
  const FeatureChange inference =
      ChangeOf("inference_hosted", ChangeKind::kScale, 2).From("2026-12-01").At(file + ":7");
  const FeatureChange serverless = ChangeOf("inference_serverless", ChangeKind::kScale, 1.5)
                                       .From("2026-12-01")
                                       .RampUntil("2026-12-31")
                                       .At(file + ":8");
  const FeatureChange ocr_stops =
      ChangeOf("ocr_pages", ChangeKind::kSet, 0).From("2026-12-15").At(file + ":22");
  const FeatureChange migration = ChangeOf("data_transfer", ChangeKind::kAdd, 300)
                                      .Per(RatePer::kWeek)
                                      .From("2026-12-01")
                                      .To("2027-01-31")
                                      .At(file + ":23");
  EXPECT_EQ(spec, MakeSpec("Inference growth into the new year", "next_cycle_end", "30d", Method::kSeasonal,
                           {MakeScenario("As is", file + ":17"),
                            MakeScenario("Inference grows", file + ":18", {inference, serverless}),
                            MakeScenario("Inference grows, OCR retired", file + ":19",
                                         {inference, serverless, ocr_stops, migration})}));
}

TEST(ScenarioExamplesTest, NewAgentRollout) {
  std::string file;
  const ProjectionSpec spec = LoadExample("new_agent_rollout.lua", file);
  const std::vector<FeatureChange> rollout = {
      ChangeOf("agent_runs", ChangeKind::kAdd, 40)
          .From("2026-12-01")
          .RampUntil("2026-12-31")
          .At(file + ":14"),
      ChangeOf("tool_calls", ChangeKind::kScale, 1.5)
          .From("2026-12-01")
          .RampUntil("2026-12-31")
          .At(file + ":16"),
      ChangeOf("agent_memory", ChangeKind::kSet, 600)
          .Category("agents")
          .Per(RatePer::kMonth)
          .From("2027-01-01")
          .At(file + ":18"),
  };
  EXPECT_EQ(spec, MakeSpec("Agent rollout", "3m", "90d", Method::kSeasonal,
                           {MakeScenario("As is", file + ":12"),
                            MakeScenario("Agents for every team", file + ":13", rollout)}));
}

TEST(ScenarioExamplesTest, FromScratch) {
  std::string file;
  const ProjectionSpec spec = LoadExample("from_scratch.lua", file);
  const std::vector<FeatureChange> pilot = {
      ChangeOf("document_parsing", ChangeKind::kSet, 20).At(file + ":8"),
      ChangeOf("vector_index", ChangeKind::kSet, 150).Per(RatePer::kWeek).At(file + ":9"),
      ChangeOf("inference_serverless", ChangeKind::kSet, 30).At(file + ":10"),
  };
  std::vector<FeatureChange> launch = pilot;
  launch.push_back(ChangeOf("document_parsing", ChangeKind::kScale, 5)
                       .From("2027-01-04")
                       .RampUntil("2027-01-31")
                       .At(file + ":23"));
  launch.push_back(ChangeOf("inference_serverless", ChangeKind::kScale, 4)
                       .From("2027-01-04")
                       .RampUntil("2027-01-31")
                       .At(file + ":24"));
  launch.push_back(ChangeOf("data_storage", ChangeKind::kSet, 900)
                       .Per(RatePer::kMonth)
                       .From("2027-01-04")
                       .At(file + ":26"));
  EXPECT_EQ(spec, MakeSpec("Document search launch", "2027-03-31", "30d", Method::kCurrentRate,
                           {MakeScenario("Pilot", file + ":18", pilot, StartMode::kScratch),
                            MakeScenario("Launch in January", file + ":19", launch, StartMode::kScratch)}));
}

class ScenarioFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("scenario_file_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "scenario.lua").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string ErrorOf(const std::string& text) {
    std::ofstream(file_) << text;
    try {
      LoadScenarioFile(file_, CREDITLENS_SCRIPTS_DIR);
    } catch (const SpecError& e) {
      return e.what();
    }
    return "no error";
  }

  // A file whose one scenario (line 4) has one change (line 5) with these fields.
  std::string ErrorOfChange(const std::string& fields) {
    return ErrorOf(
        "local cl = require 'creditlens'\n"
        "return cl.projection {\n"
        "  scenarios = {\n"
        "    cl.scenario { name = 'A', changes = {\n"
        "      cl.change { feature = 'inference_hosted', " +
        fields +
        " },\n"
        "    } },\n"
        "  },\n"
        "}\n");
  }

  std::filesystem::path dir_;
  std::string file_;
};

TEST_F(ScenarioFileTest, ChangeMistakesNameTheLineAndTheField) {
  EXPECT_EQ(ErrorOfChange("scael = 2"), file_ + ":5: cl.change 'inference_hosted': unknown field 'scael'");
  EXPECT_EQ(ErrorOfChange("scale = '2'"),
            file_ + ":5: cl.change 'inference_hosted'.scale must be a number, got '2'");
  EXPECT_EQ(ErrorOfChange("add = math.huge"),
            file_ + ":5: cl.change 'inference_hosted'.add must be a finite number, got inf");
  EXPECT_EQ(ErrorOfChange("scale = 2, add = 1"),
            file_ + ":5: scenarios[1].changes[1]: give only one of scale, add or set, not scale and add");
  EXPECT_EQ(ErrorOfChange("add = 1, per = 'fortnight'"),
            file_ + ":5: scenarios[1].changes[1].per: expected day, week or month, got \"fortnight\"");
  EXPECT_EQ(ErrorOfChange("add = 1, from = '2026-12-01', to = '2026-11-01'"),
            file_ + ":5: scenarios[1].changes[1].to: 2026-11-01 is before from (2026-12-01)");
}

TEST_F(ScenarioFileTest, ShapeMistakesNameTheLine) {
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\n"
                    "return cl.projection {\n"
                    "  scenarios = { { name = 'A' } },\n"
                    "}\n"),
            file_ + ": cl.projection.scenarios[1] must be made with cl.scenario { ... }");
  // Lua knows no line for what `return cl.projection { ... }` (a tail call) raises, but does for this.
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\n"
                    "local projection = cl.projection { horizn = '3m', scenarios = {} }\n"
                    "return projection\n"),
            file_ + ":2: cl.projection: unknown field 'horizn'");
  EXPECT_EQ(
      ErrorOf("local cl = require 'creditlens'\n"
              "return cl.projection {\n"
              "  scenarios = { cl.scenario { name = 'A', changes = { { feature = 'x', scale = 2 } } } },\n"
              "}\n"),
      file_ + ":3: cl.scenario 'A'.changes[1] must be made with cl.change { ... }");
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\n"
                    "return cl.projection {\n"
                    "  scenarios = { cl.scenario { name = 'A' }, cl.scenario { name = 'A' } },\n"
                    "}\n"),
            file_ + ":3: scenarios[2].name: \"A\" is already the name of scenarios[1]");
  EXPECT_EQ(
      ErrorOf("local cl = require 'creditlens'\n"
              "return cl.projection { method = 'linear', scenarios = { cl.scenario { name = 'A' } } }\n"),
      file_ + ": method: expected seasonal or current_rate, got \"linear\"");
  EXPECT_EQ(
      ErrorOf("local cl = require 'creditlens'\nreturn { scenarios = { cl.scenario { name = 'A' } } }\n"),
      file_ + ": the file must return cl.projection { ... }");
}

TEST_F(ScenarioFileTest, ScriptFailuresNameTheLine) {
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\nwhile true do end\n"),
            file_ + ":2: instruction budget of 20000000 exceeded");
  EXPECT_THAT(ErrorOf("local cl = require 'creditlens'\nreturn cl.projection {\n  scenarios = {\n}\n"),
              StartsWith(file_ + ":5: '}' expected (to close '{' at line 2)"));
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\nerror('stop here')\n"), file_ + ":2: stop here");
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\nerror('stop here')\n").find("traceback"),
            std::string::npos);
}

TEST_F(ScenarioFileTest, AMissingFileIsNamed) {
  const std::string missing = (dir_ / "nosuch.lua").string();
  try {
    LoadScenarioFile(missing, CREDITLENS_SCRIPTS_DIR);
    FAIL() << "no error";
  } catch (const SpecError& e) {
    EXPECT_EQ(std::string(e.what()), missing + ": no such file");
  }
}

}  // namespace
}  // namespace creditlens::projection
