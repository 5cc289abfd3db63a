// The usage event's fields by name, and the validation that turns their text into a UsageEvent.
// CSV and JSON Lines readers both fill RawEventFields and share this one set of rules.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "creditlens/usage_event.h"

namespace creditlens::model {

enum class EventField {
  kId,
  kTs,
  kWorkspaceId,
  kCategory,
  kFeature,
  kCredits,
  kQuantity,
  kUnit,
  kFolder,
  kApiKey,
  kUserId,
  kSource,
  kRunId,
  kModule,
  kDataBytes,
};
inline constexpr std::size_t kEventFieldCount = 15;

// The contract's field names, in the canonical CSV column order.
extern const std::array<std::string_view, kEventFieldCount> kEventFieldNames;

std::optional<EventField> EventFieldByName(std::string_view name);
std::string_view NameOf(EventField field);
bool IsRequired(EventField field);

// Text of each field as read from a row; absent fields are empty (CSV) or null (JSON), which is the same.
struct RawEventFields {
  std::array<std::string_view, kEventFieldCount> text{};
  std::string_view& operator[](EventField f) { return text[static_cast<std::size_t>(f)]; }
  std::string_view operator[](EventField f) const { return text[static_cast<std::size_t>(f)]; }
};

struct FieldError {
  std::string field;
  std::string problem;  // "expected ..., got '...'"
};

// Validates every field and fills event. Returns the first problem found.
std::optional<FieldError> ValidateEvent(const RawEventFields& raw, UsageEvent& event);

}  // namespace creditlens::model
