// The sample organisation's eight workspaces: five teams and three people, across time zones from
// Los Angeles to Sydney, each with its plans, grants and habits (see organisation.h).
#include "organisation.h"

#include <utility>

namespace creditlens::sample {
namespace {

using date::local_days;
using F = Feature;

// A day `months_back` months before the history starts, on day-of-month `day`; for a day that a
// month lacks (the 31st, the 30th in February) the anchor moves to an earlier month that has it.
local_days AnchorBefore(local_days first, int months_back, unsigned day) {
  date::year_month month = date::year_month_day{first}.year() / date::year_month_day{first}.month();
  month -= date::months{months_back};
  while (!(month / date::day{day}).ok()) month -= date::months{1};
  return local_days{month / date::day{day}};
}

// The local day a fraction of the way through the history.
local_days At(const HistoryRange& history, double fraction) {
  return history.first_day_local() + date::days{static_cast<int>(history.days * fraction)};
}

local_days YearLater(local_days day) {
  const date::year_month_day ymd{day};
  date::year_month_day later = ymd + date::years{1};
  if (!later.ok()) later = later.year() / later.month() / date::last;  // 29 February
  return local_days{later};
}

std::vector<std::string> Users(const std::string& workspace_id, std::initializer_list<const char*> names) {
  std::vector<std::string> users;
  for (const char* name : names) users.push_back("u_" + workspace_id + "_" + name);
  return users;
}

std::vector<std::string> Keys(const std::string& workspace_id, std::initializer_list<const char*> names) {
  std::vector<std::string> keys;
  for (const char* name : names) keys.push_back("key_" + workspace_id + "_" + name);
  return keys;
}

SourceSpec Source(std::string name, bool automated, double weight, double mean_events, int max_minutes,
                  std::vector<Step> steps, std::string folder, int api_key, int user, double scale = 1) {
  SourceSpec source;
  source.name = std::move(name);
  source.automated = automated;
  source.weight = weight;
  source.mean_events = mean_events;
  source.max_minutes = max_minutes;
  source.steps = std::move(steps);
  source.folder = std::move(folder);
  source.api_key = api_key;
  source.user = user;
  source.scale = scale;
  return source;
}

// Feature weights of one-off calls, in catalogue order: storage, transfer, vector_index, fine_tune,
// gpu-hours, hosted, serverless, uptime, agent_runs, tool_calls, document_parsing, ocr_pages.
constexpr std::array<double, kFeatureCount> kTeamAdhoc = {0.4, 1.0, 0.6, 0.3, 0.15, 3.0,
                                                          3.0, 0.3, 1.0, 2.0, 1.2,  0.8};
constexpr std::array<double, kFeatureCount> kPersonalAdhoc = {0.1, 0.4, 0.3, 0.05, 0.0, 1.5,
                                                              3.0, 0.0, 1.5, 2.5,  1.0, 0.6};

WorkspaceSpec AcmeVision(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws001";
  ws.name = "Acme Vision";
  ws.timezone = "Europe/Berlin";
  ws.billing_email = "billing.acme@example.test";
  ws.price_per_credit = 0.01;
  ws.flex_enabled = true;
  ws.flex_threshold_factor = 0.5;
  ws.members_limit = 10, ws.members_count = 8, ws.projects_limit = 50, ws.projects_count = 14;
  // Anchored on the 31st: short months end their cycle on the last day.
  ws.subscriptions.push_back({"pro",
                              AnchorBefore(h.first_day_local(), 10, 31),
                              std::nullopt,
                              BillingCycle::kMonthly,
                              {0.75, true},
                              0.012});
  const local_days bundle = At(h, 0.35);
  ws.grants.push_back({"g-ws001-1", bundle, YearLater(bundle), {1.0, true}, 0.08, 50});
  ws.size = 5.0, ws.growth = 1.2, ws.spike_count = 3, ws.run_share = 0.75;
  ws.users = Users(ws.id, {"anna", "ben", "chloe", "david", "elif", "felix", "greta", "hugo"});
  ws.api_keys = Keys(ws.id, {"prod", "staging", "dev", "agents"});
  ws.folders = {"/prod", "/prod/eu",     "/prod/eu/batch", "/prod/us",        "/staging",
                "/dev",  "/dev/sandbox", "/research/nlp",  "/research/vision"};
  ws.sources = {
      Source("nightly-etl", true, 3, 8, 50,
             {{"extract", F::kDataTransfer},
              {"parse", F::kDocumentParsing},
              {"ocr", F::kOcrPages},
              {"embed", F::kVectorIndex},
              {"store", F::kDataStorage}},
             "/prod/eu/batch", 0, -1),
      Source("support-agent", false, 5, 5, 10,
             {{"plan", F::kAgentRuns},
              {"search", F::kToolCalls},
              {"rank", F::kInferenceHosted},
              {"answer", F::kInferenceServerless}},
             "/prod/eu", 3, -1),
      Source("rag-indexer", true, 1.5, 4, 20,
             {{"fetch", F::kDataTransfer}, {"chunk", F::kDocumentParsing}, {"embed", F::kVectorIndex}},
             "/prod/us", 0, -1),
      Source("model-serving", true, 2, 3, 60, {{"serve", F::kEndpointUptime}, {"infer", F::kInferenceHosted}},
             "/prod", 0, -1),
      Source("eval-suite", false, 1, 6, 40,
             {{"generate", F::kInferenceServerless}, {"judge", F::kAgentRuns}, {"score", F::kToolCalls}},
             "/staging", 1, 2),
      Source("llm-finetune", false, 0.4, 6, 55,
             {{"prepare", F::kDataTransfer},
              {"train", F::kTrainingGpuHours},
              {"tune", F::kFineTune},
              {"evaluate", F::kInferenceHosted}},
             "/research/nlp", 2, 4, 2),
      Source(
          "vision-train", false, 0.3, 4, 45,
          {{"augment", F::kDataStorage}, {"train", F::kTrainingGpuHours}, {"evaluate", F::kInferenceHosted}},
          "/research/vision", 2, 5, 1.5),
  };
  ws.spike_source = 5;
  ws.adhoc_mix = kTeamAdhoc;
  return ws;
}

WorkspaceSpec NorthwindAnalytics(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws002";
  ws.name = "Northwind Analytics";
  ws.timezone = "America/New_York";
  ws.billing_email = "ap.northwind@example.test";
  ws.price_per_credit = 0.01;
  ws.flex_enabled = true;
  ws.flex_threshold_factor = std::nullopt;  // no cap on flex
  ws.members_limit = 25, ws.members_count = 18, ws.projects_limit = 100, ws.projects_count = 31;
  // Outgrew "core" and moved to "pro" mid-history: the change resets the cycle.
  const local_days change = At(h, 0.55);
  ws.subscriptions.push_back(
      {"core", AnchorBefore(h.first_day_local(), 7, 15), change, BillingCycle::kMonthly, {0.7, true}, 0.013});
  ws.subscriptions.push_back({"pro", change, std::nullopt, BillingCycle::kMonthly, {1.4, false}, 0.011});
  ws.size = 2.4, ws.growth = 0.9, ws.spike_count = 2, ws.run_share = 0.7;
  ws.users = Users(ws.id, {"olivia", "marcus", "sofia", "james", "amara", "li"});
  ws.api_keys = Keys(ws.id, {"prod", "ci", "analytics"});
  ws.folders = {"/prod", "/prod/us",           "/prod/us/reports",    "/prod/eu",
                "/ci",   "/analytics/finance", "/analytics/marketing"};
  ws.sources = {
      Source("invoice-parser", false, 4, 4, 15,
             {{"extract", F::kDocumentParsing}, {"ocr", F::kOcrPages}, {"classify", F::kInferenceServerless}},
             "/analytics/finance", 2, 1),
      Source("nightly-etl", true, 2, 7, 45,
             {{"extract", F::kDataTransfer}, {"transform", F::kDocumentParsing}, {"load", F::kDataStorage}},
             "/prod/us/reports", 0, -1),
      Source("support-agent", false, 3, 5, 10,
             {{"plan", F::kAgentRuns}, {"search", F::kToolCalls}, {"answer", F::kInferenceServerless}},
             "/prod/us", 0, -1),
      Source("ci-regression", true, 1, 5, 25,
             {{"build", F::kInferenceServerless}, {"test", F::kToolCalls}, {"report", F::kInferenceHosted}},
             "/ci", 1, -1),
      Source("forecast-train", false, 0.3, 5, 50,
             {{"prepare", F::kDataTransfer}, {"train", F::kTrainingGpuHours}, {"tune", F::kFineTune}},
             "/analytics/marketing", 2, 3, 2),
  };
  ws.spike_source = 4;
  ws.adhoc_mix = kTeamAdhoc;
  return ws;
}

WorkspaceSpec LotusLabs(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws003";
  ws.name = "Lotus Labs";
  ws.timezone = "Asia/Kolkata";
  ws.billing_email = "finance.lotus@example.test";
  ws.price_per_credit = 0.008;
  ws.flex_enabled = false;
  ws.members_limit = 10, ws.members_count = 6, ws.projects_limit = 20, ws.projects_count = 9;
  ws.subscriptions.push_back({"core",
                              AnchorBefore(h.first_day_local(), 10, 1),
                              std::nullopt,
                              BillingCycle::kMonthly,
                              {1.0, true},
                              0.0095});
  const local_days first_bundle = At(h, 0.2);
  const local_days second_bundle = At(h, 0.7);
  ws.grants.push_back({"g-ws003-1", first_bundle, YearLater(first_bundle), {1.5, true}, 0.1, 50});
  ws.grants.push_back({"g-ws003-2", second_bundle, YearLater(second_bundle), {0.75, true}, 0.05, 10});
  ws.size = 1.6, ws.growth = 0.9, ws.spike_count = 2, ws.run_share = 0.7;
  ws.users = Users(ws.id, {"aarav", "diya", "kabir", "meera", "rohan", "sara"});
  ws.api_keys = Keys(ws.id, {"prod", "dev"});
  ws.folders = {"/prod", "/prod/in", "/prod/in/batch", "/dev", "/research/nlp"};
  ws.sources = {
      Source("doc-digitiser", true, 3, 6, 30,
             {{"ingest", F::kDataTransfer},
              {"ocr", F::kOcrPages},
              {"parse", F::kDocumentParsing},
              {"index", F::kVectorIndex}},
             "/prod/in/batch", 0, -1),
      Source("translation-agent", false, 3, 4, 10,
             {{"plan", F::kAgentRuns}, {"lookup", F::kToolCalls}, {"translate", F::kInferenceHosted}},
             "/prod/in", 0, -1),
      Source("model-serving", true, 1.5, 3, 60,
             {{"serve", F::kEndpointUptime}, {"infer", F::kInferenceHosted}}, "/prod", 0, -1),
      Source("llm-finetune", false, 0.4, 6, 55,
             {{"prepare", F::kDataTransfer},
              {"train", F::kTrainingGpuHours},
              {"tune", F::kFineTune},
              {"evaluate", F::kInferenceServerless}},
             "/research/nlp", 1, 3, 2),
  };
  ws.spike_source = 3;
  ws.adhoc_mix = kTeamAdhoc;
  return ws;
}

WorkspaceSpec SakuraRobotics(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws004";
  ws.name = "Sakura Robotics";
  ws.timezone = "Asia/Tokyo";
  ws.billing_email = "keiri.sakura@example.test";
  ws.price_per_credit = 0.009;
  ws.flex_enabled = true;
  ws.flex_threshold_factor = 0.1;
  ws.members_limit = 25, ws.members_count = 12, ws.projects_limit = 50, ws.projects_count = 20;
  ws.subscriptions.push_back({"pro",
                              AnchorBefore(h.first_day_local(), 7, 10),
                              std::nullopt,
                              BillingCycle::kAnnual,
                              {1.25, false},
                              0.0105});
  ws.size = 1.4, ws.growth = 0.3, ws.spike_count = 3, ws.run_share = 0.75;
  ws.users = Users(ws.id, {"haruto", "yui", "sota", "hina", "ren"});
  ws.api_keys = Keys(ws.id, {"fleet", "sim", "dev"});
  ws.folders = {"/fleet", "/fleet/jp", "/fleet/jp/osaka", "/sim", "/sim/grasping", "/dev"};
  ws.sources = {
      Source("fleet-telemetry", true, 3, 5, 20,
             {{"upload", F::kDataTransfer}, {"archive", F::kDataStorage}, {"index", F::kVectorIndex}},
             "/fleet/jp/osaka", 0, -1),
      Source("robot-agent", false, 3, 6, 15,
             {{"perceive", F::kInferenceHosted}, {"plan", F::kAgentRuns}, {"act", F::kToolCalls}},
             "/fleet/jp", 0, -1),
      Source("policy-serving", true, 1, 3, 60,
             {{"serve", F::kEndpointUptime}, {"infer", F::kInferenceHosted}}, "/fleet", 0, -1),
      Source(
          "sim-train", false, 0.5, 5, 55,
          {{"simulate", F::kDataStorage}, {"train", F::kTrainingGpuHours}, {"evaluate", F::kInferenceHosted}},
          "/sim/grasping", 1, 2, 2),
  };
  ws.spike_source = 3;
  ws.adhoc_mix = kTeamAdhoc;
  return ws;
}

WorkspaceSpec HarbourHealth(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws005";
  ws.name = "Harbour Health";
  ws.timezone = "Australia/Sydney";
  ws.billing_email = "accounts.harbour@example.test";
  ws.price_per_credit = 0.01;
  ws.flex_enabled = false;
  ws.members_limit = 10, ws.members_count = 5, ws.projects_limit = 20, ws.projects_count = 6;
  ws.subscriptions.push_back({"core",
                              AnchorBefore(h.first_day_local(), 9, 30),
                              std::nullopt,
                              BillingCycle::kMonthly,
                              {1.8, false},
                              0.012});
  ws.size = 1.0, ws.growth = 0.1, ws.spike_count = 1, ws.run_share = 0.7;
  ws.users = Users(ws.id, {"olivia", "jack", "mia", "noah", "isla"});
  ws.api_keys = Keys(ws.id, {"prod", "dev"});
  ws.folders = {"/prod", "/prod/au", "/prod/au/intake", "/dev"};
  ws.sources = {
      Source("intake-ocr", false, 4, 5, 20,
             {{"scan", F::kOcrPages}, {"parse", F::kDocumentParsing}, {"classify", F::kInferenceServerless}},
             "/prod/au/intake", 0, -1),
      Source("triage-agent", false, 2, 5, 10,
             {{"plan", F::kAgentRuns}, {"lookup", F::kToolCalls}, {"summarise", F::kInferenceHosted}},
             "/prod/au", 0, -1),
      Source("records-sync", true, 1.5, 4, 30, {{"pull", F::kDataTransfer}, {"store", F::kDataStorage}},
             "/prod", 0, -1),
      Source("model-refresh", false, 0.2, 4, 50,
             {{"train", F::kTrainingGpuHours}, {"tune", F::kFineTune}, {"evaluate", F::kInferenceHosted}},
             "/dev", 1, 2, 1.5),
  };
  ws.spike_source = 3;
  ws.adhoc_mix = kTeamAdhoc;
  return ws;
}

WorkspaceSpec JamieRivera(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws006";
  ws.name = "Jamie Rivera";
  ws.kind = WorkspaceKind::kPersonal;
  ws.timezone = "UTC";
  ws.billing_email = "jamie.rivera@example.test";
  ws.price_per_credit = 0.01;
  ws.flex_enabled = true;
  ws.flex_threshold_factor = 0.5;
  ws.members_limit = 1, ws.members_count = 1, ws.projects_limit = 5, ws.projects_count = 4;
  ws.subscriptions.push_back({"starter",
                              AnchorBefore(h.first_day_local(), 5, 3),
                              std::nullopt,
                              BillingCycle::kMonthly,
                              {0.8, true},
                              0.015});
  ws.size = 0.5, ws.growth = 0.5, ws.spike_count = 1, ws.run_share = 0.5;
  ws.users = Users(ws.id, {"jamie"});
  ws.api_keys = Keys(ws.id, {"personal"});
  ws.folders = {"/side-project", "/side-project/bot", "/experiments"};
  ws.sources = {
      Source("discord-bot", true, 3, 3, 5,
             {{"plan", F::kAgentRuns}, {"tools", F::kToolCalls}, {"reply", F::kInferenceServerless}},
             "/side-project/bot", 0, 0),
      Source("notebook-experiments", false, 1, 3, 30,
             {{"embed", F::kVectorIndex}, {"query", F::kInferenceHosted}}, "/experiments", -1, 0),
      Source("weekend-finetune", false, 0.03, 4, 50,
             {{"train", F::kTrainingGpuHours}, {"tune", F::kFineTune}}, "/experiments", -1, 0, 1.5),
  };
  ws.spike_source = 2;
  ws.adhoc_mix = kPersonalAdhoc;
  return ws;
}

WorkspaceSpec PriyaNair(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws007";
  ws.name = "Priya Nair";
  ws.kind = WorkspaceKind::kPersonal;
  ws.timezone = "America/Los_Angeles";
  ws.billing_email = "priya.nair@example.test";
  ws.price_per_credit = 0.01;
  ws.flex_enabled = false;
  ws.members_limit = 1, ws.members_count = 1, ws.projects_limit = 5, ws.projects_count = 2;
  ws.subscriptions.push_back({"starter",
                              AnchorBefore(h.first_day_local(), 3, 20),
                              std::nullopt,
                              BillingCycle::kMonthly,
                              {0.85, true},
                              0.015});
  const local_days bundle = At(h, 0.5);
  ws.grants.push_back({"g-ws007-1", bundle, YearLater(bundle), {2.0, true}, 0.05, 50});
  ws.size = 0.35, ws.growth = 0.3, ws.spike_count = 0, ws.run_share = 0.5;
  ws.users = Users(ws.id, {"priya"});
  ws.api_keys = Keys(ws.id, {"laptop", "server"});
  ws.folders = {"/reading", "/research", "/research/papers"};
  ws.sources = {
      Source("pdf-summariser", false, 2, 3, 10,
             {{"parse", F::kDocumentParsing}, {"ocr", F::kOcrPages}, {"summarise", F::kInferenceServerless}},
             "/research/papers", 0, 0),
      Source("research-agent", false, 2, 5, 15,
             {{"plan", F::kAgentRuns}, {"search", F::kToolCalls}, {"answer", F::kInferenceHosted}},
             "/research", 1, 0),
  };
  ws.adhoc_mix = kPersonalAdhoc;
  return ws;
}

WorkspaceSpec TomBecker(const HistoryRange& h) {
  WorkspaceSpec ws;
  ws.id = "ws008";
  ws.name = "Tom Becker";
  ws.kind = WorkspaceKind::kPersonal;
  ws.timezone = "Europe/Berlin";
  ws.billing_email = "tom.becker@example.test";
  ws.price_per_credit = 0.01;
  ws.flex_enabled = false;
  ws.members_limit = 1, ws.members_count = 1, ws.projects_limit = 5, ws.projects_count = 1;
  // A newer customer: signed up 40% of the way into the history.
  ws.active_from = At(h, 0.4);
  ws.subscriptions.push_back(
      {"starter", ws.active_from, std::nullopt, BillingCycle::kMonthly, {2.5, false}, 0.015});
  ws.size = 0.3, ws.growth = 0.2, ws.spike_count = 0, ws.run_share = 0.4;
  ws.users = Users(ws.id, {"tom"});
  ws.api_keys = Keys(ws.id, {"home"});
  ws.folders = {"/podcast", "/homework"};
  ws.sources = {
      Source("podcast-transcriber", false, 1, 4, 20,
             {{"upload", F::kDataTransfer},
              {"transcribe", F::kInferenceServerless},
              {"notes", F::kDocumentParsing}},
             "/podcast", 0, 0),
      Source("homework-helper", false, 2, 3, 10,
             {{"plan", F::kAgentRuns}, {"tools", F::kToolCalls}, {"answer", F::kInferenceServerless}},
             "/homework", -1, 0),
  };
  ws.adhoc_mix = kPersonalAdhoc;
  return ws;
}

}  // namespace

Organisation BuildSampleOrganisation(const HistoryRange& history) {
  Organisation org;
  org.workspaces = {AcmeVision(history),     NorthwindAnalytics(history), LotusLabs(history),
                    SakuraRobotics(history), HarbourHealth(history),      JamieRivera(history),
                    PriyaNair(history),      TomBecker(history)};
  for (WorkspaceSpec& ws : org.workspaces) ws.zone = date::locate_zone(ws.timezone);
  return org;
}

}  // namespace creditlens::sample
