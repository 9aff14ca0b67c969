// pipeline_bench: generator + distribution, the unit of work programs run.
//
// BM_Pipeline<Case, Make> draws variates one call at a time from a
// distribution over a generator, both built before the timed loop, for
// uniform int ([0, 999]), uniform real ([0, 1)), normal (0, 1) double and
// float, and exponential (1), with
//   - std:: distribution + std::mt19937_64: the baseline;
//   - cbrng:: distribution + std::mt19937_64: the distribution's own cost;
//   - cbrng:: distribution + cbrng::stream<> (philox4x32_10, 32-bit words),
//     + cbrng::stream<philox4x64_10> (64-bit words) and
//     + cbrng::buffered_stream<> (32-bit words, a 32-block buffer): the
//     bit-stable pipeline.
// For normal<float> one more row, cbrng-1.x, is the 1.x float normal (AS 241
// in double, detail::normal_from_bits_v1) over the same stream: the 2.0 float
// inverse CDF must be at least as fast. Items are variates. The std::
// distributions are not bit-stable (their algorithms differ between standard
// libraries); the cbrng:: ones are, which is part of what is being paid for.
#include <benchmark/benchmark.h>

#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/stream.hpp>

#include <cstdint>
#include <random>
#include <string>

namespace {

constexpr int batch = 64;  // variates per timed iteration
constexpr std::uint64_t seed = 0x5eed;

struct std_lib {
    static constexpr const char* name = "std";
    template <class T>
    using uniform_int = std::uniform_int_distribution<T>;
    template <class T>
    using uniform_real = std::uniform_real_distribution<T>;
    template <class T>
    using normal = std::normal_distribution<T>;
    template <class T>
    using exponential = std::exponential_distribution<T>;
};
struct cbrng_lib {
    static constexpr const char* name = "cbrng";
    template <class T>
    using uniform_int = cbrng::uniform_int_distribution<T>;
    template <class T>
    using uniform_real = cbrng::uniform_real_distribution<T>;
    template <class T>
    using normal = cbrng::normal_distribution<T>;
    template <class T>
    using exponential = cbrng::exponential_distribution<T>;
};

template <class Lib>
struct uniform_int_case {
    static constexpr const char* name = "uniform_int<int>(0,999)";
    auto operator()() const { return typename Lib::template uniform_int<int>{0, 999}; }
};
template <class Lib>
struct uniform_real_case {
    static constexpr const char* name = "uniform_real<double>(0,1)";
    auto operator()() const { return typename Lib::template uniform_real<double>{0.0, 1.0}; }
};
template <class Lib>
struct normal_case {
    static constexpr const char* name = "normal<double>(0,1)";
    auto operator()() const { return typename Lib::template normal<double>{0.0, 1.0}; }
};
template <class Lib>
struct normal_float_case {
    static constexpr const char* name = "normal<float>(0,1)";
    auto operator()() const { return typename Lib::template normal<float>{0.0f, 1.0f}; }
};
/// The 1.x float normal, for the comparison only: one 32-bit draw, AS 241 in
/// double.
struct normal_float_v1 {
    cbrng::detail::normal_param<float> p;
    template <class URBG>
    float operator()(URBG& g) const {
        return cbrng::detail::normal_from_bits_v1(cbrng::detail::generate_variate_bits<float>(g),
                                                  p);
    }
};
struct cbrng_v1_lib {
    static constexpr const char* name = "cbrng-1.x";
};
template <class Lib>
struct normal_float_v1_case {
    static constexpr const char* name = "normal<float>(0,1)";
    normal_float_v1 operator()() const {
        return normal_float_v1{cbrng::detail::normal_param<float>{0.0f, 1.0f}};
    }
};

template <class Lib>
struct exponential_case {
    static constexpr const char* name = "exponential<double>(1)";
    auto operator()() const { return typename Lib::template exponential<double>{1.0}; }
};

struct make_mt19937_64 {
    static constexpr const char* name = "std::mt19937_64";
    std::mt19937_64 operator()() const { return std::mt19937_64{seed}; }
};
template <class Bijection>
struct make_stream;
template <>
struct make_stream<cbrng::philox4x32_10> {
    static constexpr const char* name = "cbrng::stream<philox4x32_10>";
    cbrng::stream<cbrng::philox4x32_10> operator()() const { return {seed, 0, 7}; }
};
template <>
struct make_stream<cbrng::philox4x64_10> {
    static constexpr const char* name = "cbrng::stream<philox4x64_10>";
    cbrng::stream<cbrng::philox4x64_10> operator()() const { return {seed, 0, 7}; }
};

struct make_buffered_stream {
    static constexpr const char* name = "cbrng::buffered_stream<philox4x32_10>";
    cbrng::buffered_stream<cbrng::philox4x32_10> operator()() const { return {seed, 0, 7}; }
};

/// Per-call variates from Case{}() over Make{}(), both built outside the loop.
template <class Case, class Make>
void BM_Pipeline(benchmark::State& state) {
    auto gen = Make{}();
    auto dist = Case{}();
    for (auto _ : state) {
        for (int i = 0; i < batch; ++i) benchmark::DoNotOptimize(dist(gen));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * batch);
}

/// Registers BM_Pipeline/<distribution>/<library>/<generator>.
template <template <class> class Case, class Lib, class Make>
void add() {
    const std::string name =
        std::string("BM_Pipeline/") + Case<Lib>::name + "/" + Lib::name + "/" + Make::name;
    benchmark::RegisterBenchmark(name.c_str(), &BM_Pipeline<Case<Lib>, Make>);
}

template <template <class> class Case>
void add_case() {
    add<Case, std_lib, make_mt19937_64>();  // the baseline
    add<Case, cbrng_lib, make_mt19937_64>();
    add<Case, cbrng_lib, make_stream<cbrng::philox4x32_10>>();
    add<Case, cbrng_lib, make_stream<cbrng::philox4x64_10>>();
    add<Case, cbrng_lib, make_buffered_stream>();
}

}  // namespace

int main(int argc, char** argv) {
    add_case<uniform_int_case>();
    add_case<uniform_real_case>();
    add_case<normal_case>();
    add_case<normal_float_case>();
    add<normal_float_v1_case, cbrng_v1_lib, make_stream<cbrng::philox4x32_10>>();
    add_case<exponential_case>();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
