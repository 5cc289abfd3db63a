#include "scheduler/schedule_file.h"

#include <boost/json/parse.hpp>

#include "script/declaration_file.h"

namespace creditlens::scheduler {

ScheduleConfig LoadScheduleFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir,
                                const ReportLookup& reports) {
  std::string encoded;
  try {
    encoded = script::EncodeDeclarationFile(file, scripts_dir, "schedules");
  } catch (const script::DeclarationError& e) {
    throw ConfigError(e.what());
  }
  return ParseScheduleConfig(boost::json::parse(encoded), file, reports);
}

}  // namespace creditlens::scheduler
