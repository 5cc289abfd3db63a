// A projection's assumptions (ProjectionSpec) as JSON: the object a scenario file's cl.projection
// returns, which a saved projection keeps as its "assumptions". Reading checks every value.
#pragma once

#include "projection/json_reader.h"
#include "projection/json_writer.h"
#include "projection/projection_spec.h"

namespace creditlens::projection {

// Throws SpecError naming the declaration or file, the field's path and what was expected.
ProjectionSpec ReadSpec(const JsonReader& in);

// Writes every field, defaults too; absent dates and categories as null.
void WriteSpec(JsonWriter& out, const ProjectionSpec& spec);

}  // namespace creditlens::projection
