// creditlens report: run a Lua report over a source and write PDF, PNG, SVG, JSON or CSV.
#include <cstdio>

#include "commands.h"
#include "install_paths.h"
#include "output_format.h"
#include "scope_options.h"
#include "script/report_context.h"
#include "script/report_export.h"
#include "script/report_params.h"
#include "source_session.h"

namespace creditlens::cli {
namespace {

std::filesystem::path FindReport(const std::string& name) {
  if (std::filesystem::exists(name)) return name;
  auto builtin = ReportsDir() / (name + ".lua");
  if (name.find('/') == std::string::npos && std::filesystem::exists(builtin)) return builtin;
  throw UsageError("report '" + name +
                   "' not found (give a .lua file, or a built-in name such as dashboard)");
}

std::map<std::string, std::string> ParseParams(const ParsedArgs& args) {
  std::map<std::string, std::string> params;
  for (const auto& entry : args.GetAll("param")) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos || equals == 0)
      throw UsageError("--param expects name=value, got '" + entry + "'");
    params[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  return params;
}

std::uint64_t PositiveNumber(const ParsedArgs& args, const char* name, std::uint64_t fallback) {
  const auto text = args.Get(name);
  if (!text) return fallback;
  const auto value = ParseInteger(*text);
  if (!value || *value <= 0) throw UsageError(std::string("--") + name + " expects a number > 0");
  return static_cast<std::uint64_t>(*value);
}

void WriteOutput(const script::ReportOutput& report, OutputFormat format,
                 const std::optional<std::string>& output) {
  if (IsImage(format)) {
    WriteImage(report.document, format, output);
  } else {
    WriteText(format == OutputFormat::kJson ? script::ExportJson(report) : script::ExportCsv(report), output);
  }
}

int RunReport(const ParsedArgs& args, const std::filesystem::path& executable) {
  // Everything the command line alone can get wrong is checked before the source is opened.
  if (args.positionals().size() != 1) throw UsageError("give one report: a .lua file or a built-in name");
  const auto report_file = FindReport(args.positionals()[0]);
  const OutputFormat format = ChooseOutputFormat(
      args,
      {OutputFormat::kPdf, OutputFormat::kPng, OutputFormat::kSvg, OutputFormat::kJson, OutputFormat::kCsv});
  script::ReportRun run;
  run.report_file = report_file;
  run.search_path = {ScriptsDir(), std::filesystem::absolute(report_file).parent_path()};
  for (const auto& dir : args.GetAll("lib-path")) run.search_path.emplace_back(dir);
  run.params = ParseParams(args);
  run.limits.instruction_budget = PositiveNumber(args, "max-instructions", run.limits.instruction_budget);
  run.limits.memory_limit_bytes = PositiveNumber(args, "max-memory-mb", run.limits.memory_limit_bytes >> 20)
                                  << 20;
  const ScopeArgs scope_args = ParseScopeArgs(args);

  auto session = OpenSource(args, executable, Access::kRead);
  const Scope scope = OpenScope(scope_args, *session);
  const query::UsageEngine& engine = *scope.engine;
  const script::ReportContext context = script::PrepareReportContext(engine, scope.as_of_ms);

  const script::ReportOutput report = [&] {
    try {
      return script::RunReport(run, engine, context);
    } catch (const script::ParamError& e) {
      throw UsageError(e.what());
    }
  }();
  WriteOutput(report, format, args.Get("output"));
  if (const auto output = args.Get("output")) std::printf("wrote %s\n", output->c_str());
  return 0;
}

}  // namespace

Command ReportCommand() {
  CommandSpec spec{
      "report", "REPORT", "Run a Lua report (a file, or a built-in name like dashboard) and write it.",
      "The format follows -o's extension (.pdf, .png, .svg, .json, .csv) or --format; JSON and CSV\n"
      "hold the exact numbers behind every chart and KPI. A file is written only when the whole\n"
      "report rendered. Ranges such as \"last 30 days\" and \"current billing month\" are taken as of\n"
      "today, or as of --as-of DATE.",
      SourceOptions()};
  const std::vector<OptionSpec> more = {
      {"output", "FILE", "where to write (-o FILE)"},
      {"format", "FORMAT", "pdf, png, svg, json or csv (json and csv go to stdout without -o)"},
      {"param", "NAME=VALUE", "set a report parameter", true},
      {"lib-path", "DIR", "also let require find Lua modules in DIR", true},
      {"max-instructions", "N", "instruction budget of the script (default 200000000)"},
      {"max-memory-mb", "N", "memory cap of the script in MiB (default 256)"},
  };
  spec.options.insert(spec.options.end(), more.begin(), more.end());
  const auto scope = ScopeOptions();
  spec.options.insert(spec.options.end(), scope.begin(), scope.end());
  return {spec, &RunReport};
}

}  // namespace creditlens::cli
