// cbrng/fill.hpp: bulk generation, bit-identical to the scalar calls.
//
// cbrng::fill(gen, first, last) writes gen's raw words and
// cbrng::fill(gen, first, last, dist) writes dist(gen) variates. Both write
// exactly the values the same number of scalar calls would return, in the same
// order, and leave gen (and dist) exactly where those calls would: fill is an
// optimisation, never a different stream. Any URBG and any iterator work; the
// generic path is simply the loop of scalar calls.
//
// Why a separate entry point: one operator() call per word keeps a counter-
// based generator's block in scalar registers, while a run of consecutive
// counters is embarrassingly parallel. For the streams and counter_engines
// of philox4x32_10, philox2x64_10, philox4x64_10, threefry4x64_20,
// threefry4x32_20 and threefry2x64_20, cbrng::philox4x32 (and the
// buffered_streams of those streams), fill
// drains the partly used block with scalar calls, computes whole blocks with
// a SIMD kernel (detail/simd/: AVX-512 or AVX2 chosen at run time from cpuid,
// so a default build without -march uses them; the portable scalar kernel
// elsewhere), and finishes the last block with scalar calls again, so the
// generator's buffer ends up exactly as the scalar calls would leave it. A
// carry out of counter word 0 (an engine counting past 2^32 blocks) splits
// the run, since kernels count up word 0 only.
//
// Use fill when you need more than a few dozen words at once; for a handful,
// operator() is as fast. Output through a pointer to the generator's word type
// is written in place; any other iterator goes through a small stack buffer.
//
// Many threads: a counter-based generator can start anywhere in O(1), so a
// range splits into slices that threads fill independently and that compose
// exactly into the serial fill. cbrng::fill_slice(gen, offset, first, last
// [, dist]) writes elements offset, offset + 1, ... of what fill(gen, ...)
// would write, leaving gen untouched: the building block for user-managed
// threads (OpenMP, TBB, MPI ranks). cbrng::fill(cbrng::parallel{threads},
// gen, first, last[, dist]) does the split on std::threads and then moves gen
// past the range, exactly as the serial fill: same values, same final state,
// for any thread count. Both need a generator with O(1) discard (streams,
// buffered streams, counter engines) and, for variates, a distribution that consumes a fixed
// number of words per variate (fixed_consumption: uniform_real, normal,
// exponential, bernoulli); uniform_int's rejection loop cannot be split and
// is refused at compile time.
//
// This header is the API: contracts and overloads. The machinery is under
// detail/fill/: blocks.hpp (which generators have a kernel, block sources),
// words.hpp (raw words, prefetched words), variates.hpp (the batch
// transforms' driver), uniform_int.hpp (uniform_int's bulk map) and
// slices.hpp (fill_slice and the thread split).
#ifndef CBRNG_FILL_HPP
#define CBRNG_FILL_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <thread>
#include <type_traits>

#include "config.hpp"
#include "detail/fast_math.hpp"
#include "detail/fill/blocks.hpp"
#include "detail/fill/slices.hpp"
#include "detail/fill/uniform_int.hpp"
#include "detail/fill/variates.hpp"
#include "detail/fill/words.hpp"
#include "detail/integer_argument.hpp"
#include "detail/param_error.hpp"

CBRNG_NAMESPACE_BEGIN

