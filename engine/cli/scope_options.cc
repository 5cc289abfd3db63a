// Scope resolution shared by the commands that read data.
#include "scope_options.h"

#include <algorithm>
#include <ctime>
#include <stdexcept>

#include "model/timestamp.h"

namespace creditlens::cli {

std::vector<OptionSpec> ScopeOptions() {
  return {
      {"workspace", "ID", "scope to one workspace (its data only, its time zone)"},
      {"tz", "ZONE", "IANA time zone for days and months (organisation scope; default UTC)"},
      {"as-of", "DATE", "take relative ranges as if today were DATE (YYYY-MM-DD)"},
  };
}

std::optional<model::TimeZone> ParseTz(const ParsedArgs& args) {
  const auto tz = args.Get("tz");
  if (!tz) return std::nullopt;
  try {
    return model::TimeZone::Locate(*tz);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--tz: ") + e.what());
  }
}

ScopeArgs ParseScopeArgs(const ParsedArgs& args) {
  ScopeArgs out;
  out.workspace = args.Get("workspace");
  out.zone = ParseTz(args);
  if (const auto date = args.Get("as-of")) {
    out.as_of_day = model::ParseIsoDate(*date);
    if (!out.as_of_day) throw UsageError("--as-of expects a date YYYY-MM-DD, got '" + *date + "'");
  }
  return out;
}

std::vector<Workspace> LoadWorkspaces(SourceSession& session) {
  std::vector<Workspace> workspaces;
  const Status loaded = session.connector->LoadAccounts(workspaces);
  if (!loaded.ok()) throw std::runtime_error(loaded.message());
  return workspaces;
}

Scope OpenScope(const ScopeArgs& args, SourceSession& session, std::vector<Workspace> workspaces) {
  std::optional<model::TimeZone> zone = args.zone;
  if (args.workspace) {
    const auto w = std::find_if(workspaces.begin(), workspaces.end(),
                                [&](const Workspace& w) { return w.id == *args.workspace; });
    if (w == workspaces.end()) {
      throw UsageError("unknown workspace '" + *args.workspace + "' in " + session.description);
    }
    if (!zone) zone = model::TimeZone::Locate(w->timezone);
  }
  if (!zone) zone = model::TimeZone::Utc();
  Scope scope;
  scope.as_of_ms = args.as_of_day ? zone->StartOfDay(*args.as_of_day + 1) - 1
                                  : static_cast<std::int64_t>(std::time(nullptr)) * 1000;
  scope.engine =
      std::make_unique<query::UsageEngine>(*session.connector, std::move(workspaces), args.workspace, *zone);
  return scope;
}

Scope OpenScope(const ScopeArgs& args, SourceSession& session) {
  return OpenScope(args, session, LoadWorkspaces(session));
}

}  // namespace creditlens::cli
