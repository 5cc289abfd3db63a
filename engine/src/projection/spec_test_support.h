// Helpers for the projection I/O tests: days, changes and scenarios written briefly.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/timestamp.h"
#include "projection/projection_spec.h"

// Test-only: the helpers live in the projection namespace so tests read them unqualified.
namespace creditlens::projection {

inline std::int32_t Day(const char* date) { return *model::ParseIsoDate(date); }

// A change built up field by field: ChangeOf("inference", ChangeKind::kScale, 2).From("2026-12-01").
class ChangeOf {
 public:
  ChangeOf(std::string feature, ChangeKind kind, double amount) {
    change_.feature = std::move(feature);
    change_.kind = kind;
    change_.amount = amount;
  }
  ChangeOf& Category(std::string category) { return Set(change_.category, std::move(category)); }
  ChangeOf& Per(RatePer per) { return Set(change_.per, per); }
  ChangeOf& From(const char* date) { return Set(change_.from_day, Day(date)); }
  ChangeOf& To(const char* date) { return Set(change_.until_day, Day(date)); }
  ChangeOf& RampUntil(const char* date) { return Set(change_.ramp_until_day, Day(date)); }
  ChangeOf& At(std::string where) { return Set(change_.where, std::move(where)); }
  operator FeatureChange() const { return change_; }

 private:
  template <typename Field, typename Value>
  ChangeOf& Set(Field& field, Value value) {
    field = std::move(value);
    return *this;
  }
  FeatureChange change_;
};

inline Scenario MakeScenario(std::string name, std::string where, std::vector<FeatureChange> changes = {},
                             StartMode start = StartMode::kCurrent) {
  Scenario scenario;
  scenario.name = std::move(name);
  scenario.start = start;
  scenario.changes = std::move(changes);
  scenario.where = std::move(where);
  return scenario;
}

inline ProjectionSpec MakeSpec(std::string title, std::string horizon, std::string basis, Method method,
                               std::vector<Scenario> scenarios) {
  ProjectionSpec spec;
  spec.title = std::move(title);
  spec.horizon = std::move(horizon);
  spec.basis = std::move(basis);
  spec.method = method;
  spec.scenarios = std::move(scenarios);
  return spec;
}

}  // namespace creditlens::projection
