// Where the Lua library (scripts/) and the built-in reports (reports/) are: CREDITLENS_SCRIPTS_DIR
// and CREDITLENS_REPORTS_DIR when set, else the source tree the executable was built from.
#pragma once

#include <cstdlib>
#include <filesystem>

namespace creditlens::cli {

inline std::filesystem::path ScriptsDir() {
  const char* dir = std::getenv("CREDITLENS_SCRIPTS_DIR");
  return dir ? dir : CREDITLENS_SOURCE_DIR "/scripts";
}

inline std::filesystem::path ReportsDir() {
  const char* dir = std::getenv("CREDITLENS_REPORTS_DIR");
  return dir ? dir : CREDITLENS_SOURCE_DIR "/reports";
}

}  // namespace creditlens::cli
