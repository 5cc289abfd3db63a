#include "scheduler/schedule_config.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <set>

namespace creditlens::scheduler {
namespace {

namespace json = boost::json;

const char* const kDefaultSubject = "{report}: {workspace.name}, {period}";
const char* const kDefaultBody =
    "The {report} report for {workspace.name}, {period}, is attached.\n\n"
    "Sent by creditlens for schedule {schedule}.\n";

// Reads fields of one JSON object, turning every failure into a ConfigError that says where.
class FieldReader {
 public:
  FieldReader(const json::object& object, std::string where) : object_(object), where_(std::move(where)) {}

  [[noreturn]] void Fail(const std::string& field, const std::string& message) const {
    throw ConfigError(where_ + (field.empty() ? "" : field + ": ") + message);
  }

  const json::value* Find(const char* field) const { return object_.if_contains(field); }

  std::optional<std::string> String(const char* field) const {
    const json::value* value = Find(field);
    if (!value) return std::nullopt;
    if (!value->is_string()) Fail(field, "expected a string");
    return std::string(value->as_string());
  }

  std::string RequiredString(const char* field) const {
    auto value = String(field);
    if (!value || value->empty()) Fail(field, "is required");
    return *value;
  }

  bool Bool(const char* field, bool fallback) const {
    const json::value* value = Find(field);
    if (!value) return fallback;
    if (!value->is_bool()) Fail(field, "expected true or false");
    return value->as_bool();
  }

  // A list of strings; an empty Lua table arrives as {} and is an empty list too.
  std::optional<std::vector<std::string>> Strings(const char* field) const {
    const json::value* value = Find(field);
    if (!value) return std::nullopt;
    std::vector<std::string> out;
    if (value->is_object() && value->as_object().empty()) return out;
    if (!value->is_array()) Fail(field, "expected a list of strings");
    for (const auto& item : value->as_array()) {
      if (!item.is_string()) Fail(field, "expected a list of strings");
      out.emplace_back(item.as_string());
    }
    return out;
  }

  // A table of scalars as text (params, plugin settings).
  std::map<std::string, std::string> Scalars(const json::value& value, const std::string& field) const {
    std::map<std::string, std::string> out;
    if (value.is_array() && value.as_array().empty()) return out;
    if (!value.is_object()) Fail(field, "expected a table of name = value");
    for (const auto& [name, item] : value.as_object()) {
      if (item.is_string()) {
        out[name] = std::string(item.as_string());
      } else if (item.is_bool()) {
        out[name] = item.as_bool() ? "true" : "false";
      } else if (item.is_int64() || item.is_uint64() || item.is_double()) {
        out[name] = json::serialize(item);
      } else {
        Fail(field + "." + std::string(name), "expected a string, number or boolean");
      }
    }
    return out;
  }

  std::int64_t Duration(const char* field, std::int64_t fallback) const {
    const auto text = String(field);
    if (!text) return fallback;
    try {
      return ParseDuration(*text);
    } catch (const std::invalid_argument& e) {
      Fail(field, e.what());
    }
  }

  template <typename Parse>
  auto Checked(const char* field, Parse parse) const {
    try {
      return parse();
    } catch (const std::invalid_argument& e) {
      Fail(field, e.what());
    }
  }

