// cbrng/detail/fill/uniform_int.hpp: cbrng::fill's bulk path for
// uniform_int_distribution, bit-identical to the loop of dist(g) calls.
//
// Lemire's method (distributions/uniform_int.hpp) draws one W-bit attempt x
// (one word, or two 32-bit words low half first for a 64-bit attempt from a
// 32-bit generator), forms x * c with c = b - a + 1 values, and accepts the
// attempt exactly when the product's low W bits are >= t = (2^W - c) mod c
// (the scalar code first compares with c, then with t, and t < c, so the
// accepted attempts are the same). A rejected attempt is followed by the next
// attempt from the next words. So the variates of n calls are the high halves
// of the first n accepted attempts of the word sequence, in order, and the
// calls consume the words up to and including the n-th accepted attempt.
//
// The bulk path computes those words in chunks through the generator's SIMD
// block kernels (fill_words, detail/fill/words.hpp, over a copy of the
// generator, so the words are exactly g()'s), maps a run of attempts with a
// loop the compiler vectorises while it checks that none was rejected, and
// takes the exact compaction loop (one output per accepted attempt) for a run
// that holds a rejection. The generator is then moved past exactly the words
// consumed. Near the end of a stream (fewer words left than the next chunk
// needs) the remaining variates are the scalar calls, which write and throw
// where the loop would.
#ifndef CBRNG_DETAIL_FILL_UNIFORM_INT_HPP
#define CBRNG_DETAIL_FILL_UNIFORM_INT_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "../../config.hpp"
#include "../../distributions/uniform_int.hpp"
#include "../cpu.hpp"
#include "../mulhilo.hpp"
#include "../uniform_bits.hpp"
#include "words.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {  // it calls the ISA-specific map (config.hpp)

template <class D>
struct is_uniform_int_distribution : std::false_type {};
template <class IntType>
struct is_uniform_int_distribution<uniform_int_distribution<IntType>> : std::true_type {};

template <class G, class = void>
struct has_remaining_words : std::false_type {};
template <class G>
struct has_remaining_words<G, std::void_t<decltype(std::declval<const G&>().remaining())>>
    : std::true_type {};

/// Words g can still deliver: a stream's remaining(), unlimited otherwise.
template <class G>
[[nodiscard]] std::uint64_t words_left(const G& g) noexcept {
    if constexpr (has_remaining_words<G>::value) {
        return g.remaining();
    } else {
        (void)g;
        return ~std::uint64_t{0};
    }
}

/// Attempts per run: the unit of the vectorised map and of the rejection check.
inline constexpr std::size_t uniform_int_run = 32;

/// Lemire's accept test and offset for one attempt from Word-sized words:
/// Narrow (a 32-bit attempt from a 32-bit generator), Pair (a 64-bit attempt
/// from two 32-bit words, the first the low half) or a 64-bit word. Full: the
/// range is all 2^W values, the attempt is the offset.
template <class Word, bool Narrow, bool Pair>
struct lemire_attempts {
    static constexpr std::size_t words = Pair ? 2 : 1;
    static constexpr bool narrow = Narrow;

    std::uint64_t count;      // c, unused when full
    std::uint64_t threshold;  // t = (2^W - c) mod c; 0 when full
    bool full;

    [[nodiscard]] static std::uint64_t attempt(const Word* w, std::size_t i) noexcept {
        if constexpr (Pair) {
            return std::uint64_t{w[2 * i]} | (std::uint64_t{w[2 * i + 1]} << 32);
        } else {
            return static_cast<std::uint64_t>(w[i]);
        }
    }
    /// x * c for attempt i: hi is the offset in [0, c), and the attempt is
    /// accepted when lo >= threshold.
    [[nodiscard]] static hilo<std::uint64_t> product(const Word* w, std::size_t i,
                                                     std::uint64_t count) noexcept {
        const std::uint64_t x = attempt(w, i);
        if constexpr (Narrow) {
            // 32 x 32 -> 64 bits (c < 2^32 here), which SIMD multiplies do directly.
            const std::uint64_t m =
                std::uint64_t{static_cast<std::uint32_t>(x)} * static_cast<std::uint32_t>(count);
            return {m >> 32, m & 0xffffffffu};
        } else {
            return mulhilo64(x, count);
        }
    }
};

