// A schedule file, read: who the messages come from and whom failures go to, how deliveries retry,
// the delivery plugins' settings, and each schedule (docs/schedules.md). Everything a run needs is
// checked here, so that a bad cron expression, zone, format or template fails when the file is read,
// with the line of the schedule that has it.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "creditlens/plugin_settings.h"
#include "deliver/retry_policy.h"
#include "model/time_zone.h"
#include "schedule/cron_expression.h"
#include "scheduler/message_template.h"

namespace creditlens::scheduler {

// A schedule file is wrong: the message names the file and line, the schedule and the field.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class OutputFormat { kPdf, kPng, kCsv, kJson };

const char* ToString(OutputFormat format);

struct ScheduleSpec {
  std::string name;
  std::string where;  // "examples/schedules.lua:12", the line that declared it
  std::filesystem::path report_file;
  std::string report_name;  // as written
  std::map<std::string, std::string> params;
  schedule::CronExpression cron = schedule::CronExpression::Parse("@daily");
  model::TimeZone zone = model::TimeZone::Utc();
  std::optional<std::string> workspace;  // run for this workspace only
  std::vector<std::string> to;           // fixed recipients of every run
  bool billing_contact = false;          // one run per workspace, to its billing contact (and `to`)
  std::vector<OutputFormat> formats = {OutputFormat::kPdf};
  MessageTemplate subject, body;
  bool skip_if_empty = false;
  bool paused = false;
  std::vector<std::string> channels = {"smtp"};   // deliverer names
  std::int64_t catch_up_ms = 24LL * 3600 * 1000;  // how late a fire may still run
};

struct ScheduleConfig {
  std::filesystem::path file;
  std::string from;   // the sender of every message
  std::string owner;  // who hears of failures; empty: nobody
  deliver::RetryPolicy retry;
  std::map<std::string, std::map<std::string, std::string>> deliverer_settings;  // by deliverer name
  std::vector<ScheduleSpec> schedules;

  const ScheduleSpec* Find(const std::string& name) const;
};

// Where a report named in a schedule is: a built-in name, or a .lua path relative to the file.
struct ReportLookup {
  std::filesystem::path builtin_dir;
};

// Reads what the file's cl.schedules { ... } encodes. Throws ConfigError.
ScheduleConfig ParseScheduleConfig(const boost::json::value& encoded, const std::filesystem::path& file,
                                   const ReportLookup& reports);

// "30s", "15m", "2h", "1d" in milliseconds; throws std::invalid_argument.
std::int64_t ParseDuration(const std::string& text);

}  // namespace creditlens::scheduler
