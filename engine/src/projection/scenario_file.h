// Reads a scenario file: a Lua script, run in the report sandbox, that returns cl.projection { ... }
// (examples/scenarios/*.lua). Errors name the file and the line that declared the scenario or change.
#pragma once

#include <filesystem>

#include "projection/projection_spec.h"
#include "projection/spec_error.h"

namespace creditlens::projection {

// scripts_dir is the creditlens Lua library; `require` also finds modules beside the file.
// Throws SpecError: "file.lua:LINE: message" for what Lua refused or failed on (no traceback), or
// ParseProjectionSpec's errors.
ProjectionSpec LoadScenarioFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir);

}  // namespace creditlens::projection
