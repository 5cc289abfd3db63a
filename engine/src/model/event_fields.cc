// Validation rules of the data contract, one per field type.
#include "model/event_fields.h"

#include <charconv>

#include "model/timestamp.h"

namespace creditlens::model {
namespace {

constexpr std::size_t kMaxTextLength = 512;

std::string Quoted(std::string_view text) {
  constexpr std::size_t kShown = 60;
  std::string out = "'";
  out.append(text.substr(0, kShown));
  if (text.size() > kShown) out += "...";
  return out + "'";
}

FieldError Problem(EventField field, std::string expected, std::string_view got) {
  return {std::string(NameOf(field)), "expected " + std::move(expected) + ", got " + Quoted(got)};
}

std::optional<FieldError> CheckText(EventField field, std::string_view text) {
  if (text.size() > kMaxTextLength) {
    return Problem(field, "at most " + std::to_string(kMaxTextLength) + " characters", text);
  }
  return std::nullopt;
}

// "/a/b" stays, "/a/b/" loses its trailing slash; empty segments or a missing leading slash are refused.
std::optional<FieldError> NormalizeFolder(std::string_view text, std::string& folder) {
  folder.clear();
  if (text.empty()) return std::nullopt;
  if (text.size() > 1 && text.back() == '/') text.remove_suffix(1);
  bool bad = text.front() != '/' || text.find("//") != std::string_view::npos;
  if (bad) return Problem(EventField::kFolder, "a path like /prod/eu (leading '/', no empty segments)", text);
  folder.assign(text);
  return std::nullopt;
}

}  // namespace

const std::array<std::string_view, kEventFieldCount> kEventFieldNames = {
    "id",     "ts",      "workspace_id", "category", "feature", "credits", "quantity",   "unit",
    "folder", "api_key", "user_id",      "source",   "run_id",  "module",  "data_bytes",
};

std::optional<EventField> EventFieldByName(std::string_view name) {
  for (std::size_t i = 0; i < kEventFieldCount; ++i) {
    if (kEventFieldNames[i] == name) return static_cast<EventField>(i);
  }
  return std::nullopt;
}

std::string_view NameOf(EventField field) { return kEventFieldNames[static_cast<std::size_t>(field)]; }

bool IsRequired(EventField field) {
  switch (field) {
    case EventField::kId:
    case EventField::kTs:
    case EventField::kWorkspaceId:
    case EventField::kCategory:
    case EventField::kFeature:
    case EventField::kCredits:
      return true;
    default:
      return false;
  }
}

std::optional<FieldError> ValidateEvent(const RawEventFields& raw, UsageEvent& event) {
  for (std::size_t i = 0; i < kEventFieldCount; ++i) {
    const auto field = static_cast<EventField>(i);
    if (IsRequired(field) && raw.text[i].empty())
      return FieldError{std::string(NameOf(field)), "is required"};
    if (auto error = CheckText(field, raw.text[i])) return error;
  }

  const auto ts = ParseIsoTimestamp(raw[EventField::kTs]);
  if (!ts) {
    return Problem(EventField::kTs, "an ISO-8601 timestamp with offset, like 2026-03-01T12:00:00.250Z",
                   raw[EventField::kTs]);
  }
  const auto credits = ParseMicroCredits(raw[EventField::kCredits]);
  if (!credits || *credits < 0) {
    return Problem(EventField::kCredits, "a decimal number >= 0 with at most 6 fractional digits",
                   raw[EventField::kCredits]);
  }
  event.quantity.reset();
  if (const auto text = raw[EventField::kQuantity]; !text.empty()) {
    event.quantity = ParseMicroCredits(text);
    if (!event.quantity || *event.quantity < 0) {
      return Problem(EventField::kQuantity, "a decimal number >= 0 with at most 6 fractional digits", text);
    }
  }
  event.data_bytes.reset();
  if (const auto text = raw[EventField::kDataBytes]; !text.empty()) {
    std::int64_t bytes = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), bytes);
    if (ec != std::errc{} || end != text.data() + text.size() || bytes < 0) {
      return Problem(EventField::kDataBytes, "a whole number of bytes >= 0", text);
    }
    event.data_bytes = bytes;
  }
  if (auto error = NormalizeFolder(raw[EventField::kFolder], event.folder)) return error;

  event.id.assign(raw[EventField::kId]);
  event.ts_ms = *ts;
  event.workspace_id.assign(raw[EventField::kWorkspaceId]);
  event.category.assign(raw[EventField::kCategory]);
  event.feature.assign(raw[EventField::kFeature]);
  event.credits = *credits;
  event.unit.assign(raw[EventField::kUnit]);
  event.api_key.assign(raw[EventField::kApiKey]);
  event.user_id.assign(raw[EventField::kUserId]);
  event.source.assign(raw[EventField::kSource]);
  event.run_id.assign(raw[EventField::kRunId]);
  event.module.assign(raw[EventField::kModule]);
  return std::nullopt;
}

}  // namespace creditlens::model
