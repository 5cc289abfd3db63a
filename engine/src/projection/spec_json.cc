#include "projection/spec_json.h"

#include <algorithm>
#include <map>

#include "model/time_zone.h"
#include "projection/field_io.h"

namespace creditlens::projection {
namespace {

constexpr ChangeKind kChangeKinds[] = {ChangeKind::kScale, ChangeKind::kAdd, ChangeKind::kSet};

// Reads a scenario's or change's `where`; from Lua, that position names it in errors from then on.
std::string ReadWhere(JsonReader& in) {
  std::string where = in.String("where").value_or("");
  if (in.source().from_lua && !where.empty()) in.set_origin(where);
  return where;
}

std::string RequiredName(const JsonReader& in, const char* key) {
  const auto name = in.String(key);
  if (!name || name->empty()) in.Fail(key, "is required");
  return *name;
}

// The kinds among scale, add and set that the change gives (marking those fields known).
std::vector<ChangeKind> GivenKinds(const JsonReader& in) {
  std::vector<ChangeKind> given;
  for (const ChangeKind kind : kChangeKinds) {
    if (in.Has(ToString(kind))) given.push_back(kind);
  }
  return given;
}

// The change's one kind and its amount; fails unless exactly one kind is given.
void ReadAmount(const JsonReader& in, const std::vector<ChangeKind>& given, FeatureChange& change) {
  if (given.empty()) in.Fail("", "give one of scale, add or set");
  if (given.size() > 1) {
    in.Fail("", std::string("give only one of scale, add or set, not ") + ToString(given[0]) + " and " +
                    ToString(given[1]));
  }
  change.kind = given.front();
  const char* key = ToString(change.kind);
  change.amount = *in.Number(key);
  if (change.kind == ChangeKind::kScale && change.amount < 0) in.Expected(key, "a factor >= 0");
  if (change.kind == ChangeKind::kSet && change.amount < 0) in.Expected(key, "credits >= 0");
}

void CheckDates(const JsonReader& in, const FeatureChange& change) {
  const auto fail = [&](const char* key, std::int32_t day, const char* relation, const char* other,
                        std::int32_t other_day) {
    in.Fail(key, model::FormatDate(day) + " is " + relation + " " + other + " (" +
                     model::FormatDate(other_day) + ")");
  };
  const auto& from = change.from_day;
  const auto& until = change.until_day;
  const auto& ramp_until = change.ramp_until_day;
  if (from && until && *until < *from) fail("to", *until, "before", "from", *from);
  if (from && ramp_until && *ramp_until < *from) fail("ramp_until", *ramp_until, "before", "from", *from);
  if (until && ramp_until && *ramp_until > *until) fail("ramp_until", *ramp_until, "after", "to", *until);
}

FeatureChange ReadChange(JsonReader in) {
  FeatureChange change;
  change.where = ReadWhere(in);
  change.feature = RequiredName(in, "feature");
  change.category = in.String("category").value_or("");
  const auto per = in.Parsed("per", JsonReader::Written::kString, ParseRatePer, "day, week or month");
  change.from_day = in.Date("from");
  change.until_day = in.Date("to");
  change.ramp_until_day = in.Date("ramp_until");
  const std::vector<ChangeKind> kinds = GivenKinds(in);
  in.RefuseUnknownFields();
  ReadAmount(in, kinds, change);
  if (per && change.kind == ChangeKind::kScale)
    in.Fail("per", "a scale factor has no period; per is for add and set");
  change.per = per.value_or(change.per);
  CheckDates(in, change);
  return change;
}

// `names` holds the path of each scenario name read so far, to refuse a second scenario of the same name.
Scenario ReadScenario(JsonReader in, std::map<std::string, std::string>& names) {
  Scenario scenario;
  scenario.where = ReadWhere(in);
  scenario.name = RequiredName(in, "name");
  scenario.start = in.Parsed("start", JsonReader::Written::kString, ParseStartMode, "current or scratch")
                       .value_or(scenario.start);
  const auto changes = in.Objects("changes");
  in.RefuseUnknownFields();
  const auto [first, inserted] = names.emplace(scenario.name, in.path());
  if (!inserted) in.Fail("name", "\"" + scenario.name + "\" is already the name of " + first->second);
  for (const JsonReader& change : changes.value_or(std::vector<JsonReader>{})) {
    scenario.changes.push_back(ReadChange(change));
  }
  const bool adds_something = std::any_of(scenario.changes.begin(), scenario.changes.end(),
                                          [](const auto& c) { return c.kind != ChangeKind::kScale; });
  if (scenario.start == StartMode::kScratch && !adds_something) {
    in.Fail("", "a scratch scenario starts from nothing: give it changes that add or set features");
  }
  return scenario;
}

void WriteChange(JsonWriter& out, const FeatureChange& change) {
  FieldWriter fields(out);
  out.BeginObject(JsonWriter::Layout::kOneLine);
  fields.String("feature", change.feature);
  out.Key("category");
  change.category.empty() ? out.Null() : out.String(change.category);
  fields.Number(ToString(change.kind), change.amount);
  if (change.kind != ChangeKind::kScale) fields.String("per", ToString(change.per));
  fields.Date("from", change.from_day);
  fields.Date("to", change.until_day);
  fields.Date("ramp_until", change.ramp_until_day);
  fields.String("where", change.where);
  out.EndObject();
}

}  // namespace

ProjectionSpec ReadSpec(const JsonReader& in) {
  ProjectionSpec spec;
  spec.title = in.String("title").value_or("");
  spec.workspace = in.String("workspace").value_or("");
  spec.horizon = in.String("horizon").value_or(spec.horizon);
  spec.basis = in.String("basis").value_or(spec.basis);
  spec.method = in.Parsed("method", JsonReader::Written::kString, ParseMethod, "seasonal or current_rate")
                    .value_or(spec.method);
  const auto scenarios = in.Objects("scenarios");
  in.RefuseUnknownFields();
  if (!scenarios || scenarios->empty()) in.Fail("scenarios", "give at least one scenario");
  std::map<std::string, std::string> names;
  for (const JsonReader& scenario : *scenarios) spec.scenarios.push_back(ReadScenario(scenario, names));
  return spec;
}

void WriteSpec(JsonWriter& out, const ProjectionSpec& spec) {
  FieldWriter fields(out);
  out.BeginObject();
  fields.String("title", spec.title);
  fields.String("workspace", spec.workspace);
  fields.String("horizon", spec.horizon);
  fields.String("basis", spec.basis);
  fields.String("method", ToString(spec.method));
  out.Key("scenarios");
  out.BeginArray();
  for (const Scenario& scenario : spec.scenarios) {
    out.BeginObject();
    fields.String("name", scenario.name);
    fields.String("start", ToString(scenario.start));
    out.Key("changes");
    out.BeginArray();
    for (const FeatureChange& change : scenario.changes) WriteChange(out, change);
    out.EndArray();
    fields.String("where", scenario.where);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

}  // namespace creditlens::projection