 private:
  const json::object& object_;
  std::string where_;
};

OutputFormat ParseFormat(const std::string& text) {
  if (text == "pdf") return OutputFormat::kPdf;
  if (text == "png") return OutputFormat::kPng;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "json") return OutputFormat::kJson;
  throw std::invalid_argument("'" + text + "' is not a format (accepted: pdf, png, csv, json)");
}

std::filesystem::path FindReport(const std::string& name, const std::filesystem::path& file,
                                 const ReportLookup& reports) {
  const bool is_path = name.find('/') != std::string::npos || name.ends_with(".lua");
  const std::filesystem::path path =
      is_path ? std::filesystem::absolute(file).parent_path() / name : reports.builtin_dir / (name + ".lua");
  if (!std::filesystem::is_regular_file(path)) {
    throw std::invalid_argument("report '" + name + "' not found (looked for " + path.string() +
                                "; give a built-in name or a .lua path relative to the schedule file)");
  }
  return path;
}

bool IsSafeName(const std::string& name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

ScheduleSpec ParseSchedule(const json::object& object, const std::filesystem::path& file,
                           const ReportLookup& reports) {
  const std::string name = object.contains("name") && object.at("name").is_string()
                               ? std::string(object.at("name").as_string())
                               : std::string();
  const std::string where = object.contains("where") && object.at("where").is_string()
                                ? std::string(object.at("where").as_string())
                                : file.string();
  const FieldReader read(object, where + ": schedule '" + name + "': ");
  ScheduleSpec spec;
  spec.name = name;
  spec.where = where;
  if (!IsSafeName(name)) read.Fail("name", "use letters, digits, '-', '_' and '.' only");
  spec.report_name = read.RequiredString("report");
  spec.report_file = read.Checked("report", [&] { return FindReport(spec.report_name, file, reports); });
  if (const auto* params = read.Find("params")) spec.params = read.Scalars(*params, "params");
  const std::string cron = read.RequiredString("cron");
  spec.cron = read.Checked("cron", [&] { return schedule::CronExpression::Parse(cron); });
  if (const auto zone = read.String("timezone")) {
    spec.zone = read.Checked("timezone", [&] { return model::TimeZone::Locate(*zone); });
  }
  spec.workspace = read.String("workspace");
  spec.to = read.Strings("to").value_or(std::vector<std::string>{});
  for (const auto& address : spec.to) {
    if (address.find('@') == std::string::npos) read.Fail("to", "'" + address + "' is not an email address");
  }
  spec.billing_contact = read.Bool("billing_contact", false);
  if (const auto formats = read.Strings("formats")) {
    spec.formats.clear();
    for (const auto& f : *formats)
      spec.formats.push_back(read.Checked("formats", [&] { return ParseFormat(f); }));
    if (spec.formats.empty()) read.Fail("formats", "give at least one of pdf, png, csv, json");
  }
  const std::string subject = read.String("subject").value_or(kDefaultSubject);
  spec.subject = read.Checked("subject", [&] { return MessageTemplate::Parse(subject); });
  const std::string body = read.String("body").value_or(kDefaultBody);
  spec.body = read.Checked("body", [&] { return MessageTemplate::Parse(body); });
  spec.skip_if_empty = read.Bool("skip_if_empty", false);
  spec.paused = read.Bool("paused", false);
  if (const auto channels = read.Strings("deliver")) spec.channels = *channels;
  if (spec.channels.empty()) read.Fail("deliver", "give at least one deliverer (smtp, file, webhook)");
  spec.catch_up_ms = read.Duration("catch_up", spec.catch_up_ms);
  const bool by_email = std::find(spec.channels.begin(), spec.channels.end(), "smtp") != spec.channels.end();
  if (by_email && spec.to.empty() && !spec.billing_contact) {
    read.Fail("to", "an emailed schedule needs recipients: give to = { ... } or billing_contact = true");
  }
  return spec;
}

}  // namespace

const char* ToString(OutputFormat format) {
  switch (format) {
    case OutputFormat::kPng:
      return "png";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kPdf:
      break;
  }
  return "pdf";
}

std::int64_t ParseDuration(const std::string& text) {
  std::int64_t amount = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
  const std::string unit(end, text.data() + text.size());
  const std::map<std::string, std::int64_t> units = {
      {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}};
  const auto scale = units.find(unit);
  if (error != std::errc() || amount <= 0 || scale == units.end()) {
    throw std::invalid_argument("expected a duration such as 30s, 15m, 2h or 1d, got '" + text + "'");
  }
  return amount * scale->second;
}

const ScheduleSpec* ScheduleConfig::Find(const std::string& name) const {
  for (const auto& spec : schedules) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

ScheduleConfig ParseScheduleConfig(const json::value& encoded, const std::filesystem::path& file,
                                   const ReportLookup& reports) {
  if (!encoded.is_object()) throw ConfigError(file.string() + ": expected cl.schedules { ... }");
  const json::object& top = encoded.as_object();
  const FieldReader read(top, file.string() + ": cl.schedules: ");
  ScheduleConfig config;
  config.file = file;
  config.from = read.RequiredString("from");
  config.owner = read.String("owner").value_or("");
  if (const auto* retry = read.Find("retry")) {
    if (!retry->is_object())
      read.Fail("retry", "expected { attempts = N, first_delay = \"30s\", max_delay = \"1h\" }");
    const FieldReader policy(retry->as_object(), file.string() + ": cl.schedules: retry.");
    if (const auto* attempts = policy.Find("attempts")) {
      if (!attempts->is_int64() || attempts->as_int64() < 1 || attempts->as_int64() > 100) {
        policy.Fail("attempts", "expected a whole number from 1 to 100");
      }
      config.retry.attempts = static_cast<int>(attempts->as_int64());
    }
    config.retry.first_delay_ms = policy.Duration("first_delay", config.retry.first_delay_ms);
    config.retry.max_delay_ms = policy.Duration("max_delay", config.retry.max_delay_ms);
  }
  if (const auto* deliverers = read.Find("deliverers")) {
    if (!deliverers->is_object()) read.Fail("deliverers", "expected { name = { setting = value } }");
    for (const auto& [name, settings] : deliverers->as_object()) {
      config.deliverer_settings[name] = read.Scalars(settings, "deliverers." + std::string(name));
    }
  }
  const auto* schedules = read.Find("schedules");
  if (!schedules || !(schedules->is_array() || (schedules->is_object() && schedules->as_object().empty()))) {
    read.Fail("schedules", "expected a list of cl.schedule { ... }");
  }
  std::set<std::string> names;
  if (schedules->is_array()) {
    for (const auto& item : schedules->as_array()) {
      ScheduleSpec spec = ParseSchedule(item.as_object(), file, reports);
      if (!names.insert(spec.name).second) {
        throw ConfigError(spec.where + ": schedule '" + spec.name + "': name: used by another schedule");
      }
      config.schedules.push_back(std::move(spec));
    }
  }
  return config;
}

}  // namespace creditlens::scheduler
