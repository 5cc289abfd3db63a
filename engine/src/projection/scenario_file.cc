#include "projection/scenario_file.h"

#include <boost/json/parse.hpp>

#include "projection/projection_json.h"
#include "script/declaration_file.h"

namespace creditlens::projection {

ProjectionSpec LoadScenarioFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir) {
  std::string encoded;
  try {
    encoded = script::EncodeDeclarationFile(file, scripts_dir, "projection");
  } catch (const script::DeclarationError& e) {
    throw SpecError(e.what());
  }
  return ParseProjectionSpec(boost::json::parse(encoded), file.string());
}

}  // namespace creditlens::projection
