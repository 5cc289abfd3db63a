// creditlens schedule status: the run log, newest first, with each run's deliveries per recipient.
#include <boost/json.hpp>
#include <cstdio>

#include "deliver/outbox.h"
#include "model/timestamp.h"
#include "schedule_command.h"
#include "schedule_setup.h"

namespace creditlens::cli {
namespace {

std::string Attempts(int attempts) {
  return std::to_string(attempts) + (attempts == 1 ? " attempt" : " attempts");
}

void PrintText(deliver::Outbox& outbox, const std::vector<deliver::RunStatus>& runs) {
  if (runs.empty()) std::printf("no runs\n");
  for (const auto& run : runs) {
    std::printf("run %lld  %s  %s  fire %s  %s%s%s\n", static_cast<long long>(run.id),
                run.key.schedule.c_str(),
                run.key.workspace.empty() ? "organisation" : run.key.workspace.c_str(),
                model::FormatIsoUtc(run.key.fire_ms).c_str(), run.state.c_str(),
                run.period.empty() ? "" : ("  " + run.period).c_str(),
                run.error.empty() ? "" : ("  " + run.error).c_str());
    for (const auto& d : outbox.Deliveries(run.id)) {
      std::string line = "    " + d.channel + (d.recipient.empty() ? "" : " " + d.recipient) + "  " +
                         d.purpose + "  " + d.state + " (" + Attempts(d.attempts) + ")";
      if (d.state == "sent") line += " " + model::FormatIsoUtc(d.sent_ms);
      if (d.state == "pending" && d.attempts > 0) line += ", next " + model::FormatIsoUtc(d.next_attempt_ms);
      if (!d.last_error.empty() && d.state != "sent") line += ": " + d.last_error;
      std::printf("%s\n", line.c_str());
    }
  }
}

void PrintJson(deliver::Outbox& outbox, const std::vector<deliver::RunStatus>& runs) {
  boost::json::array out;
  for (const auto& run : runs) {
    boost::json::array deliveries;
    for (const auto& d : outbox.Deliveries(run.id)) {
      deliveries.push_back({{"id", d.id},
                            {"channel", d.channel},
                            {"recipient", d.recipient},
                            {"purpose", d.purpose},
                            {"state", d.state},
                            {"attempts", d.attempts},
                            {"error", d.last_error}});
    }
    out.push_back({{"run", run.id},
                   {"schedule", run.key.schedule},
                   {"workspace", run.key.workspace},
                   {"fire_time", model::FormatIsoUtc(run.key.fire_ms)},
                   {"state", run.state},
                   {"period", run.period},
                   {"error", run.error},
                   {"deliveries", std::move(deliveries)}});
  }
  std::printf("%s\n", boost::json::serialize(out).c_str());
}

int RunStatusCommand(const ParsedArgs& args, const std::filesystem::path&) {
  int limit = 50;
  if (const auto text = args.Get("limit")) {
    const auto parsed = ParseInteger(*text);
    if (!parsed || *parsed <= 0 || *parsed > 1'000'000) {
      throw UsageError("--limit expects a number from 1 to 1000000, got '" + *text + "'");
    }
    limit = static_cast<int>(*parsed);
  }
  deliver::Outbox outbox(OutboxPath(args), deliver::Outbox::Mode::kReadOnly);
  const auto runs = outbox.RecentRuns(args.Get("schedule").value_or(""), limit);
  args.Has("json") ? PrintJson(outbox, runs) : PrintText(outbox, runs);
  return 0;
}

}  // namespace

Command ScheduleStatusCommand() {
  CommandSpec spec{"status",
                   "",
                   "Show scheduled runs, newest first, and their deliveries per recipient.",
                   "Run states: pending, rendering, delivering, done, skipped, failed. Delivery states:\n"
                   "pending (waiting for its first attempt or a retry), sending, sent, failed.",
                   {
                       {"store", "PATH", "the store holding the run log (default ./creditlens.db)"},
                       {"outbox", "PATH", "the run log's SQLite file, when it is not the store"},
                       {"schedule", "NAME", "only this schedule's runs"},
                       {"limit", "N", "at most N runs (default 50)"},
                       {"json", "", "print JSON instead of text"},
                   }};
  return {spec, &RunStatusCommand};
}

}  // namespace creditlens::cli
