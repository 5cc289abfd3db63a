// Distributions over std::mt19937_64 written out here, so results do not depend on the standard
// library's (unspecified) distribution algorithms.
#include "rng.h"

#include <numbers>

namespace creditlens::sample {
namespace {

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

Rng Rng::ForStream(std::uint64_t seed, std::uint64_t stream) {
  return Rng(SplitMix64(SplitMix64(seed) ^ SplitMix64(stream * 0x632be59bd9b4e019ULL + 1)));
}

std::uint64_t Rng::Below(std::uint64_t n) {
  const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n: reject the short last bucket
  for (;;) {
    const std::uint64_t x = engine_();
    if (x >= threshold) return x % n;
  }
}

double Rng::Normal() {
  const double u1 = 1.0 - Uniform01();  // (0, 1]
  const double u2 = Uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::size_t Rng::PickCumulative(std::span<const double> cumulative) {
  const double target = Uniform01() * cumulative.back();
  std::size_t i = 0;
  while (i + 1 < cumulative.size() && cumulative[i] <= target) ++i;
  return i;
}

}  // namespace creditlens::sample
