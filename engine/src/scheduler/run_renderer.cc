#include "scheduler/run_renderer.h"

#include <algorithm>
#include <stdexcept>

#include "model/time_zone.h"
#include "model/timestamp.h"
#include "render/renderer.h"
#include "schedule/fire_time.h"
#include "script/report_context.h"
#include "script/report_export.h"
#include "script/report_runner.h"

namespace creditlens::scheduler {
namespace {

const char* const kPreviewId = "preview";

// A report is empty when its scope had no usage events in the report's range: the same for every
// report, whatever other periods its charts also show (docs/schedules.md#skip-if-empty).
bool HadUsage(const query::UsageEngine& engine, const std::string& from, const std::string& to) {
  query::UsageQuery total;
  total.first_day = model::ParseIsoDate(from).value();
  total.last_day = model::ParseIsoDate(to).value();
  return engine.Run("total", total).events > 0;
}

std::string EscapeHtml(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "<br>\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlWithPreview(const std::string& text_body, const std::string& title) {
  return "<html><body><p>" + EscapeHtml(text_body) + "</p>\n<p><img src=\"cid:" + kPreviewId + "\" alt=\"" +
         EscapeHtml(title) + "\" style=\"max-width:100%\"></p></body></html>\n";
}

deliver::StoredFile RenderFile(const script::ReportOutput& report, OutputFormat format,
                               const std::string& stem) {
  switch (format) {
    case OutputFormat::kPdf:
      return {stem + ".pdf", "application/pdf", "",
              render::RenderDocumentBytes(report.document, render::ImageFormat::kPdf)};
    case OutputFormat::kPng:
      return {stem + ".png", "image/png", kPreviewId,
              render::RenderDocumentBytes(report.document, render::ImageFormat::kPng)};
    case OutputFormat::kCsv:
      return {stem + ".csv", "text/csv; charset=utf-8", "", script::ExportCsv(report)};
    case OutputFormat::kJson:
      return {stem + ".json", "application/json", "", script::ExportJson(report)};
  }
  throw std::logic_error("unknown output format");
}

const Workspace* FindWorkspace(const std::vector<Workspace>& accounts, const std::string& id) {
  const auto w =
      std::find_if(accounts.begin(), accounts.end(), [&](const Workspace& w) { return w.id == id; });
  if (w == accounts.end()) throw std::runtime_error("workspace '" + id + "' is not in the accounts");
  return &*w;
}

std::vector<std::string> Recipients(const ScheduleSpec& spec, const Workspace* workspace) {
  std::vector<std::string> recipients;
  if (spec.billing_contact) {
    if (!workspace || workspace->billing_email.empty()) {
      throw std::runtime_error("workspace '" + (workspace ? workspace->id : std::string()) +
                               "' has no billing_email to send its report to");
    }
    recipients.push_back(workspace->billing_email);
  }
  for (const auto& to : spec.to) {
    if (std::find(recipients.begin(), recipients.end(), to) == recipients.end()) recipients.push_back(to);
  }
  return recipients;
}

}  // namespace

std::vector<std::string> RunWorkspaces(const ScheduleSpec& spec, const std::vector<Workspace>& accounts) {
  if (spec.workspace) return {*spec.workspace};
  if (!spec.billing_contact) return {""};
  std::vector<std::string> ids;
  for (const auto& w : accounts) ids.push_back(w.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

RenderedOrSkipped RenderRun(const ScheduleConfig& config, const ScheduleSpec& spec,
                            const std::string& workspace_id, std::int64_t fire_ms, SourceConnector& source,
                            const std::vector<Workspace>& accounts,
                            const std::filesystem::path& scripts_dir) {
  const Workspace* workspace = workspace_id.empty() ? nullptr : FindWorkspace(accounts, workspace_id);
  const model::TimeZone zone = workspace ? model::TimeZone::Locate(workspace->timezone) : spec.zone;
  std::optional<std::string> scope;
  if (workspace) scope = workspace->id;
  // A workspace's run sees that workspace only: the engine gets no copy of the others.
  const query::UsageEngine engine(source, workspace ? std::vector<Workspace>{*workspace} : accounts, scope,
                                  zone);
  const script::ReportContext context = script::PrepareReportContext(engine, fire_ms);

  script::ReportRun run;
  run.report_file = spec.report_file;
  run.search_path = {scripts_dir, spec.report_file.parent_path()};
  run.params = spec.params;
  const script::ReportOutput report = script::RunReport(run, engine, context);
  const auto& range = report.meta.at("range").as_object();
  const std::string from(range.at("from").as_string()), to(range.at("to").as_string());
  if (spec.skip_if_empty && !HadUsage(engine, from, to)) {
    return {std::nullopt, "nothing to report: no usage from " + from + " to " + to};
  }
  const std::string fire_date = model::FormatDate(spec.zone.LocalDay(fire_ms));
  const TemplateValues values = {
      {"schedule", spec.name},
      {"report", report.title},
      {"workspace.id", workspace ? workspace->id : ""},
      {"workspace.name", workspace ? workspace->name : "Organisation"},
      {"period", from == to ? from : from + " to " + to},
      {"period.from", from},
      {"period.to", to},
      {"fire_date", fire_date},
      {"fire_time", schedule::FormatFireTime(spec.zone, fire_ms)},
  };

  deliver::RenderedRun rendered;
  rendered.from = config.from;
  rendered.subject = spec.subject.Render(values);
  rendered.text_body = spec.body.Render(values);
  rendered.period = values.at("period");
  const std::string stem = spec.name + "-" + (workspace ? workspace->id : "organisation") + "-" + fire_date;
  for (const OutputFormat format : spec.formats) rendered.files.push_back(RenderFile(report, format, stem));
  if (std::find(spec.formats.begin(), spec.formats.end(), OutputFormat::kPng) != spec.formats.end()) {
    rendered.html_body = HtmlWithPreview(rendered.text_body, report.title);
  }
  const std::vector<std::string> recipients = Recipients(spec, workspace);
  for (const auto& channel : spec.channels) {
    if (channel != "smtp") {
      rendered.deliveries.push_back({channel, ""});
      continue;
    }
    for (const auto& recipient : recipients) rendered.deliveries.push_back({channel, recipient});
  }
  return {std::move(rendered), ""};
}

}  // namespace creditlens::scheduler
