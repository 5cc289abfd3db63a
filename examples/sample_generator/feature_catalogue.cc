// The sample platform's price list and action sizes (see feature_catalogue.h).
#include "feature_catalogue.h"

#include <algorithm>
#include <cmath>

namespace creditlens::sample {
namespace {

constexpr std::int64_t kMicro = 1000000;
constexpr double kMaxUnits = 100000.0;  // keeps quantity * rate far inside int64
constexpr std::int64_t kBytesPerVector = std::int64_t{768} * 4;

constexpr std::array<FeatureSpec, kFeatureCount> kCatalogue = {{
    {"data", "data_storage", "GB-day", 30000, QuantityModel::kBytesAsGigabytes, 8e9, 0.6},
    {"data", "data_transfer", "GB", 80000, QuantityModel::kBytesAsGigabytes, 2e9, 0.8},
    {"data", "vector_index", "k-vectors", 20000, QuantityModel::kVectors, 8000, 0.8},
    {"train", "fine_tune", "k-tokens", 3000, QuantityModel::kMilliUnits, 180, 0.7},
    {"train", "training_gpu_hours", "gpu-hours", 2400000, QuantityModel::kMilliUnits, 0.6, 0.6},
    {"deploy", "inference_hosted", "calls", 2000, QuantityModel::kWholeUnits, 40, 0.8},
    {"deploy", "inference_serverless", "calls", 3500, QuantityModel::kWholeUnits, 10, 0.8},
    {"deploy", "endpoint_uptime", "endpoint-hours", 400000, QuantityModel::kQuarterHours, 1, 0},
    {"agents", "agent_runs", "runs", 50000, QuantityModel::kWholeUnits, 1, 0.5},
    {"agents", "tool_calls", "calls", 1000, QuantityModel::kWholeUnits, 6, 0.9},
    {"docs", "document_parsing", "pages", 10000, QuantityModel::kWholeUnits, 12, 0.8},
    {"docs", "ocr_pages", "pages", 15000, QuantityModel::kWholeUnits, 6, 0.8},
}};

}  // namespace

const std::array<FeatureSpec, kFeatureCount>& FeatureCatalogue() { return kCatalogue; }

std::int64_t CreditsMicro(std::int64_t quantity_micro, std::int64_t micro_credits_per_unit) {
  return (quantity_micro * micro_credits_per_unit + kMicro / 2) / kMicro;
}

double ExpectedCredits(Feature feature, double scale) {
  const FeatureSpec& spec = SpecOf(feature);
  const double rate = static_cast<double>(spec.micro_credits_per_unit) / kMicro;
  const double mean = spec.median * scale * std::exp(spec.sigma * spec.sigma / 2);
  switch (spec.model) {
    case QuantityModel::kBytesAsGigabytes:
      return mean / 1e9 * rate;
    case QuantityModel::kVectors:
      return mean / 1000 * rate;
    case QuantityModel::kWholeUnits:
    case QuantityModel::kMilliUnits:
      return mean * rate;
    case QuantityModel::kQuarterHours:
      return 0.85 * rate;  // 1 seven times in ten, else 0.25, 0.5 or 0.75
  }
  return 0;
}

Metered DrawMetered(Feature feature, double scale, Rng& rng) {
  const FeatureSpec& spec = SpecOf(feature);
  Metered metered{0, 0, -1};
  switch (spec.model) {
    case QuantityModel::kBytesAsGigabytes: {
      const double bytes = std::clamp(rng.LogNormal(spec.median * scale, spec.sigma), 1e6, kMaxUnits * 1e9);
      metered.data_bytes = static_cast<std::int64_t>(bytes);
      metered.quantity_micro = std::max<std::int64_t>(1, (metered.data_bytes + 500) / 1000);
      break;
    }
    case QuantityModel::kVectors: {
      const double vectors =
          std::clamp(rng.LogNormal(spec.median * scale, spec.sigma), 1.0, kMaxUnits * 1000);
      const auto count = static_cast<std::int64_t>(vectors);
      metered.data_bytes = count * kBytesPerVector;
      metered.quantity_micro = count * 1000;  // thousands of vectors
      break;
    }
    case QuantityModel::kWholeUnits: {
      const double units = std::clamp(rng.LogNormal(spec.median * scale, spec.sigma), 1.0, kMaxUnits);
      metered.quantity_micro = static_cast<std::int64_t>(std::lround(units)) * kMicro;
      break;
    }
    case QuantityModel::kMilliUnits: {
      const double units = std::clamp(rng.LogNormal(spec.median * scale, spec.sigma), 0.001, kMaxUnits);
      metered.quantity_micro = std::llround(units * 1000) * 1000;
      break;
    }
    case QuantityModel::kQuarterHours: {
      const std::uint64_t roll = rng.Below(10);
      metered.quantity_micro = roll < 7 ? kMicro : static_cast<std::int64_t>(roll - 6) * kMicro / 4;
      break;
    }
  }
  metered.credits_micro = CreditsMicro(metered.quantity_micro, spec.micro_credits_per_unit);
  return metered;
}

}  // namespace creditlens::sample
