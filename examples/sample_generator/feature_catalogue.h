// The usage types of the sample platform: every category and feature, its metering unit, its price
// in credits per unit and how large one action's quantity tends to be.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "rng.h"

namespace creditlens::sample {

enum class Feature : std::uint8_t {
  kDataStorage,
  kDataTransfer,
  kVectorIndex,
  kFineTune,
  kTrainingGpuHours,
  kInferenceHosted,
  kInferenceServerless,
  kEndpointUptime,
  kAgentRuns,
  kToolCalls,
  kDocumentParsing,
  kOcrPages,
};
inline constexpr std::size_t kFeatureCount = 12;

// How one action's metered quantity is drawn.
enum class QuantityModel : std::uint8_t {
  kBytesAsGigabytes,  // data_bytes drawn; quantity = bytes / 10^9 (GB, GB-day)
  kVectors,           // a vector count drawn; quantity in thousands, data_bytes = count * 768 * 4
  kWholeUnits,        // an integer >= 1 (calls, pages)
  kMilliUnits,        // a decimal with 3 fractional digits (gpu-hours, k-tokens)
  kQuarterHours,      // 0.25, 0.5, 0.75 or (mostly) 1
};

struct FeatureSpec {
  std::string_view category;
  std::string_view name;
  std::string_view unit;
  std::int64_t micro_credits_per_unit;  // credits per unit * 10^6
  QuantityModel model;
  double median;  // of the drawn amount (bytes, vectors or units)
  double sigma;   // log-normal spread
};

// One metered action: quantity in micro-units, credits in micro-credits, data_bytes or -1.
struct Metered {
  std::int64_t quantity_micro;
  std::int64_t credits_micro;
  std::int64_t data_bytes;
};

const std::array<FeatureSpec, kFeatureCount>& FeatureCatalogue();
inline const FeatureSpec& SpecOf(Feature feature) {
  return FeatureCatalogue()[static_cast<std::size_t>(feature)];
}

// Draws one action of a feature; scale multiplies the typical size (a big training run uses > 1).
Metered DrawMetered(Feature feature, double scale, Rng& rng);

// The mean credits of one action drawn with DrawMetered(feature, scale, ...), ignoring clamping.
double ExpectedCredits(Feature feature, double scale);

// credits = quantity * rate, rounded half up to 6 fractional digits, all in micro-units.
std::int64_t CreditsMicro(std::int64_t quantity_micro, std::int64_t micro_credits_per_unit);

}  // namespace creditlens::sample