// fill is tied to the SIMD configuration too (see CBRNG_SIMD_ABI in config.hpp).
inline namespace CBRNG_SIMD_ABI {

/// Writes gen's next words to [first, last): afterwards *first .. *(last - 1)
/// hold exactly the values `gen()` would have returned, in order, and gen is
/// in exactly the state those calls would leave it.
///
/// Works with any uniform random bit generator and any output range whose
/// elements accept gen's result_type. For the streams and counter_engines
/// of philox4x32_10, philox2x64_10, philox4x64_10, threefry4x64_20,
/// threefry4x32_20 and threefry2x64_20, and cbrng::philox4x32, over forward
/// iterators it computes whole
/// blocks with the best SIMD kernel this CPU runs (AVX-512, AVX2, else
/// portable), several times faster than the loop; everything else is the loop.
///
/// Throws what gen() throws: a stream filled past its end writes the words up
/// to its end, then throws std::out_of_range as the scalar calls would.
/// Complexity: last - first calls' worth of words. Thread-safety: as gen.
/// Stability: output is the scalar sequence, so it is frozen with it.
///
///     cbrng::stream<> s{cbrng::stream_id{42, 0, 7}};
///     std::vector<std::uint32_t> v(1 << 20);
///     cbrng::fill(s, v.begin(), v.end());   // == 2^20 calls of s()
template <class URBG, class OutputIt>
void fill(URBG& gen, OutputIt first, OutputIt last) {
    if constexpr (detail::fill_traits<URBG>::fast && detail::is_forward_iterator<OutputIt>::value) {
        const auto n = static_cast<std::uint64_t>(std::distance(first, last));
        detail::fill_words<typename URBG::result_type>(gen, first, n);
    } else {
        for (; first != last; ++first) *first = gen();
    }
}

/// Writes dist(gen) variates to [first, last): exactly the values that many
/// calls of `dist(gen)` would return, in order, leaving gen and dist in the
/// state those calls would.
///
/// Works with any distribution and URBG. For the distributions with batch
/// transforms (cbrng's uniform_real, normal, exponential, extreme_value,
/// lognormal, weibull and cauchy, float and double: the set
/// detail::batch_transform opts in) over the
/// generators with a raw fast path (see above) and forward iterators, the raw
/// words are generated in bulk and mapped by SIMD batch transforms that
/// reproduce operator() bit for bit. uniform_int_distribution maps the
/// kernel-computed words in bulk (detail/fill/uniform_int.hpp), with exactly
/// the calls' values and consumption. Every other distribution over those
/// generators (the rejection samplers: gamma, poisson, binomial, ...; the
/// table searches; any URBG-generic distribution, std:: ones included) is the
/// loop of dist() calls, but drawing its words from chunks the SIMD kernels
/// computed ahead (detail::prefetched_words): the same words in the same
/// order, and gen is moved past exactly the words drawn. Everything else is
/// the loop.
///
///     cbrng::stream<> s{cbrng::stream_id{42, 0, 7}};
///     std::vector<double> x(1000);
///     cbrng::fill(s, x.begin(), x.end(), cbrng::normal_distribution<double>{});
template <class URBG, class OutputIt, class Distribution>
void fill(URBG& gen, OutputIt first, OutputIt last, Distribution&& dist) {
    using D = std::remove_cv_t<std::remove_reference_t<Distribution>>;
    if constexpr (detail::fill_traits<URBG>::fast && detail::batch_distribution<D>::value &&
                  detail::is_forward_iterator<OutputIt>::value) {
        detail::require_default_fp_flags<D>();  // the batch transforms bypass operator()
        const auto n = static_cast<std::uint64_t>(std::distance(first, last));
        detail::fill_variates(gen, first, n, static_cast<const D&>(dist));
    } else if constexpr (detail::fill_traits<URBG>::fast &&
                         detail::is_uniform_int_distribution<D>::value &&
                         detail::is_forward_iterator<OutputIt>::value) {
        const auto n = static_cast<std::uint64_t>(std::distance(first, last));
        detail::fill_uniform_int(gen, first, n, static_cast<const D&>(dist));
    } else if constexpr (detail::fill_traits<URBG>::fast) {
        if (first == last) return;
        detail::prefetched_words<URBG> words{gen};
        for (; first != last; ++first) *first = dist(words);
    } else {
        for (; first != last; ++first) *first = dist(gen);
    }
}

/// Writes elements offset, offset + 1, ..., offset + (last - first) - 1 of
/// what `fill(gen, ...)` would write to a long enough range, and leaves gen
/// unchanged (it works on a copy moved in O(1)). Slices of one generator
/// filled in any order, by any threads or processes, compose exactly into the
/// serial fill; afterwards `gen.discard(total)` puts gen where the serial fill
/// of `total` elements would leave it.
///
/// Requires a generator with O(1) discard (stream<B>, buffered_stream<B>,
/// counter_engine<B>, philox4x32/philox4x64: a compile-time error otherwise). Throws
/// std::out_of_range if the slice starts past the end of a stream (nothing is
/// written); a slice that runs past the end writes up to the end and throws,
/// as the serial fill does. offset may be of any integer type (an int index
/// needs no cast); a negative one throws std::out_of_range ("cbrng::fill_slice:
/// offset must be >= 0 (got -1)"). Thread-safety: gen is only read, so any number of
/// threads may fill slices of one generator at once. Complexity: the slice's
/// words, plus O(1) to move there.
///
///     // one slice per OpenMP thread (or TBB task, or MPI rank)
///     #pragma omp parallel for
///     for (int t = 0; t < nt; ++t) {
///         const std::size_t b = n * t / nt, e = n * (t + 1) / nt;
///         cbrng::fill_slice(s, b, v.begin() + b, v.begin() + e);
///     }
///     s.discard(n);  // s as after cbrng::fill(s, v.begin(), v.end())
template <class URBG, class Offset, class OutputIt,
          std::enable_if_t<detail::is_integer_argument<Offset>, int> = 0>
void fill_slice(const URBG& gen, Offset offset, OutputIt first, OutputIt last) {
    detail::fill_slice_impl<void>(
        gen, detail::to_unsigned(offset, "cbrng::fill_slice", "offset must be >= 0"), first, last,
        static_cast<const void*>(nullptr));
}

/// Writes variates offset .. offset + (last - first) - 1 of what
/// `fill(gen, first, last, dist)` would write; gen and dist unchanged. The
/// distribution must consume a fixed number of words per variate (its
/// fixed_consumption is true: uniform_real, normal, exponential, bernoulli);
/// variate i starts at word i * words_per_variate. Afterwards
/// `gen.discard(total * dist.words_per_variate<URBG>())` puts gen where the
/// serial fill would. Errors and thread-safety as for the raw-word overload.
template <class URBG, class Offset, class OutputIt, class Distribution,
          std::enable_if_t<detail::is_integer_argument<Offset>, int> = 0>
void fill_slice(const URBG& gen, Offset offset, OutputIt first, OutputIt last,
                const Distribution& dist) {
    detail::fill_slice_impl<Distribution>(
        gen, detail::to_unsigned(offset, "cbrng::fill_slice", "offset must be >= 0"), first, last,
        &dist);
}

/// How cbrng::fill spreads a range over threads: at most `threads` of them
/// (the calling thread is one), each taking at least `grain` elements, so a
/// short range is not split into slices too small to pay for a thread's start
/// (some tens of microseconds).
///
/// The split changes nothing in the output: every thread count writes the
/// serial fill's values. The thread count and the grain may be of any integer
/// type (the int of omp_get_max_threads(), a std::size_t): no cast, no
/// narrowing warning. Throws std::invalid_argument for threads == 0 or
/// grain == 0, std::out_of_range for a negative value or more than 2^32 - 1
/// threads. parallel::hardware() uses every hardware thread.
///
///     cbrng::fill(cbrng::parallel::hardware(), s, v.begin(), v.end());
///     cbrng::fill(cbrng::parallel{omp_get_max_threads()}, s, v.begin(), v.end());
struct parallel {
    /// Elements a thread takes at least, by default: 2^16 (256 KiB of 32-bit
    /// words, 512 KiB of doubles), far more than a thread's start costs.
    static constexpr std::uint64_t default_grain = std::uint64_t{1} << 16;

    unsigned threads;
    std::uint64_t grain;

    template <
        class Threads, class Grain = std::uint64_t,
        std::enable_if_t<detail::is_integer_argument<Threads> && detail::is_integer_argument<Grain>,
                         int> = 0>
    explicit parallel(Threads thread_count, Grain min_grain = default_grain)
        : threads(checked_threads(
              detail::to_unsigned(thread_count, "cbrng::parallel", "threads must be >= 1"))),
          grain(detail::to_unsigned(min_grain, "cbrng::parallel", "grain must be >= 1")) {
        if (grain == 0) {
            detail::throw_param_error("cbrng::parallel", "grain must be >= 1", std::uint64_t{0});
        }
    }
    /// One thread per hardware thread (std::thread::hardware_concurrency(),
    /// 1 where that is unknown).
    [[nodiscard]] static parallel hardware(std::uint64_t min_grain = default_grain) {
        const unsigned hc = std::thread::hardware_concurrency();
        return parallel{hc == 0 ? 1u : hc, min_grain};
    }

  private:
    static unsigned checked_threads(std::uint64_t n) {
        if (n == 0) detail::throw_param_error("cbrng::parallel", "threads must be >= 1", 0u);
        if (n > std::numeric_limits<unsigned>::max()) {
            const std::string rule =
                "threads must be <= " + std::to_string(std::numeric_limits<unsigned>::max());
            detail::integer_argument_error("cbrng::parallel", rule.c_str(),
                                           static_cast<unsigned long long>(n));
        }
        return static_cast<unsigned>(n);
    }
};

/// cbrng::fill(gen, first, last) on up to policy.threads std::threads:
/// exactly the serial fill's words in [first, last) and gen left exactly where
/// the serial fill leaves it, for any thread count. Each thread fills one
/// slice (fill_slice) of consecutive elements, a multiple of 64 long; the
/// calling thread fills the first and waits for the others.
///
/// Requires a random-access output iterator and a generator with O(1) discard
/// (stream<B>, buffered_stream<B>, counter_engine<B>, philox4x32/philox4x64). A range that runs
/// past the end of a stream is the serial fill (it writes up to the end, then
/// throws std::out_of_range). std::system_error if a thread cannot start
/// (threads already started are joined first; the range is then partly
/// written). Thread-safety: gen and the range must not be used by other
/// threads during the call.
///
///     cbrng::stream<> s{cbrng::stream_id{42, 0, 7}};
///     std::vector<std::uint32_t> v(1 << 26);
///     cbrng::fill(cbrng::parallel{4}, s, v.begin(), v.end());  // == fill(s, ...)
template <class URBG, class RandomIt>
void fill(const parallel& policy, URBG& gen, RandomIt first, RandomIt last) {
    static_assert(detail::is_sliceable<URBG>::value,
                  "cbrng::fill(parallel): the generator cannot move its position in O(1); use a "
                  "cbrng::stream, buffered_stream or counter_engine");
    static_assert(std::is_base_of_v<std::random_access_iterator_tag,
                                    typename std::iterator_traits<RandomIt>::iterator_category>,
                  "cbrng::fill(parallel): the output needs random-access iterators");
    detail::fill_parallel_impl<void>(policy.threads, policy.grain, gen, first, last,
                                     static_cast<const void*>(nullptr));
}

/// cbrng::fill(gen, first, last, dist) on up to policy.threads std::threads:
/// exactly the serial fill's variates, gen and dist left where it leaves them.
/// The distribution must consume a fixed number of words per variate
/// (fixed_consumption: uniform_real, normal, exponential, bernoulli; a
/// compile-time error for uniform_int). Errors and requirements as for the
/// raw-word overload.
///
///     std::vector<double> x(1 << 25);
///     cbrng::fill(cbrng::parallel::hardware(), s, x.begin(), x.end(),
///                 cbrng::normal_distribution<double>{});
template <class URBG, class RandomIt, class Distribution>
void fill(const parallel& policy, URBG& gen, RandomIt first, RandomIt last,
          const Distribution& dist) {
    static_assert(detail::is_sliceable<URBG>::value,
                  "cbrng::fill(parallel): the generator cannot move its position in O(1); use a "
                  "cbrng::stream, buffered_stream or counter_engine");
    static_assert(std::is_base_of_v<std::random_access_iterator_tag,
                                    typename std::iterator_traits<RandomIt>::iterator_category>,
                  "cbrng::fill(parallel): the output needs random-access iterators");
    detail::fill_parallel_impl<Distribution>(policy.threads, policy.grain, gen, first, last, &dist);
}

}  // namespace CBRNG_SIMD_ABI

CBRNG_NAMESPACE_END

#endif  // CBRNG_FILL_HPP
