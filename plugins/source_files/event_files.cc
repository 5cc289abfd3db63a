// Reading every file of a files source, checking each row, and deriving workspaces.
#include "event_files.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "model/accounts_json.h"

namespace creditlens::files {
namespace {

bool IsEventFile(const std::filesystem::path& path) {
  const auto extension = path.extension();
  return extension == ".csv" || extension == ".jsonl" || extension == ".ndjson";
}

struct OpenedFile {
  std::unique_ptr<model::EventReader> reader;
  const FocusEventReader* focus = nullptr;  // the same reader, when the file is a FOCUS export
};

OpenedFile OpenFile(const std::filesystem::path& file, const FocusOptions& focus) {
  if (file.extension() != ".csv" || !IsFocusFile(file)) return {model::OpenEventFile(file), nullptr};
  if (!focus.priced()) {
    throw std::runtime_error(file.string() +
                             ": a FOCUS export: set focus_credit_price (dollars per credit), e.g. "
                             "--source 'files:" +
                             file.string() + "?focus_credit_price=0.01'");
  }
  auto reader = std::make_unique<FocusEventReader>(file, focus);
  const FocusEventReader* as_focus = reader.get();
  return {std::move(reader), as_focus};
}

std::runtime_error RowError(const std::filesystem::path& file, std::uint64_t line, const std::string& field,
                            const std::string& problem) {
  return std::runtime_error(file.string() + ":" + std::to_string(line) + ": " +
                            (field.empty() ? "" : "field '" + field + "': ") + problem);
}

// Workspaces one per id the events name, when no accounts file is given.
class DerivedWorkspaces {
 public:
  explicit DerivedWorkspaces(std::string focus_price) : focus_price_(std::move(focus_price)) {}
  void Saw(const std::string& id, const FocusEventReader* focus) {
    if (id == last_) return;  // events of a workspace mostly come together
    last_ = id;
    auto [it, added] = workspaces_.try_emplace(id);
    if (!added) return;
    Workspace& w = it->second;
    w.id = id;
    w.name = focus && !focus->sub_account_name().empty() ? std::string(focus->sub_account_name()) : id;
    if (focus) w.price_per_credit = focus_price_;
  }
  std::vector<Workspace> Take() {
    std::vector<Workspace> out;
    for (auto& [id, w] : workspaces_) out.push_back(std::move(w));
    return out;
  }

 private:
  std::string focus_price_;
  std::string last_;
  std::map<std::string, Workspace> workspaces_;
};

void Add(FocusSkips& total, const FocusSkips& more) {
  for (const auto& [category, rows] : more.by_charge_category) total.by_charge_category[category] += rows;
  total.negative_usage += more.negative_usage;
}

}  // namespace

std::vector<std::filesystem::path> EventFilesAt(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    throw std::runtime_error("'" + path.string() + "' does not exist");
  if (!std::filesystem::is_directory(path, error)) return {path};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    const auto& file = entry.path();
    if (entry.is_regular_file() && IsEventFile(file) && file.filename().string().front() != '.') {
      files.push_back(file);
    }
  }
  if (files.empty()) {
    throw std::runtime_error(path.string() +
                             ": no event files in the directory (expected .csv, .jsonl or .ndjson)");
  }
  std::sort(files.begin(), files.end());
  return files;
}

LoadedFiles LoadFiles(const FilesOptions& options) {
  LoadedFiles out;
  std::set<std::string, std::less<>> known;
  const bool derive = options.accounts.empty();
  if (!derive) {
    out.workspaces = model::ReadAccountsFile(options.accounts);
    for (const Workspace& w : out.workspaces) known.insert(w.id);
  }
  DerivedWorkspaces derived(options.focus.credit_price_text);
  const auto files = EventFilesAt(options.path);
  for (std::uint32_t file = 0; file < files.size(); ++file) {
    const OpenedFile opened = OpenFile(files[file], options.focus);
    model::EventRow row;
    while (opened.reader->Next(row)) {
      if (row.error) throw RowError(files[file], row.line, row.error->field, row.error->problem);
      const UsageEvent& event = row.event;
      if (derive) {
        derived.Saw(event.workspace_id, opened.focus);
      } else if (!known.contains(event.workspace_id)) {
        throw RowError(files[file], row.line, opened.focus ? "SubAccountId" : "workspace_id",
                       "unknown workspace '" + event.workspace_id + "' (not in the accounts file " +
                           options.accounts.string() + ")");
      }
      if (const auto earlier = out.events.Add(event, file)) {
        if (*earlier == file) {
          throw RowError(files[file], row.line, opened.focus ? "Id" : "id",
                         "id '" + event.id + "' appears earlier in this file");
        }
        ++out.left_out.duplicate_ids;
      }
    }
    if (opened.focus) Add(out.left_out.focus, opened.focus->skipped());
  }
  out.events.Seal();
  if (derive) out.workspaces = derived.Take();
  return out;
}

std::string DescribeLeftOut(const LeftOut& left_out) {
  std::vector<std::string> parts;
  std::uint64_t not_usage = 0;
  std::string categories;
  for (const auto& [category, rows] : left_out.focus.by_charge_category) {
    not_usage += rows;
    (categories += categories.empty() ? "" : ", ") += category + " " + std::to_string(rows);
  }
  if (not_usage > 0) {
    parts.push_back(std::to_string(not_usage) + " FOCUS rows that are not usage (" + categories + ")");
  }
  if (left_out.focus.negative_usage > 0) {
    parts.push_back(
        std::to_string(left_out.focus.negative_usage) +
        " FOCUS usage rows with a negative cost (refunds and corrections: credits cannot be negative)");
  }
  if (left_out.duplicate_ids > 0) {
    parts.push_back(std::to_string(left_out.duplicate_ids) + " events whose id an earlier file holds");
  }
  std::string out;
  for (const std::string& part : parts) (out += out.empty() ? "left out " : "; ") += part;
  return out;
}

}  // namespace creditlens::files