/// Maps `attempts` attempts of w to up to `need` results in out (a + offset,
/// as uniform_int_distribution<IntType> computes it); returns {results
/// written, attempts consumed}. Stops right after the attempt that gives the
/// need-th result, so consumption is the scalar loop's. Inlined into one
/// function per back end below.
template <class IntType, class Attempts, class Word>
CBRNG_FORCEINLINE std::pair<std::size_t, std::size_t> lemire_map_body(const Attempts& at,
                                                                      const Word* w,
                                                                      std::size_t attempts,
                                                                      IntType a, IntType* out,
                                                                      std::size_t need) {
    using U = std::make_unsigned_t<IntType>;
    const auto base = static_cast<U>(a);
    const auto result = [base](std::uint64_t offset) {
        return static_cast<IntType>(static_cast<U>(base + static_cast<U>(offset)));
    };
    // In locals: the stores to out (IntType may be std::int64_t) could
    // otherwise alias at's members and keep the loops from vectorising.
    const std::uint64_t count = at.count;
    const std::uint64_t threshold = at.threshold;
    std::size_t i = 0;
    std::size_t k = 0;
    if (at.full) {
        const std::size_t m = std::min(attempts, need);
        for (; i < m; ++i) out[i] = result(Attempts::attempt(w, i));
        return {m, m};
    }
    while (i < attempts && k < need) {
        const std::size_t left = std::min(attempts - i, need - k);
        const std::size_t m = std::min(left, uniform_int_run);
        if (m == uniform_int_run) {
            // A whole run: if none of its attempts is rejected (almost always,
            // unless c is just above a power of two), all of them are results.
            const Word* wr = w + i * Attempts::words;
            std::uint64_t rejected = 0;
            for (std::size_t j = 0; j < uniform_int_run; ++j) {
                const std::uint64_t lo = Attempts::product(wr, j, count).lo;
                if constexpr (Attempts::narrow) {
                    // lo and t below 2^32: lo - t wraps past 2^63 exactly when lo < t
                    // (a subtraction and a shift, which SSE2 vectorises; a compare of
                    // unsigned lanes it has not).
                    rejected |= (lo - threshold) >> 63;
                } else {
                    rejected |= lo < threshold ? 1u : 0u;
                }
            }
            if (rejected == 0) {
                IntType* o = out + k;
                for (std::size_t j = 0; j < uniform_int_run; ++j) {
                    o[j] = result(Attempts::product(wr, j, count).hi);
                }
                i += uniform_int_run;
                k += uniform_int_run;
                continue;
            }
        }
        // The exact loop, one result per accepted attempt, through a local
        // buffer so that out never holds a value the scalar calls would not
        // write there (a fill that ends at the end of a stream stops at them).
        IntType run[uniform_int_run];
        std::size_t got = 0;
        for (std::size_t j = 0; j < m; ++j) {
            const hilo<std::uint64_t> x = Attempts::product(w, i + j, count);
            run[got] = result(x.hi);
            got += x.lo < threshold ? 0u : 1u;
        }
        std::copy(run, run + got, out + k);
        k += got;
        i += m;
    }
    return {k, i};
}

/// lemire_map_body for the default target, compiled as -O3
/// (CBRNG_KERNEL_OPTIMIZE) so that a plain -O2 build vectorises the runs too.
template <class IntType, class Attempts, class Word>
CBRNG_KERNEL_OPTIMIZE std::pair<std::size_t, std::size_t> lemire_map(const Attempts& at,
                                                                     const Word* w,
                                                                     std::size_t attempts,
                                                                     IntType a, IntType* out,
                                                                     std::size_t need) {
    return lemire_map_body(at, w, attempts, a, out, need);
}

#if CBRNG_HAS_X86_SIMD
/// lemire_map_body with AVX2 (four 32 x 32 -> 64-bit products per instruction);
/// called when detail::active_isa() allows it.
template <class IntType, class Attempts, class Word>
CBRNG_TARGET_AVX2 std::pair<std::size_t, std::size_t> lemire_map_avx2(const Attempts& at,
                                                                      const Word* w,
                                                                      std::size_t attempts,
                                                                      IntType a, IntType* out,
                                                                      std::size_t need) {
    return lemire_map_body(at, w, attempts, a, out, need);
}
#endif

