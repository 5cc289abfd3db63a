// creditlens schedule next: prints when a cron expression fires next in a time zone, so that a user can
// check an expression before scheduling a report with it.
#include <cstdio>
#include <stdexcept>

#include "instant_option.h"
#include "schedule/cron_expression.h"
#include "schedule/fire_time.h"
#include "schedule/next_fire.h"
#include "schedule_command.h"
#include "scope_options.h"

namespace creditlens::cli {
namespace {

constexpr int kMaxCount = 1000;

int ParseCount(const ParsedArgs& args) {
  const std::string text = args.Get("count").value_or("5");
  const auto count = ParseInteger(text);
  if (!count || *count < 1 || *count > kMaxCount) {
    throw UsageError("--count (-n) expects a whole number from 1 to " + std::to_string(kMaxCount) +
                     ", got '" + text + "'");
  }
  return static_cast<int>(*count);
}

int RunScheduleNext(const ParsedArgs& args, const std::filesystem::path&) {
  if (args.positionals().size() != 1) {
    throw UsageError("expects the cron expression as one quoted argument, e.g. '30 2 * * *' (got " +
                     std::to_string(args.positionals().size()) + " arguments)");
  }
  try {
    const auto cron = schedule::CronExpression::Parse(args.positionals()[0]);
    const model::TimeZone zone = ParseTz(args).value_or(model::TimeZone::Utc());
    const std::int64_t from = InstantOption(args, "from", zone);
    for (const std::int64_t at : schedule::NextFires(cron, zone, from, ParseCount(args))) {
      std::printf("%s\n", schedule::FormatFireTime(zone, at).c_str());
    }
  } catch (const std::invalid_argument& e) {  // a bad expression, or one that never fires
    throw UsageError(e.what());
  }
  return 0;
}

}  // namespace

Command ScheduleNextCommand() {
  CommandSpec spec{
      "next",
      "EXPR",
      "Print the next fire times of a cron expression, to check it.",
      "EXPR is one argument: five fields (minute hour day-of-month month day-of-week) or a macro\n"
      "such as @daily (see docs/schedules.md), matched against the local wall time of --tz. Each\n"
      "line shows the local time, its UTC offset and the UTC instant. Across a clock change, a job\n"
      "with a fixed hour fires once (a skipped time at the end of the gap, a repeated time at its\n"
      "first occurrence); a job whose hour field starts with * fires whenever the clock shows a match.",
      {
          {"tz", "ZONE", "IANA time zone the expression is read in (default UTC)"},
          {"from", "TIME",
           "list fire times after TIME: ISO-8601 with offset or Z, or local YYYY-MM-DD HH:MM "
           "in --tz (default now)"},
          {"count", "N", "how many fire times to print (-n N; default 5)"},
      }};
  return {spec, &RunScheduleNext};
}

}  // namespace creditlens::cli
