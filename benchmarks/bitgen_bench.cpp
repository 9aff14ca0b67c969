// bitgen_bench: what numpy's Generator costs per value when it draws from a
// bit generator, and where the floor of a buffered bit generator lies.
//
// numpy.random.Generator's own methods (random, integers,
// standard_exponential, ...) call the bit generator once per value through a
// function pointer in a bitgen_t (numpy/random/bitgen.h): its loops are
// `for (i = 0; i < n; i++) out[i] = bitgen->next_double(bitgen->state);`.
// BM_NumpyLoop<Subject> times that loop, compiled here with the same shape (an
// out-of-line loop over a struct of function pointers the compiler cannot see
// through), with the callbacks of cbrng._core (python/src/bitgen_words.hpp,
// the same code the extension compiles) for:
//
//   - cbrng::buffered_stream<B, 128> for every stream generator, the buffer
//     the extension uses (docs/python.md, "Bit generator internals");
//   - pcg64 (pcg-cpp's, the algorithm of numpy's PCG64: 128-bit LCG,
//     XSL-RR output), the baseline numpy users compare against;
//   - replay<W>: the same buffered-read callback over a buffer that is never
//     recomputed (its "refill" only rewinds). No buffered bit generator can
//     be cheaper than this through numpy's loop: it is the call, the index
//     check, the load and the store, with zero cost to make the words.
//
// Items are values (doubles for next_double, 64-bit integers for
// next_uint64). A cbrng row minus the replay row of its word width is what
// making the words costs; the pcg64 row against the replay row says how much
// of a word's time is left for making it, if a row is to reach a given
// fraction of PCG64's speed. docs/python.md has the table.
#include <benchmark/benchmark.h>

#include <cbrng/stream.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include <pcg_random.hpp>

#include "bitgen_words.hpp"

namespace {

/// numpy's bitgen_t, the fields its loops use.
struct bitgen {
    void* state;
    std::uint64_t (*next_uint64)(void*);
    double (*next_double)(void*);
};

// numpy's fill loops (distributions.c), out of line as they are in numpy's
// shared library.
__attribute__((noinline)) void double_fill(bitgen* g, std::size_t n, double* out) {
    for (std::size_t i = 0; i < n; ++i) out[i] = g->next_double(g->state);
}
__attribute__((noinline)) void uint64_fill(bitgen* g, std::size_t n, std::uint64_t* out) {
    for (std::size_t i = 0; i < n; ++i) out[i] = g->next_uint64(g->state);
}

/// The floor: buffered_stream's read path (index check, load, store) over
/// 512 words that are never recomputed.
template <class Word>
struct replay {
    using result_type = Word;
    static constexpr std::size_t words = 512;
    Word buf[words];
    std::size_t idx = words;
    replay() {
        for (std::size_t i = 0; i < words; ++i)
            buf[i] = static_cast<Word>(0x9e3779b97f4a7c15u * (i + 1));
    }
    __attribute__((noinline)) void refill() { idx = 0; }
    Word operator()() {
        if (idx == words) refill();
        return buf[idx++];
    }
};

/// pcg64 with a result_type bitgen_words can map (64-bit words).
struct pcg64_words {
    using result_type = std::uint64_t;
    pcg64 g{0x5eed, 7};
    std::uint64_t operator()() { return g(); }
};

template <class S>
struct callbacks {
    using W = cbrng_python::bitgen_words<S>;
    static std::uint64_t next_uint64(void* st) noexcept { return static_cast<W*>(st)->uint64(); }
    static double next_double(void* st) noexcept { return static_cast<W*>(st)->real(); }
};

template <class S>
S make() {
    if constexpr (std::is_constructible_v<S, cbrng::stream_id>) {
        return S{cbrng::stream_id{0x5eed, 0, 7}};
    } else {
        return S{};
    }
}

template <class S>
void BM_NumpyLoop(benchmark::State& state) {
    cbrng_python::bitgen_words<S> w{make<S>()};
    bitgen g{&w, &callbacks<S>::next_uint64, &callbacks<S>::next_double};
    benchmark::DoNotOptimize(g);  // the loop sees only the pointers
    const auto n = static_cast<std::size_t>(state.range(0));
    std::vector<double> out(n);
    for (auto _ : state) {
        double_fill(&g, n, out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

template <class S>
void BM_NumpyLoopUint64(benchmark::State& state) {
    cbrng_python::bitgen_words<S> w{make<S>()};
    bitgen g{&w, &callbacks<S>::next_uint64, &callbacks<S>::next_double};
    benchmark::DoNotOptimize(g);
    const auto n = static_cast<std::size_t>(state.range(0));
    std::vector<std::uint64_t> out(n);
    for (auto _ : state) {
        uint64_fill(&g, n, out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

template <class B>
using buffered = cbrng::buffered_stream<B, 128>;

}  // namespace

// Values per call: 65,536 (the output stays in cache) and 10^7 (80 MB of
// output, python_bench's size).
#define CBRNG_BITGEN_ROW(F, S) BENCHMARK_TEMPLATE(F, S)->Arg(1 << 16)->Arg(10000000)
#define CBRNG_BITGEN_ROWS(F)                               \
    CBRNG_BITGEN_ROW(F, pcg64_words);                      \
    CBRNG_BITGEN_ROW(F, replay<std::uint32_t>);            \
    CBRNG_BITGEN_ROW(F, replay<std::uint64_t>);            \
    CBRNG_BITGEN_ROW(F, buffered<cbrng::philox4x32_10>);   \
    CBRNG_BITGEN_ROW(F, buffered<cbrng::philox2x64_10>);   \
    CBRNG_BITGEN_ROW(F, buffered<cbrng::philox4x64_10>);   \
    CBRNG_BITGEN_ROW(F, buffered<cbrng::threefry4x32_20>); \
    CBRNG_BITGEN_ROW(F, buffered<cbrng::threefry2x64_20>); \
    CBRNG_BITGEN_ROW(F, buffered<cbrng::threefry4x64_20>)

CBRNG_BITGEN_ROWS(BM_NumpyLoop);
CBRNG_BITGEN_ROWS(BM_NumpyLoopUint64);

BENCHMARK_MAIN();
