// Parsing creditlens-sample's arguments (see options.h).
#include "options.h"

#include <charconv>
#include <optional>

namespace creditlens::sample {
namespace {

constexpr std::uint64_t kMaxEvents = 1000000000;
constexpr int kMaxDays = 3660;

template <typename Integer>
std::optional<Integer> ParseInteger(std::string_view text) {
  Integer value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<date::year_month_day> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = ParseInteger<int>(text.substr(0, 4));
  const auto month = ParseInteger<unsigned>(text.substr(5, 2));
  const auto day = ParseInteger<unsigned>(text.substr(8, 2));
  if (!year || !month || !day || *year < 1981 || *year > 9990) return std::nullopt;  // history after 1970
  const date::year_month_day date{date::year{*year}, date::month{*month}, date::day{*day}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// Applies one option; returns an error message or "".
std::string Apply(std::string_view name, std::string_view value, SampleOptions& options) {
  if (name == "--out-dir") {
    if (value.empty()) return "--out-dir needs a directory";
    options.out_dir = std::string(value);
  } else if (name == "--events") {
    const auto events = ParseInteger<std::uint64_t>(value);
    if (!events || *events > kMaxEvents) {
      return "--events expects a whole number from 0 to " + std::to_string(kMaxEvents) + ", got '" +
             std::string(value) + "'";
    }
    options.events = *events;
  } else if (name == "--end") {
    const auto end = ParseDate(value);
    if (!end)
      return "--end expects a date YYYY-MM-DD between 1981 and 9990, got '" + std::string(value) + "'";
    options.end = *end;
  } else if (name == "--days") {
    const auto days = ParseInteger<int>(value);
    if (!days || *days < 1 || *days > kMaxDays) {
      return "--days expects a whole number from 1 to " + std::to_string(kMaxDays) + ", got '" +
             std::string(value) + "'";
    }
    options.days = *days;
  } else if (name == "--seed") {
    const auto seed = ParseInteger<std::uint64_t>(value);
    if (!seed) return "--seed expects a whole number, got '" + std::string(value) + "'";
    options.seed = *seed;
  } else if (name == "--format") {
    if (value == "csv") {
      options.format = EventFormat::kCsv;
    } else if (value == "jsonl") {
      options.format = EventFormat::kJsonl;
    } else {
      return "--format expects csv or jsonl, got '" + std::string(value) + "'";
    }
  } else {
    return "unknown option '" + std::string(name) + "'";
  }
  return "";
}

}  // namespace

CommandLine ParseCommandLine(int argc, const char* const argv[]) {
  CommandLine result;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      result.help = true;
      return result;
    }
    if (!arg.starts_with("--")) {
      result.error = "unexpected argument '" + std::string(arg) + "'";
      return result;
    }
    std::string_view name = arg;
    std::string_view value;
    if (const auto equals = arg.find('='); equals != std::string_view::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
    } else if (name == "--out-dir" || name == "--events" || name == "--end" || name == "--days" ||
               name == "--seed" || name == "--format") {
      if (i + 1 >= argc) {
        result.error = std::string(name) + " needs a value";
        return result;
      }
      value = argv[++i];
    }
    result.error = Apply(name, value, result.options);
    if (!result.error.empty()) return result;
  }
  if (result.options.out_dir.empty()) result.error = "--out-dir is required";
  return result;
}

std::string_view UsageText() {
  return "usage: creditlens-sample --out-dir DIR [--events N] [--end YYYY-MM-DD] [--days D] [--seed S]\n"
         "                         [--format csv|jsonl] [--help]\n"
         "\n"
         "Writes a year of realistic usage events for a sample organisation of eight workspaces to\n"
         "DIR/events.csv (or DIR/events.jsonl) and its accounts to DIR/accounts.json.\n"
         "\n"
         "  --out-dir DIR    directory to write into (created if missing)\n"
         "  --events N       number of events (default 200000)\n"
         "  --end DATE       last day with events, UTC (default 2026-11-21)\n"
         "  --days D         days of history ending at --end (default 365)\n"
         "  --seed S         random seed; the same seed gives the same files (default 42)\n"
         "  --format F       csv or jsonl (default csv)\n"
         "  --help           show this text\n";
}

}  // namespace creditlens::sample
