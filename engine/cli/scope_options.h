// The options that say whose data a command reads and as of when: --workspace, --tz, --as-of.
// Checked in two steps: what the command line alone can get wrong, before the source is opened;
// then the workspace against the source's accounts.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/time_zone.h"
#include "options.h"
#include "query/usage_query.h"
#include "source_session.h"

namespace creditlens::cli {

std::vector<OptionSpec> ScopeOptions();

struct ScopeArgs {
  std::optional<std::string> workspace;
  std::optional<model::TimeZone> zone;  // from --tz
  std::optional<std::int32_t> as_of_day;
};

// The zone --tz names, if given. Throws UsageError for a name the tz database does not know.
std::optional<model::TimeZone> ParseTz(const ParsedArgs& args);

// Throws UsageError for a bad --tz or --as-of.
ScopeArgs ParseScopeArgs(const ParsedArgs& args);

struct Scope {
  std::unique_ptr<query::UsageEngine> engine;
  std::int64_t as_of_ms = 0;  // "now": the end of --as-of's day in the scope's zone, or the clock
};

// The source's accounts. Throws std::runtime_error when they cannot be loaded.
std::vector<Workspace> LoadWorkspaces(SourceSession& session);

// Builds the usage engine over `workspaces` (the source's accounts): the workspace's zone unless --tz,
// else UTC. Throws UsageError for an unknown workspace.
Scope OpenScope(const ScopeArgs& args, SourceSession& session, std::vector<Workspace> workspaces);

// The same, loading the accounts first.
Scope OpenScope(const ScopeArgs& args, SourceSession& session);

}  // namespace creditlens::cli
