// fill_bench: throughput of cbrng::fill (include/cbrng/fill.hpp) on every
// SIMD path, against its baselines in the same binary.
//
// BM_FillRaw<Gen, Path> writes raw words, BM_FillUniformDouble,
// BM_FillNormalDouble and the inversion family's rows (extreme value,
// lognormal, Cauchy, Weibull; 64 KiB only) write doubles, into a 64 KiB (L2-resident) or a 256 MiB
// (DRAM) buffer; Path is the back end forced for the run (scalar, avx2,
// avx512; skipped where the CPU lacks it). Generators and buffers are built
// outside the timed loop, and the buffer is touched once before it, so page
// faults are not timed. Rates are bytes written per second.
//
// Baselines (fill_baselines.cpp, compiled with -march=native): Random123's
// Philox4x32 and Threefry4x64 in a plain loop, Philox4x32 + r123::u01<double>,
// std::mt19937_64 with std::uniform_real_distribution and
// std::normal_distribution; and memset of the same buffer, the memory
// bandwidth limit. scripts/bench-fill.sh runs this and prints the ratios.
#include <benchmark/benchmark.h>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "fill_baselines.hpp"

namespace {

constexpr std::uint64_t seed = 0x5eed;

/// A 4 KiB-aligned buffer, touched once so that page faults are not timed.
class buffer {
  public:
    explicit buffer(std::size_t bytes)
        : bytes_(bytes), data_(static_cast<unsigned char*>(std::aligned_alloc(4096, bytes))) {
        std::memset(data_.get(), 1, bytes_);
    }
    template <class T>
    T* as() noexcept {
        return reinterpret_cast<T*>(data_.get());
    }
    [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }

  private:
    struct free_deleter {
        void operator()(unsigned char* p) const noexcept { std::free(p); }
    };
    std::size_t bytes_;
    std::unique_ptr<unsigned char, free_deleter> data_;
};

using cbrng::detail::isa;

/// Forces a back end for the benchmark; false (and the run marked skipped)
/// where the CPU lacks it.
bool force(benchmark::State& state, isa p, cbrng::detail::scoped_isa& forced) {
    if (!forced.ok()) {
        state.SkipWithError((std::string("CPU lacks ") + cbrng::detail::isa_name(p)).c_str());
        return false;
    }
    return true;
}

template <class Bijection>
cbrng::stream<Bijection> make_stream() {
    return cbrng::stream<Bijection>{cbrng::stream_id{seed, 1, 2}};
}

void set_rate(benchmark::State& state, std::size_t bytes) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(bytes));
}

