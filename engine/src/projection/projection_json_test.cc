// The saved projection document: everything saved reads back equal, amounts exactly; each mistake in
// assumptions or document is refused with the place, the field's path and what was expected.
#include "projection/projection_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cmath>

#include "projection/spec_test_support.h"

namespace creditlens::projection {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

MicroCredits Credits(double credits) { return std::llround(credits * kMicrosPerCredit); }

Band MakeBand(double p10, double p50, double p90) { return {Credits(p10), Credits(p50), Credits(p90)}; }

ScenarioResult SampleResult(const std::string& name) {
  ScenarioResult r;
  r.name = name;
  r.projected = MakeBand(900.5, 1000.25, 1200.125);
  r.beyond_included = {Credits(50), Credits(12.5), 1, 46, 15};
  r.beyond_included_p10 = {Credits(10), 0, 0, 9, 0};
  r.beyond_included_p90 = {Credits(100), Credits(80), Credits(3), 92, 12345};
  r.included_runs_out = Day("2026-12-20");
  FeatureResult hosted;
  hosted.category = "deploy";
  hosted.feature = "inference_hosted";
  hosted.basis_credits = Credits(310.000001);
  hosted.basis_rate_per_day = 0.1 + 0.2;
  hosted.projected = MakeBand(1, 2, 3);
  hosted.changed = true;
  FeatureResult agents;
  agents.category = "agents";
  agents.feature = "agent_runs";
  agents.projected = MakeBand(0, 0.5, 1);
  agents.added = true;
  r.features = {hosted, agents};
  CycleResult current;
  current.first_day = Day("2026-11-11");
  current.last_day = Day("2026-12-10");
  current.included = current.included_applied = Credits(1000);
  current.actual = Credits(700);
  current.projected = Credits(400);
  current.prepaid_applied = Credits(100);
  current.included_runs_out = Day("2026-12-05");
  CycleResult next;
  next.first_day = Day("2026-12-11");
  next.last_day = Day("2027-01-10");
  next.cut_at_horizon = true;
  next.included = Credits(1000);
  next.projected = Credits(1500);
  next.flex_credits = Credits(200);
  next.over_limit = Credits(300);
  next.flex_cost = 240;
  r.cycles = {current, next};
  DayPoint today;
  today.day = Day("2026-11-22");
  today.actual = Credits(33.3);
  today.cycle_to_date = MakeBand(700, 700, 700);
  today.included = Credits(1000);
  DayPoint tomorrow;
  tomorrow.day = Day("2026-11-23");
  tomorrow.daily = MakeBand(30, 35, 41);
  tomorrow.cycle_to_date = MakeBand(730, 735, 741);
  tomorrow.included = Credits(1000);
  r.days = {today, tomorrow};
  return r;
}

// A projection with every field set, optional ones both present and absent.
Projection SampleProjection() {
  Projection p;
  const std::vector<FeatureChange> growth = {
      ChangeOf("inference_hosted", ChangeKind::kScale, 2).From("2026-12-01").At("growth.lua:11"),
      ChangeOf("embeddings", ChangeKind::kAdd, 300.25)
          .Per(RatePer::kWeek)
          .From("2026-12-01")
          .To("2027-01-31")
          .At("growth.lua:12"),
      ChangeOf("agent_runs", ChangeKind::kSet, 0.1)
          .Category("agents")
          .Per(RatePer::kMonth)
          .From("2026-12-01")
          .To("2027-02-28")
          .RampUntil("2026-12-31")
          .At("growth.lua:13"),
  };
  p.spec =
      MakeSpec("Inference doubles \"soon\"", "next_cycle_end", "2026-09-01..2026-09-30", Method::kCurrentRate,
               {MakeScenario("As is", "growth.lua:9"), MakeScenario("Growth", "growth.lua:10", growth),
                MakeScenario("From scratch", "growth.lua:15",
                             {ChangeOf("ocr_pages", ChangeKind::kAdd, -1.5).At("growth.lua:16")},
                             StartMode::kScratch)});
  p.spec.workspace = "ws001";
  p.resolved.workspace_id = "ws001";
  p.resolved.workspace_name = "Acme Vision";
  p.resolved.timezone = "Europe/Berlin";
  p.resolved.as_of_ms = *model::ParseIsoTimestamp("2026-11-22T23:59:59.999Z");
  p.resolved.last_actual_day = Day("2026-11-22");
  p.resolved.basis_first_day = Day("2026-09-01");
  p.resolved.basis_last_day = Day("2026-09-30");
  p.resolved.first_projected_day = Day("2026-11-23");
  p.resolved.horizon_day = Day("2027-01-10");
  for (const Scenario& scenario : p.spec.scenarios) p.scenarios.push_back(SampleResult(scenario.name));
  p.scenarios[1].prepaid_runs_out = Day("2027-01-02");
  return p;
}

TEST(ProjectionJsonTest, LoadsBackWhatItSaved) {
  const Projection saved = SampleProjection();
  const std::string text = SaveProjection(saved);
  EXPECT_EQ(LoadProjection(text, "saved.json"), saved);
  EXPECT_THAT(text, StartsWith("{\n  \"creditlens_projection\": 1,\n  \"assumptions\": {\n"));
  EXPECT_THAT(text, HasSubstr("\"as_of\": \"2026-11-22T23:59:59.999Z\""));
  EXPECT_THAT(text,
              HasSubstr("{\"feature\": \"inference_hosted\", \"category\": null, \"scale\": 2, \"from\": "
                        "\"2026-12-01\", \"to\": null, \"ramp_until\": null, \"where\": \"growth.lua:11\"}"));
  EXPECT_THAT(text, HasSubstr("\"projected\": {\"p10\": 900.5, \"p50\": 1000.25, \"p90\": 1200.125}"));
  EXPECT_THAT(text, HasSubstr("\"flex_cost\": 123.45}"));
  EXPECT_THAT(text, HasSubstr("\"basis_rate_per_day\": 0.30000000000000004"));
  EXPECT_THAT(text, HasSubstr("{\"day\": \"2026-11-23\", \"actual\": null, \"daily\": {"));
  EXPECT_EQ(SaveProjection(LoadProjection(text, "saved.json")), text);
}

TEST(ProjectionJsonTest, AmountsReadBackExactly) {
  Projection saved = SampleProjection();
  const MicroCredits credits[] = {9'000'000'000'000'001, 8'999'999'999'999'999, 1, 123'456'789'123'456,
                                  -2'500'001};
  const billing::Cents cents[] = {900'000'000'000'001, 1, 5, -5, 123'456'789};
  for (std::size_t i = 0; i < std::size(credits); ++i) {
    saved.scenarios[0].projected = {credits[i], credits[i], credits[i]};
    saved.scenarios[0].cycles[0].flex_cost = cents[i];
    const std::string text = SaveProjection(saved);
    EXPECT_THAT(text, HasSubstr("\"p50\": " + FormatMicroCredits(credits[i]) + ","));
    EXPECT_THAT(text, HasSubstr("\"flex_cost\": " + billing::FormatCents(cents[i]) + ","));
    const Projection loaded = LoadProjection(text, "saved.json");
    EXPECT_EQ(loaded.scenarios[0].projected.p50, credits[i]);
    EXPECT_EQ(loaded.scenarios[0].cycles[0].flex_cost, cents[i]);
  }
}

// The sample saved, with `from` replaced by `to` (once).
std::string SavedWith(const std::string& from, const std::string& to) {
  std::string text = SaveProjection(SampleProjection());
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

std::string LoadErrorOf(const std::string& text) {
  try {
    LoadProjection(text, "saved.json");
  } catch (const SpecError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ProjectionJsonTest, RefusesOtherSchemaVersions) {
  EXPECT_EQ(LoadErrorOf(SavedWith("\"creditlens_projection\": 1", "\"creditlens_projection\": 2")),
            "saved.json: $.creditlens_projection: expected schema version 1, the only one this creditlens "
            "reads, got 2");
  EXPECT_EQ(LoadErrorOf(R"({"workspaces": []})"),
            "saved.json: $: not a saved projection: it has no \"creditlens_projection\" field (the schema "
            "version)");
}

TEST(ProjectionJsonTest, DocumentMistakesNameTheFileAndTheJsonPath) {
  EXPECT_EQ(LoadErrorOf("{\n  \"creditlens_projection\": 1,\n  \"assumptions\" {}\n}"),
            "saved.json:3:17: invalid JSON: syntax error");
  EXPECT_EQ(LoadErrorOf(SavedWith("\"per\": \"week\"", "\"per\": \"fortnight\"")),
            "saved.json: $.assumptions.scenarios[1].changes[1].per: expected day, week or month, got "
            "\"fortnight\"");
  EXPECT_THAT(LoadErrorOf(SavedWith("\"scale\": 2", "\"scael\": 2")),
              StartsWith("saved.json: $.assumptions.scenarios[1].changes[0].scael: unknown field (accepted: "
                         "add, category, feature, from, per, ramp_until, scale, set, to, where)"));
  EXPECT_EQ(LoadErrorOf(SavedWith("\"p50\": 1000.25", "\"p50\": 1000.0000001")),
            "saved.json: $.scenarios[0].projected.p50: expected credits with at most 6 decimals, got "
            "1000.0000001");
  EXPECT_EQ(LoadErrorOf(SavedWith("\"flex_cost\": 123.45", "\"flex_cost\": 123.456")),
            "saved.json: $.scenarios[0].beyond_included_p90.flex_cost: expected dollars with at most 2 "
            "decimals, got 123.456");
  EXPECT_EQ(LoadErrorOf(SavedWith("\"horizon_day\": \"2027-01-10\"", "\"horizon_day\": \"10/01/2027\"")),
            "saved.json: $.resolved.horizon_day: expected a date YYYY-MM-DD, got \"10/01/2027\"");
  EXPECT_EQ(LoadErrorOf(SavedWith("\"as_of\": \"2026-11-22T23:59:59.999Z\"", "\"as_of\": \"2026-11-22\"")),
            "saved.json: $.resolved.as_of: expected an ISO 8601 time with offset such as "
            "2026-11-22T23:59:59.999Z, got \"2026-11-22\"");
  EXPECT_EQ(LoadErrorOf(SavedWith("\"workspace_name\": \"Acme Vision\",", "")),
            "saved.json: $.resolved.workspace_name: is required");
  EXPECT_EQ(LoadErrorOf(SavedWith("\"name\": \"Growth\",\n      \"projected\"",
                                  "\"name\": \"Grow\",\n      "
                                  "\"projected\"")),
            "saved.json: $.scenarios[1].name: \"Grow\" is not the name of $.assumptions.scenarios[1] "
            "(\"Growth\")");
}

// A scenario file's encoded table: one scenario "A" declared at s.lua:3 with the given changes.
std::string WithChanges(const std::string& changes, const std::string& scenario_fields = "") {
  return R"({"scenarios": [{"name": "A", "where": "s.lua:3", )" + scenario_fields + R"("changes": [)" +
         changes + "]}]}";
}

// One change declared at s.lua:4.
std::string WithChange(const std::string& fields) {
  return WithChanges(R"({"feature": "inference_hosted", "where": "s.lua:4", )" + fields + "}");
}

std::string SpecErrorOf(const std::string& json) {
  try {
    ParseProjectionSpec(boost::json::parse(json), "s.lua");
  } catch (const SpecError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ProjectionJsonTest, ReadsAScenarioFilesTable) {
  const ProjectionSpec spec = ParseProjectionSpec(
      boost::json::parse(
          R"({"title": "T", "horizon": "3m", "basis": "7d", "method": "current_rate", "scenarios": [
                {"name": "As is", "where": "s.lua:2"},
                {"name": "New", "start": "scratch", "where": "s.lua:3", "changes": [
                  {"feature": "agent_runs", "category": "agents", "set": 40, "per": "day",
                   "from": "2026-12-01", "ramp_until": "2026-12-31", "where": "s.lua:4"}]}]})"),
      "s.lua");
  const ProjectionSpec expected =
      MakeSpec("T", "3m", "7d", Method::kCurrentRate,
               {MakeScenario("As is", "s.lua:2"), MakeScenario("New", "s.lua:3",
                                                               {ChangeOf("agent_runs", ChangeKind::kSet, 40)
                                                                    .Category("agents")
                                                                    .From("2026-12-01")
                                                                    .RampUntil("2026-12-31")
                                                                    .At("s.lua:4")},
                                                               StartMode::kScratch)});
  EXPECT_EQ(spec, expected);
  // Defaults: the spec's own, and a day's rate.
  const ProjectionSpec defaults = ParseProjectionSpec(boost::json::parse(WithChange(R"("add": 5)")), "s.lua");
  EXPECT_EQ(defaults.horizon, "cycle_end");
  EXPECT_EQ(defaults.basis, "30d");
  EXPECT_EQ(defaults.method, Method::kSeasonal);
  EXPECT_EQ(defaults.scenarios[0].changes[0].per, RatePer::kDay);
  EXPECT_FALSE(defaults.scenarios[0].changes[0].from_day);
}

TEST(ProjectionJsonTest, ChangeMistakesNameTheDeclarationAndTheField) {
  const std::string at = "s.lua:4: scenarios[1].changes[1]";
  EXPECT_EQ(SpecErrorOf(WithChange(R"("per": "week")")), at + ": give one of scale, add or set");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("scale": 2, "add": 3)")),
            at + ": give only one of scale, add or set, not scale and add");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 3, "per": "fortnight")")),
            at + ".per: expected day, week or month, got \"fortnight\"");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("scale": 2, "per": "week")")),
            at + ".per: a scale factor has no period; per is for add and set");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("scale": -1)")), at + ".scale: expected a factor >= 0, got -1");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("set": -0.5)")), at + ".set: expected credits >= 0, got -0.5");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": "300")")), at + ".add: expected a number, got \"300\"");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("set": null, "add": true)")), at + ".add: expected a number, got true");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 1e999)")), at + ".add: expected a finite number, got inf");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 1, "from": "2026-02-30")")),
            at + ".from: expected a date YYYY-MM-DD, got \"2026-02-30\"");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 1, "to": 20261201)")),
            at + ".to: expected a date YYYY-MM-DD, got 20261201");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 1, "from": "2026-12-01", "to": "2026-11-30")")),
            at + ".to: 2026-11-30 is before from (2026-12-01)");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 1, "from": "2026-12-01", "ramp_until": "2026-11-30")")),
            at + ".ramp_until: 2026-11-30 is before from (2026-12-01)");
  EXPECT_EQ(SpecErrorOf(WithChange(R"("add": 1, "to": "2026-12-31", "ramp_until": "2027-01-15")")),
            at + ".ramp_until: 2027-01-15 is after to (2026-12-31)");
  EXPECT_EQ(
      SpecErrorOf(WithChange(R"("add": 1, "until": "2026-12-31")")),
      at + ".until: unknown field (accepted: add, category, feature, from, per, ramp_until, scale, set, to, "
           "where)");
  EXPECT_EQ(SpecErrorOf(WithChanges(R"({"scale": 2, "where": "s.lua:4"})")), at + ".feature: is required");
}

