// creditlens project: run a projection scenario file (or re-run a saved projection) on the data and
// write the result as a PDF/PNG/SVG document or as the saved-projection JSON.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "commands.h"
#include "install_paths.h"
#include "output_format.h"
#include "projection/projection.h"
#include "projection/projection_document.h"
#include "projection/projection_json.h"
#include "projection/scenario_file.h"
#include "scope_options.h"
#include "source_session.h"

namespace creditlens::cli {
namespace {

std::string ReadSaved(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read saved projection '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Assumptions {
  projection::ProjectionSpec spec;
  std::string saved_workspace;  // the workspace a saved projection was made for
};

// The assumptions to run: the scenario file's or the saved projection's, with the command line's
// overrides.
Assumptions LoadAssumptions(const ParsedArgs& args) {
  Assumptions assumptions;
  projection::ProjectionSpec& spec = assumptions.spec;
  if (const auto saved = args.Get("from")) {
    projection::Projection loaded = projection::LoadProjection(ReadSaved(*saved), *saved);
    spec = std::move(loaded.spec);
    assumptions.saved_workspace = loaded.resolved.workspace_id;
  } else {
    spec = projection::LoadScenarioFile(args.positionals()[0], ScriptsDir());
  }
  if (const auto horizon = args.Get("horizon")) spec.horizon = *horizon;
  if (const auto basis = args.Get("basis")) spec.basis = *basis;
  if (const auto method = args.Get("method")) {
    const auto parsed = projection::ParseMethod(*method);
    if (!parsed) throw UsageError("--method expects seasonal or current_rate, got '" + *method + "'");
    spec.method = *parsed;
  }
  return assumptions;
}

// --workspace, else the spec's, else the one a saved projection was made for, else the store's only
// workspace (among `workspaces`, the store's accounts).
std::string ChooseWorkspace(const ScopeArgs& scope_args, const Assumptions& assumptions,
                            const std::vector<Workspace>& workspaces) {
  if (scope_args.workspace) return *scope_args.workspace;
  if (!assumptions.spec.workspace.empty()) return assumptions.spec.workspace;
  if (!assumptions.saved_workspace.empty()) return assumptions.saved_workspace;
  if (workspaces.size() == 1) return workspaces.front().id;
  std::string ids;
  for (const Workspace& w : workspaces) ids += (ids.empty() ? "" : ", ") + w.id;
  throw UsageError("a projection follows one workspace's plan and cycles: give --workspace (one of: " + ids +
                   ")");
}

void Write(const projection::Projection& projection, OutputFormat format,
           const std::optional<std::string>& output) {
  if (IsImage(format)) {
    WriteImage(projection::ProjectionDocument(projection), format, output);
  } else {
    WriteText(projection::SaveProjection(projection), output);
  }
  if (output) std::printf("wrote %s\n", output->c_str());
}

int RunProject(const ParsedArgs& args, const std::filesystem::path& executable) {
  const bool from_saved = args.Has("from");
  if (args.positionals().size() != (from_saved ? 0u : 1u)) {
    throw UsageError("give one scenario file, or --from SAVED.json");
  }
  const OutputFormat format = ChooseOutputFormat(
      args, {OutputFormat::kPdf, OutputFormat::kPng, OutputFormat::kSvg, OutputFormat::kJson});
  if (args.Has("as-saved")) {
    if (!from_saved) throw UsageError("--as-saved draws a saved projection: give --from SAVED.json");
    const std::string saved = *args.Get("from");
    Write(projection::LoadProjection(ReadSaved(saved), saved), format, args.Get("output"));
    return 0;
  }
  const Assumptions assumptions = LoadAssumptions(args);
  ScopeArgs scope_args = ParseScopeArgs(args);

  auto session = OpenSource(args, executable, Access::kRead);
  std::vector<Workspace> workspaces = LoadWorkspaces(*session);
  scope_args.workspace = ChooseWorkspace(scope_args, assumptions, workspaces);
  const Scope scope = OpenScope(scope_args, *session, std::move(workspaces));
  const projection::Projection projection = [&] {
    try {
      return projection::RunProjection(*scope.engine, assumptions.spec, scope.as_of_ms);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }();
  Write(projection, format, args.Get("output"));
  return 0;
}

}  // namespace

Command ProjectCommand() {
  CommandSpec spec{
      "project", "SCENARIO.lua",
      "Project credit use to a horizon under what-if scenarios; write a PDF/PNG/SVG or the saved JSON.",
      "A scenario file (examples/scenarios/) returns cl.projection { horizon, basis, method, scenarios }.\n"
      "Each feature is forecast from the basis period; each scenario's changes apply on top; the\n"
      "projected usage goes through the ledger (included, prepaid, flex) up to the horizon.\n"
      "-o FILE.json saves the projection: every assumption and result in one document. --from FILE.json\n"
      "re-runs a saved projection on current data; with --as-saved it draws the saved results as they\n"
      "are, without opening any data. History counts whole days: today, until it ends, is projected.",
      SourceOptions()};
  const std::vector<OptionSpec> more = {
      {"output", "FILE", "where to write (-o FILE: .pdf, .png, .svg or .json)"},
      {"format", "FORMAT", "pdf, png, svg or json (json goes to stdout without -o)"},
      {"from", "SAVED.json", "re-run a saved projection instead of a scenario file"},
      {"as-saved", "", "with --from: draw the saved results, do not re-run"},
      {"horizon", "HORIZON", "override: cycle_end, next_cycle_end, 3m, 1y, Nd or YYYY-MM-DD"},
      {"basis", "BASIS", "override: 7d, 30d, 90d, cycle, previous_cycle or FIRST..LAST"},
      {"method", "METHOD", "override: seasonal or current_rate"},
  };
  spec.options.insert(spec.options.end(), more.begin(), more.end());
  for (const OptionSpec& option : ScopeOptions()) {
    if (option.name != "tz") spec.options.push_back(option);  // days follow the workspace's own zone
  }
  return {spec, &RunProject};
}

}  // namespace creditlens::cli
