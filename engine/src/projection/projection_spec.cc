#include "projection/projection_spec.h"

namespace creditlens::projection {
namespace {

// Looks `text` up among the names ToString gives each of `values`.
template <typename Enum, std::size_t N>
std::optional<Enum> ParseName(std::string_view text, const Enum (&values)[N]) {
  for (const Enum value : values) {
    if (text == ToString(value)) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* ToString(Method method) { return method == Method::kCurrentRate ? "current_rate" : "seasonal"; }
const char* ToString(StartMode start) { return start == StartMode::kScratch ? "scratch" : "current"; }

const char* ToString(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kScale:
      return "scale";
    case ChangeKind::kAdd:
      return "add";
    case ChangeKind::kSet:
      return "set";
  }
  return "?";
}

const char* ToString(RatePer per) {
  switch (per) {
    case RatePer::kDay:
      return "day";
    case RatePer::kWeek:
      return "week";
    case RatePer::kMonth:
      return "month";
  }
  return "?";
}

std::optional<Method> ParseMethod(std::string_view text) {
  return ParseName(text, {Method::kSeasonal, Method::kCurrentRate});
}
std::optional<StartMode> ParseStartMode(std::string_view text) {
  return ParseName(text, {StartMode::kCurrent, StartMode::kScratch});
}
std::optional<ChangeKind> ParseChangeKind(std::string_view text) {
  return ParseName(text, {ChangeKind::kScale, ChangeKind::kAdd, ChangeKind::kSet});
}
std::optional<RatePer> ParseRatePer(std::string_view text) {
  return ParseName(text, {RatePer::kDay, RatePer::kWeek, RatePer::kMonth});
}

}  // namespace creditlens::projection
