// The creditlens executable: picks the subcommand and maps failures to exit codes
// (0 success, 1 runtime failure, 2 usage error), errors on stderr.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"

namespace {

using creditlens::cli::Command;

constexpr char kVersion[] = "creditlens " CREDITLENS_VERSION;

std::vector<Command> Commands() {
  return {creditlens::cli::IngestCommand(),  creditlens::cli::ReportCommand(),
          creditlens::cli::ProjectCommand(), creditlens::cli::BacktestCommand(),
          creditlens::cli::AlertsCommand(),  creditlens::cli::PluginsCommand(),
          creditlens::cli::ScheduleCommand()};
}

// How to call a group of commands (PLACEHOLDER is COMMAND or SUBCOMMAND), what it does, and its commands.
std::string GroupHelp(const std::string& group, const std::string& placeholder, const std::string& about,
                      const std::vector<Command>& commands) {
  std::string out = "usage: " + group + " " + placeholder + " [options]   (" + group + " " + placeholder +
                    " --help for its options)\n\n" + about + "\n\n" +
                    (placeholder == "COMMAND" ? "" : "sub") + "commands:\n";
  for (const auto& command : commands) {
    std::string name = command.spec.name;
    name.resize(std::max<std::size_t>(name.size(), 10), ' ');
    out += "  " + name + " " + command.spec.summary + "\n";
  }
  return out;
}

void PrintUsage(std::FILE* out) {
  std::fputs(
      GroupHelp("creditlens", "COMMAND",
                "Reports on credit usage: ingest events, run Lua reports, render PDF/PNG/SVG.", Commands())
          .c_str(),
      out);
  std::fprintf(out, "\n  --version  print the version\n  --help     print this help\n");
}

// Runs a command with the arguments after its name: a command group runs the subcommand that its first
// argument names. Returns the exit code.
int Run(const Command& command, const std::vector<std::string>& args, const char* executable) {
  const std::string& name = command.spec.name;
  if (!command.subcommands.empty()) {
    const std::string about =
        command.spec.summary + (command.spec.description.empty() ? "" : "\n\n" + command.spec.description);
    const std::string help = GroupHelp("creditlens " + name, "SUBCOMMAND", about, command.subcommands);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
      std::fputs(help.c_str(), args.empty() ? stderr : stdout);
      return args.empty() ? 2 : 0;
    }
    for (Command subcommand : command.subcommands) {
      if (subcommand.spec.name != args[0]) continue;
      subcommand.spec.name = name + " " + subcommand.spec.name;  // messages and help name the whole command
      return Run(subcommand, std::vector<std::string>(args.begin() + 1, args.end()), executable);
    }
    std::fprintf(stderr, "creditlens %s: unknown subcommand '%s' (see creditlens %s --help)\n", name.c_str(),
                 args[0].c_str(), name.c_str());
    return 2;
  }
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(creditlens::cli::HelpText(command.spec).c_str(), stdout);
      return 0;
    }
  }
  try {
    return command.run(creditlens::cli::Parse(command.spec, args), executable);
  } catch (const creditlens::cli::UsageError& e) {
    std::fprintf(stderr, "creditlens %s: %s\n", name.c_str(), e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "creditlens %s: error: %s\n", name.c_str(), e.what());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintUsage(stderr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintUsage(stdout);
    return 0;
  }
  if (args[0] == "--version") {
    std::printf("%s\n", kVersion);
    return 0;
  }
  for (const auto& command : Commands()) {
    if (command.spec.name == args[0])
      return Run(command, std::vector<std::string>(args.begin() + 1, args.end()), argv[0]);
  }
  std::fprintf(stderr, "creditlens: unknown command '%s'\n\n", args[0].c_str());
  PrintUsage(stderr);
  return 2;
}
