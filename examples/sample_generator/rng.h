// Deterministic random numbers for the sample generator: std::mt19937_64 (whose output the standard
// fixes bit for bit) with the distributions written here, so a seed gives the same data everywhere.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <span>

namespace creditlens::sample {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // A generator for one named stream of a seed, so that drawing more numbers in one part of the
  // generator does not shift the numbers another part sees.
  static Rng ForStream(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t Next() { return engine_(); }

  // Uniform in [0, 1), from the top 53 bits of one draw.
  double Uniform01() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double Uniform(double low, double high) { return low + (high - low) * Uniform01(); }
  // Uniform integer in [0, n) for n > 0, without modulo bias.
  std::uint64_t Below(std::uint64_t n);
  bool Chance(double probability) { return Uniform01() < probability; }
  // Exponential with the given mean.
  double Exponential(double mean) { return -mean * std::log1p(-Uniform01()); }
  // Standard normal (Box-Muller; one value per call).
  double Normal();
  // Log-normal with the given median and log-space standard deviation.
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  // An index drawn with probability proportional to the increments of a cumulative weight table
  // (non-decreasing, last element > 0).
  std::size_t PickCumulative(std::span<const double> cumulative);

 private:
  std::mt19937_64 engine_;
};

}  // namespace creditlens::sample
