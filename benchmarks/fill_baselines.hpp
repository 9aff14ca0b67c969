// The baselines of fill_bench, in their own translation unit
// (fill_baselines.cpp) because they are compiled with -march=native, as the
// performance targets ask, while cbrng's fill stays at the default flags: its
// SIMD paths are chosen at run time and must not need -march. The split also
// keeps Random123's function-like macros (philox4x32(c, k), ...) away from
// cbrng's names.
#ifndef CBRNG_BENCHMARKS_FILL_BASELINES_HPP
#define CBRNG_BENCHMARKS_FILL_BASELINES_HPP

#include <cstddef>
#include <cstdint>

namespace fill_baselines {

/// Random123's r123::Philox4x32 (10 rounds) in a plain loop: n words (a
/// multiple of 4) from the blocks at counters ctr, ctr + 1, ... (word 0
/// counting, ++ctr[0] as in the usual plain loop) under key; advances ctr.
/// Counter and key are run-time values, as a stream's task and seed are, so
/// the compiler cannot fold them.
void random123_philox4x32(std::uint32_t* out, std::size_t n, std::uint32_t (&ctr)[4],
                          const std::uint32_t (&key)[2]);

/// Random123's r123::Threefry4x64 (20 rounds) in a plain loop, as above.
void random123_threefry4x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[4],
                            const std::uint64_t (&key)[4]);

/// n doubles (n even) from Random123's Philox4x32 in a plain loop, two 32-bit
/// words per double (lo, hi) through r123::u01<double>(uint64_t): the same
/// consumption and resolution as cbrng's uniform_real_distribution<double>.
/// Random123's Philox2x64, Philox4x64, Threefry4x32 and Threefry2x64 (10
/// and 20 rounds) in the same plain loop; n is a multiple of the block size.
void random123_philox2x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[2],
                          const std::uint64_t (&key)[1]);
void random123_philox4x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[4],
                          const std::uint64_t (&key)[2]);
void random123_threefry4x32(std::uint32_t* out, std::size_t n, std::uint32_t (&ctr)[4],
                            const std::uint32_t (&key)[4]);
void random123_threefry2x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[2],
                            const std::uint64_t (&key)[2]);

void random123_philox4x32_u01_double(double* out, std::size_t n, std::uint32_t (&ctr)[4],
                                     const std::uint32_t (&key)[2]);

/// Opaque std::mt19937_64 state for the std:: baselines.
struct std_state;
std_state* std_state_new(std::uint64_t seed);
void std_state_delete(std_state* s);

/// std::uniform_real_distribution<double>(0, 1) over std::mt19937_64.
void std_mt19937_64_uniform_double(std_state& s, double* out, std::size_t n);
/// std::normal_distribution<double>(0, 1) over std::mt19937_64.
void std_mt19937_64_normal_double(std_state& s, double* out, std::size_t n);
/// std::extreme_value_distribution<double>(0, 1), std::lognormal_distribution
/// <double>(0, 1), std::cauchy_distribution<double>(0, 1) and
/// std::weibull_distribution<double>(1.5, 1) over std::mt19937_64.
void std_mt19937_64_extreme_value_double(std_state& s, double* out, std::size_t n);
void std_mt19937_64_lognormal_double(std_state& s, double* out, std::size_t n);
void std_mt19937_64_cauchy_double(std_state& s, double* out, std::size_t n);
void std_mt19937_64_weibull_double(std_state& s, double* out, std::size_t n);

}  // namespace fill_baselines

#endif  // CBRNG_BENCHMARKS_FILL_BASELINES_HPP
