// Command-line options declared as data: each subcommand lists its options once, and parsing,
// validation and --help all come from that list.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace creditlens::cli {

// Bad usage: printed with the command's usage line, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string name;        // without dashes: "store"
  std::string value_name;  // "PATH"; empty for a flag
  std::string help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string name;         // "ingest"
  std::string arguments;    // "EVENTS..."
  std::string summary;      // one line
  std::string description;  // a paragraph or two for --help
  std::vector<OptionSpec> options;
};

class ParsedArgs {
 public:
  bool Has(const std::string& name) const { return values_.contains(name); }
  std::optional<std::string> Get(const std::string& name) const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  friend ParsedArgs Parse(const CommandSpec&, const std::vector<std::string>&);
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

// Accepts --name value, --name=value and flags; "--" ends options. Throws UsageError.
ParsedArgs Parse(const CommandSpec& spec, const std::vector<std::string>& args);

std::string HelpText(const CommandSpec& spec);

// The whole of text as a decimal integer; nullopt for anything else (empty, spaces, trailing text,
// out of range). Each option that takes a number says what range it accepts.
std::optional<std::int64_t> ParseInteger(std::string_view text);

}  // namespace creditlens::cli