TEST(ProjectionJsonTest, ScenarioAndTopLevelMistakesNameTheDeclarationOrTheFile) {
  EXPECT_EQ(SpecErrorOf(WithChanges("", R"("start": "empty", )")),
            "s.lua:3: scenarios[1].start: expected current or scratch, got \"empty\"");
  EXPECT_EQ(SpecErrorOf(WithChanges("", R"("start": "scratch", )")),
            "s.lua:3: scenarios[1]: a scratch scenario starts from nothing: give it changes that add or set "
            "features");
  EXPECT_EQ(SpecErrorOf(WithChanges(R"({"feature": "x", "scale": 2, "where": "s.lua:4"})",
                                    R"("start": "scratch", )")),
            "s.lua:3: scenarios[1]: a scratch scenario starts from nothing: give it changes that add or set "
            "features");
  EXPECT_EQ(
      SpecErrorOf(R"({"scenarios": [{"name": "A", "where": "s.lua:3"}, {"name": "A", "where": "s.lua:4"}]})"),
      "s.lua:4: scenarios[2].name: \"A\" is already the name of scenarios[1]");
  EXPECT_EQ(SpecErrorOf(R"({"scenarios": [{"where": "s.lua:3"}]})"),
            "s.lua:3: scenarios[1].name: is required");
  EXPECT_EQ(SpecErrorOf(R"({"scenarios": []})"), "s.lua: scenarios: give at least one scenario");
  EXPECT_EQ(SpecErrorOf(R"({"title": "T"})"), "s.lua: scenarios: give at least one scenario");
  EXPECT_EQ(SpecErrorOf(R"({"scenarios": {"name": "A"}})"),
            "s.lua: scenarios: expected a list, got an object");
  EXPECT_EQ(SpecErrorOf(R"({"scenarios": ["A"]})"), "s.lua: scenarios[1]: expected an object, got \"A\"");
  EXPECT_EQ(SpecErrorOf(R"({"method": "linear", "scenarios": [{"name": "A"}]})"),
            "s.lua: method: expected seasonal or current_rate, got \"linear\"");
  EXPECT_EQ(SpecErrorOf(R"({"horizon": 3, "scenarios": [{"name": "A"}]})"),
            "s.lua: horizon: expected a string, got 3");
  EXPECT_EQ(SpecErrorOf(R"({"basis": ["30d"], "scenarios": [{"name": "A"}]})"),
            "s.lua: basis: expected a string, got a list");
  EXPECT_THAT(SpecErrorOf(R"({"horizn": "3m", "scenarios": [{"name": "A"}]})"),
              StartsWith("s.lua: horizn: unknown field (accepted: basis, horizon, method, scenarios, title, "
                         "workspace)"));
}

}  // namespace
}  // namespace creditlens::projection
