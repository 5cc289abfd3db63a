// The creditlens executable: picks the subcommand and maps failures to exit codes
// (0 success, 1 runtime failure, 2 usage error), errors on stderr.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"

namespace {

using creditlens::cli::Command;

constexpr char kVersion[] = "creditlens " CREDITLENS_VERSION;

std::vector<Command> Commands() {
  return {creditlens::cli::IngestCommand(), creditlens::cli::ReportCommand(),
          creditlens::cli::AlertsCommand(), creditlens::cli::PluginsCommand()};
}

void PrintUsage(std::FILE* out) {
  std::fprintf(out,
               "usage: creditlens COMMAND [options]   (creditlens COMMAND --help for its options)\n\n"
               "Reports on credit usage: ingest events, run Lua reports, render PDF/PNG/SVG.\n\ncommands:\n");
  for (const auto& command : Commands()) {
    std::fprintf(out, "  %-10s %s\n", command.spec.name.c_str(), command.spec.summary.c_str());
  }
  std::fprintf(out, "\n  --version  print the version\n  --help     print this help\n");
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
    if (command.spec.name != args[0]) continue;
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& arg : rest) {
      if (arg == "--help" || arg == "-h") {
        std::fputs(creditlens::cli::HelpText(command.spec).c_str(), stdout);
        return 0;
      }
    }
    try {
      return command.run(creditlens::cli::Parse(command.spec, rest), argv[0]);
    } catch (const creditlens::cli::UsageError& e) {
      std::fprintf(stderr, "creditlens %s: %s\n", args[0].c_str(), e.what());
      return 2;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "creditlens %s: error: %s\n", args[0].c_str(), e.what());
      return 1;
    }
  }
  std::fprintf(stderr, "creditlens: unknown command '%s'\n\n", args[0].c_str());
  PrintUsage(stderr);
  return 2;
}
