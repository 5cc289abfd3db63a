// Option parsing and help text for the subcommands.
#include "options.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace creditlens::cli {

std::optional<std::string> ParsedArgs::Get(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::GetAll(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

namespace {

// The short options, each the same as a long one, for the commands that have that long one.
constexpr std::pair<char, const char*> kShortOptions[] = {{'o', "output"}, {'n', "count"}};

// The long name that a short option (-o) stands for; empty if none.
std::string LongName(const std::string& arg) {
  for (const auto& [letter, name] : kShortOptions) {
    if (arg.size() == 2 && arg[1] == letter) return name;
  }
  return "";
}

}  // namespace

ParsedArgs Parse(const CommandSpec& spec, const std::vector<std::string>& args) {
  ParsedArgs parsed;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!options_done && arg == "--") {
      options_done = true;
      continue;
    }
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      if (spec.arguments.empty()) {
        throw UsageError("unexpected argument '" + arg + "' (creditlens " + spec.name +
                         " takes options only)");
      }
      parsed.positionals_.push_back(arg);
      continue;
    }
    const bool is_long = arg[1] == '-';
    const auto equals = is_long ? arg.find('=') : std::string::npos;
    const std::string name =
        is_long ? arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2) : LongName(arg);
    const auto option = std::find_if(spec.options.begin(), spec.options.end(),
                                     [&](const OptionSpec& o) { return o.name == name; });
    if (name.empty() || option == spec.options.end()) {
      throw UsageError("unknown option '" + (is_long ? "--" + name : arg) + "' (see creditlens " + spec.name +
                       " --help)");
    }
    auto& values = parsed.values_[name];
    if (!values.empty() && !option->repeatable) throw UsageError("--" + name + " given twice");
    if (option->value_name.empty()) {
      if (equals != std::string::npos) throw UsageError("--" + name + " takes no value");
      values.emplace_back();
    } else if (equals != std::string::npos) {
      values.push_back(arg.substr(equals + 1));
    } else {
      if (i + 1 >= args.size()) {
        throw UsageError((is_long ? "--" + name : arg) + " needs a " + option->value_name);
      }
      values.push_back(args[++i]);
    }
  }
  return parsed;
}

std::string HelpText(const CommandSpec& spec) {
  std::string out = "usage: creditlens " + spec.name + (spec.arguments.empty() ? "" : " " + spec.arguments) +
                    " [options]\n\n" + spec.summary + "\n";
  if (!spec.description.empty()) out += "\n" + spec.description + "\n";
  out += "\noptions:\n";
  std::size_t width = 0;
  for (const auto& o : spec.options) width = std::max(width, o.name.size() + o.value_name.size() + 1);
  for (const auto& o : spec.options) {
    std::string left = "--" + o.name + (o.value_name.empty() ? "" : " " + o.value_name);
    left.resize(width + 4, ' ');
    out += "  " + left + o.help + (o.repeatable ? " (repeatable)" : "") + "\n";
  }
  return out;
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace creditlens::cli