/// The map on the best back end this CPU runs (the results are the same).
template <class IntType, class Attempts, class Word>
std::pair<std::size_t, std::size_t> lemire_map(isa which, const Attempts& at, const Word* w,
                                               std::size_t attempts, IntType a, IntType* out,
                                               std::size_t need) {
#if CBRNG_HAS_X86_SIMD
    if (which != isa::scalar) return lemire_map_avx2(at, w, attempts, a, out, need);
#else
    (void)which;
#endif
    return lemire_map(at, w, attempts, a, out, need);
}

/// n variates of dist over g to out, exactly as n calls of dist(g), leaving g
/// where they would.
template <class G, class IntType, class It>
It fill_uniform_int(G& g, It out, std::uint64_t n, const uniform_int_distribution<IntType>& dist) {
    using word = typename G::result_type;
    using U = std::make_unsigned_t<IntType>;
    constexpr unsigned bits = urbg_bits<G>::bits_per_call;
    static_assert(urbg_bits<G>::exact && G::min() == 0 && (bits == 32 || bits == 64),
                  "cbrng::fill: the uniform_int bulk path takes generators of 32- or 64-bit "
                  "words");
    const auto p = dist.param();
    const auto span =
        static_cast<std::uint64_t>(static_cast<U>(static_cast<U>(p.b()) - static_cast<U>(p.a())));

    const auto run = [&](const auto& at) {
        using A = std::remove_cv_t<std::remove_reference_t<decltype(at)>>;
        constexpr std::size_t chunk_words = 2048;  // 8 or 16 KiB: in L1 with the results
        // Results go straight to contiguous output, else through a buffer.
        constexpr bool direct = std::is_same_v<It, IntType*> ||
                                std::is_same_v<It, typename std::vector<IntType>::iterator>;
        word buf[chunk_words];
        const isa which = active_isa();
        G ahead = g;
        std::uint64_t left = words_left(g);
        std::uint64_t drawn = 0;
        while (n != 0) {
            // Words for n attempts (more come if some are rejected).
            std::uint64_t want = std::min<std::uint64_t>(n, chunk_words / A::words) * A::words;
            want = std::min(want, left - left % A::words);
            if (want == 0) break;  // the end of the stream: the scalar calls below
            fill_words<word>(ahead, buf, want);
            left -= want;
            const std::size_t attempts = static_cast<std::size_t>(want / A::words);
            const std::size_t need = static_cast<std::size_t>(std::min<std::uint64_t>(n, attempts));
            std::pair<std::size_t, std::size_t> done;
            if constexpr (direct) {
                IntType* o = std::addressof(*out);
                done = lemire_map(which, at, buf, attempts, p.a(), o, need);
                out += static_cast<typename std::iterator_traits<It>::difference_type>(done.first);
            } else {
                IntType tmp[chunk_words];
                done = lemire_map(which, at, buf, attempts, p.a(), tmp, need);
                out = std::copy(tmp, tmp + done.first, out);
            }
            n -= done.first;
            drawn += done.second * A::words;
        }
        g.discard(drawn);
    };
    if constexpr (bits == 32) {
        if (span <= 0xffffffffu) {
            const std::uint64_t count = span + 1;
            run(lemire_attempts<word, true, false>{
                count, span == 0xffffffffu ? 0 : (std::uint64_t{1} << 32) % count,
                span == 0xffffffffu});
        } else {
            const std::uint64_t count = span + 1;
            run(lemire_attempts<word, false, true>{
                count, span == ~std::uint64_t{0} ? 0 : (std::uint64_t{0} - count) % count,
                span == ~std::uint64_t{0}});
        }
    } else {
        const std::uint64_t count = span + 1;
        run(lemire_attempts<word, false, false>{
            count, span == ~std::uint64_t{0} ? 0 : (std::uint64_t{0} - count) % count,
            span == ~std::uint64_t{0}});
    }
    for (; n != 0; --n, ++out) *out = dist(g);
    return out;
}

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FILL_UNIFORM_INT_HPP
