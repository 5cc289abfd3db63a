// The command line of creditlens-sample: parsing into SampleOptions, and the usage text.
#pragma once

#include <string>
#include <string_view>

#include "sample_generator.h"

namespace creditlens::sample {

struct CommandLine {
  SampleOptions options;
  bool help = false;
  std::string error;  // set when the arguments are unusable
};

// Accepts "--name value" and "--name=value".
CommandLine ParseCommandLine(int argc, const char* const argv[]);

std::string_view UsageText();

}  // namespace creditlens::sample
