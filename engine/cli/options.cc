// Option parsing and help text for the subcommands.
#include "options.h"

#include <algorithm>

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

ParsedArgs Parse(const CommandSpec& spec, const std::vector<std::string>& args) {
  ParsedArgs parsed;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!options_done && arg.size() > 1 && arg[0] == '-' && arg != "-o") {
        throw UsageError("unknown option '" + arg + "' (see creditlens " + spec.name + " --help)");
      }
      if (arg == "-o") {  // the one short option: output file, for commands that write one
        const bool writes = std::any_of(spec.options.begin(), spec.options.end(),
                                        [](const OptionSpec& o) { return o.name == "output"; });
        if (!writes) throw UsageError("unknown option '-o' (see creditlens " + spec.name + " --help)");
        if (i + 1 >= args.size()) throw UsageError("-o needs a FILE");
        parsed.values_["output"].push_back(args[++i]);
        continue;
      }
      if (spec.arguments.empty()) {
        throw UsageError("unexpected argument '" + arg + "' (creditlens " + spec.name +
                         " takes options only)");
      }
      parsed.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    const auto equals = arg.find('=');
    const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    const auto option = std::find_if(spec.options.begin(), spec.options.end(),
                                     [&](const OptionSpec& o) { return o.name == name; });
    if (option == spec.options.end()) {
      throw UsageError("unknown option '--" + name + "' (see creditlens " + spec.name + " --help)");
    }
    auto& values = parsed.values_[name];
    if (!values.empty() && !option->repeatable) throw UsageError("--" + name + " given twice");
    if (option->value_name.empty()) {
      if (equals != std::string::npos) throw UsageError("--" + name + " takes no value");
      values.emplace_back();
    } else if (equals != std::string::npos) {
      values.push_back(arg.substr(equals + 1));
    } else {
      if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a " + option->value_name);
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

}  // namespace creditlens::cli
