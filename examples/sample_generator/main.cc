// creditlens-sample: writes the example usage events and accounts (see UsageText in options.cc).
// Exit codes: 0 success, 1 runtime failure, 2 usage error.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "options.h"
#include "sample_generator.h"

int main(int argc, char* argv[]) {
  namespace sample = creditlens::sample;
  const sample::CommandLine command_line = sample::ParseCommandLine(argc, argv);
  if (command_line.help) {
    std::fwrite(sample::UsageText().data(), 1, sample::UsageText().size(), stdout);
    return 0;
  }
  if (!command_line.error.empty()) {
    const std::string_view usage = sample::UsageText();
    const std::string_view synopsis = usage.substr(0, usage.find("\n\n") + 1);
    std::fprintf(stderr, "creditlens-sample: %s\n%.*s", command_line.error.c_str(),
                 static_cast<int>(synopsis.size()), synopsis.data());
    return 2;
  }
  const sample::SampleOptions& options = command_line.options;
  try {
    std::error_code error;
    std::filesystem::create_directories(options.out_dir, error);
    if (error) {
      std::fprintf(stderr, "creditlens-sample: cannot create %s: %s\n", options.out_dir.c_str(),
                   error.message().c_str());
      return 1;
    }
    const sample::SampleSummary summary = sample::GenerateSample(options);
    std::printf("wrote %llu events to %s and %zu workspaces to %s\n",
                static_cast<unsigned long long>(summary.events), summary.events_path.c_str(),
                summary.workspaces, summary.accounts_path.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "creditlens-sample: %s\n", e.what());
    return 1;
  }
  return 0;
}
