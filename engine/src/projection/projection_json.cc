#include "projection/projection_json.h"

#include "projection/exact_json.h"
#include "projection/result_fields.h"
#include "projection/spec_json.h"

namespace creditlens::projection {
namespace {

constexpr const char* kVersionKey = "creditlens_projection";

void CheckVersion(const JsonReader& document) {
  const auto version = document.Number(kVersionKey);
  if (!version) {
    document.Fail("", std::string("not a saved projection: it has no \"") + kVersionKey +
                          "\" field (the schema version)");
  }
  if (*version != kProjectionSchemaVersion) {
    document.Expected(kVersionKey, "schema version " + std::to_string(kProjectionSchemaVersion) +
                                       ", the only one this creditlens reads");
  }
}

// Each result scenario is the assumption's scenario of the same place.
void CheckScenarioNames(const JsonReader& document, const Projection& projection) {
  const auto& assumed = projection.spec.scenarios;
  const auto& found = projection.scenarios;
  if (assumed.size() != found.size()) {
    document.Fail("scenarios", "has " + std::to_string(found.size()) + " results for the " +
                                   std::to_string(assumed.size()) + " scenarios of the assumptions");
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i].name != assumed[i].name) {
      document.Fail(ItemPath("scenarios", i) + ".name", "\"" + found[i].name + "\" is not the name of " +
                                                            ItemPath("$.assumptions.scenarios", i) + " (\"" +
                                                            assumed[i].name + "\")");
    }
  }
}

}  // namespace

ProjectionSpec ParseProjectionSpec(const boost::json::value& assumptions, const std::string& origin) {
  const JsonSource source{.from_lua = true};
  return ReadSpec(JsonReader(assumptions, source, origin, ""));
}

std::string SaveProjection(const Projection& projection) {
  JsonWriter out;
  FieldWriter fields(out);
  out.BeginObject();
  out.Key(kVersionKey);
  out.Number(std::to_string(kProjectionSchemaVersion));
  out.Key("assumptions");
  WriteSpec(out, projection.spec);
  out.Key("resolved");
  out.BeginObject();
  Fields(fields, projection.resolved);
  out.EndObject();
  out.Key("scenarios");
  out.BeginArray();
  for (const ScenarioResult& scenario : projection.scenarios) {
    out.BeginObject();
    Fields(fields, scenario);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return out.Finish();
}

Projection LoadProjection(std::string_view text, const std::string& file) {
  const ExactJson json = ParseExactJson(text, file);
  const JsonSource source{.from_lua = false, .numbers = &json.numbers};
  const JsonReader document(json.root, source, file, "$");
  CheckVersion(document);
  Projection projection;
  projection.spec = ReadSpec(document.Required("assumptions", document.Object("assumptions")));
  FieldReader fields(document);
  fields.Object("resolved", projection.resolved);
  fields.List("scenarios", projection.scenarios);
  document.RefuseUnknownFields();
  CheckScenarioNames(document, projection);
  return projection;
}

}  // namespace creditlens::projection