template <class Bijection, isa Path>
void BM_FillRaw(benchmark::State& state) {
    cbrng::detail::scoped_isa forced{Path};
    if (!force(state, Path, forced)) return;
    using word = typename cbrng::stream<Bijection>::result_type;
    buffer buf(static_cast<std::size_t>(state.range(0)));
    word* out = buf.as<word>();
    const std::size_t n = buf.bytes() / sizeof(word);
    auto s = make_stream<Bijection>();
    for (auto _ : state) {
        if (s.remaining() < n) s.set_position(0);
        cbrng::fill(s, out, out + n);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

template <class Bijection, isa Path, class Dist>
void fill_doubles(benchmark::State& state, const Dist& dist) {
    cbrng::detail::scoped_isa forced{Path};
    if (!force(state, Path, forced)) return;
    buffer buf(static_cast<std::size_t>(state.range(0)));
    double* out = buf.as<double>();
    const std::size_t n = buf.bytes() / sizeof(double);
    auto s = make_stream<Bijection>();
    for (auto _ : state) {
        if (s.remaining() < 2 * n) s.set_position(0);
        cbrng::fill(s, out, out + n, dist);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

template <class Bijection, isa Path>
void BM_FillUniformDouble(benchmark::State& state) {
    fill_doubles<Bijection, Path>(state, cbrng::uniform_real_distribution<double>{0.0, 1.0});
}

template <class Bijection, isa Path>
void BM_FillNormalDouble(benchmark::State& state) {
    fill_doubles<Bijection, Path>(state, cbrng::normal_distribution<double>{0.0, 1.0});
}

// The inversion family (issue 12): extreme_value, lognormal, weibull and
// cauchy, each with batch transforms.
template <class Bijection, isa Path>
void BM_FillExtremeValueDouble(benchmark::State& state) {
    fill_doubles<Bijection, Path>(state, cbrng::extreme_value_distribution<double>{0.0, 1.0});
}
template <class Bijection, isa Path>
void BM_FillLognormalDouble(benchmark::State& state) {
    fill_doubles<Bijection, Path>(state, cbrng::lognormal_distribution<double>{0.0, 1.0});
}
template <class Bijection, isa Path>
void BM_FillCauchyDouble(benchmark::State& state) {
    fill_doubles<Bijection, Path>(state, cbrng::cauchy_distribution<double>{0.0, 1.0});
}
template <class Bijection, isa Path>
void BM_FillWeibullDouble(benchmark::State& state) {
    fill_doubles<Bijection, Path>(state, cbrng::weibull_distribution<double>{1.5, 1.0});
}

// ------------------------------------------------------------------ baselines

// The same key and counter words as make_stream's: key = seed, counter =
// {block, task, process, 0} (stream.hpp's layout).
std::uint32_t philox_key[2] = {static_cast<std::uint32_t>(seed), 0};
std::uint32_t philox_ctr[4] = {0, 2, 0, 1};
std::uint64_t threefry_key[4] = {seed, 0, 0, 0};
std::uint64_t threefry_ctr[4] = {0, 2, 1, 0};

void BM_Random123Philox4x32(benchmark::State& state) {
    buffer buf(static_cast<std::size_t>(state.range(0)));
    auto* out = buf.as<std::uint32_t>();
    for (auto _ : state) {
        fill_baselines::random123_philox4x32(out, buf.bytes() / 4, philox_ctr, philox_key);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

void BM_Random123Threefry4x64(benchmark::State& state) {
    buffer buf(static_cast<std::size_t>(state.range(0)));
    auto* out = buf.as<std::uint64_t>();
    for (auto _ : state) {
        fill_baselines::random123_threefry4x64(out, buf.bytes() / 8, threefry_ctr, threefry_key);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

void BM_Random123Philox4x32U01Double(benchmark::State& state) {
    buffer buf(static_cast<std::size_t>(state.range(0)));
    auto* out = buf.as<double>();
    for (auto _ : state) {
        fill_baselines::random123_philox4x32_u01_double(out, buf.bytes() / 8, philox_ctr,
                                                        philox_key);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

template <void (*Loop)(fill_baselines::std_state&, double*, std::size_t)>
void std_doubles(benchmark::State& state) {
    buffer buf(static_cast<std::size_t>(state.range(0)));
    auto* out = buf.as<double>();
    const std::unique_ptr<fill_baselines::std_state, void (*)(fill_baselines::std_state*)> s{
        fill_baselines::std_state_new(seed), fill_baselines::std_state_delete};
    for (auto _ : state) {
        Loop(*s, out, buf.bytes() / 8);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

void BM_StdMt19937_64UniformDouble(benchmark::State& state) {
    std_doubles<fill_baselines::std_mt19937_64_uniform_double>(state);
}
void BM_StdMt19937_64NormalDouble(benchmark::State& state) {
    std_doubles<fill_baselines::std_mt19937_64_normal_double>(state);
}
void BM_StdMt19937_64ExtremeValueDouble(benchmark::State& state) {
    std_doubles<fill_baselines::std_mt19937_64_extreme_value_double>(state);
}
void BM_StdMt19937_64LognormalDouble(benchmark::State& state) {
    std_doubles<fill_baselines::std_mt19937_64_lognormal_double>(state);
}
void BM_StdMt19937_64CauchyDouble(benchmark::State& state) {
    std_doubles<fill_baselines::std_mt19937_64_cauchy_double>(state);
}
void BM_StdMt19937_64WeibullDouble(benchmark::State& state) {
    std_doubles<fill_baselines::std_mt19937_64_weibull_double>(state);
}

void BM_Memset(benchmark::State& state) {
    buffer buf(static_cast<std::size_t>(state.range(0)));
    int value = 0;
    for (auto _ : state) {
        std::memset(buf.as<unsigned char>(), ++value & 0xff, buf.bytes());
        benchmark::DoNotOptimize(buf.as<unsigned char>());
        benchmark::ClobberMemory();
    }
    set_rate(state, buf.bytes());
}

constexpr std::int64_t small = std::int64_t{64} << 10;   // 64 KiB
constexpr std::int64_t large = std::int64_t{256} << 20;  // 256 MiB

void sizes(benchmark::internal::Benchmark* b) {
    b->Arg(small)->Arg(large)->Unit(benchmark::kMicrosecond);
}

using cbrng::philox4x32_10;
using cbrng::threefry4x64_20;

BENCHMARK(BM_Memset)->Apply(sizes);

BENCHMARK_TEMPLATE(BM_FillRaw, philox4x32_10, isa::scalar)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillRaw, philox4x32_10, isa::avx2)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillRaw, philox4x32_10, isa::avx512)->Apply(sizes);
BENCHMARK(BM_Random123Philox4x32)->Apply(sizes);

BENCHMARK_TEMPLATE(BM_FillRaw, threefry4x64_20, isa::scalar)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillRaw, threefry4x64_20, isa::avx2)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillRaw, threefry4x64_20, isa::avx512)->Apply(sizes);
BENCHMARK(BM_Random123Threefry4x64)->Apply(sizes);

BENCHMARK_TEMPLATE(BM_FillUniformDouble, philox4x32_10, isa::scalar)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillUniformDouble, philox4x32_10, isa::avx2)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillUniformDouble, philox4x32_10, isa::avx512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillUniformDouble, threefry4x64_20, isa::avx2)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillUniformDouble, threefry4x64_20, isa::avx512)->Apply(sizes);
BENCHMARK(BM_Random123Philox4x32U01Double)->Apply(sizes);
BENCHMARK(BM_StdMt19937_64UniformDouble)->Apply(sizes);

BENCHMARK_TEMPLATE(BM_FillNormalDouble, philox4x32_10, isa::scalar)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillNormalDouble, philox4x32_10, isa::avx2)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillNormalDouble, philox4x32_10, isa::avx512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillNormalDouble, threefry4x64_20, isa::avx2)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FillNormalDouble, threefry4x64_20, isa::avx512)->Apply(sizes);
BENCHMARK(BM_StdMt19937_64NormalDouble)->Apply(sizes);

// Inversion family: the L2-resident buffer only (the rows are compute-bound).
void small_only(benchmark::internal::Benchmark* b) {
    b->Arg(small)->Unit(benchmark::kMicrosecond);
}
BENCHMARK_TEMPLATE(BM_FillExtremeValueDouble, philox4x32_10, isa::scalar)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillExtremeValueDouble, philox4x32_10, isa::avx2)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillExtremeValueDouble, philox4x32_10, isa::avx512)->Apply(small_only);
BENCHMARK(BM_StdMt19937_64ExtremeValueDouble)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillLognormalDouble, philox4x32_10, isa::scalar)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillLognormalDouble, philox4x32_10, isa::avx2)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillLognormalDouble, philox4x32_10, isa::avx512)->Apply(small_only);
BENCHMARK(BM_StdMt19937_64LognormalDouble)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillCauchyDouble, philox4x32_10, isa::avx512)->Apply(small_only);
BENCHMARK(BM_StdMt19937_64CauchyDouble)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillWeibullDouble, philox4x32_10, isa::scalar)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillWeibullDouble, philox4x32_10, isa::avx2)->Apply(small_only);
BENCHMARK_TEMPLATE(BM_FillWeibullDouble, philox4x32_10, isa::avx512)->Apply(small_only);
BENCHMARK(BM_StdMt19937_64WeibullDouble)->Apply(small_only);

}  // namespace

BENCHMARK_MAIN();
