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
#ifndef CBRNG_FILL_HPP
#define CBRNG_FILL_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iterator>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "config.hpp"
#include "detail/counter.hpp"
#include "detail/cpu.hpp"
#include "detail/fast_math.hpp"
#include "detail/integer_argument.hpp"
#include "detail/param_error.hpp"
#include "detail/simd/avx2.hpp"
#include "detail/simd/avx512.hpp"
#include "detail/simd/scalar.hpp"
#include "detail/transform.hpp"
#include "detail/uniform_int_fill.hpp"
#include "distributions/cauchy.hpp"
#include "distributions/exponential.hpp"
#include "distributions/extreme_value.hpp"
#include "distributions/lognormal.hpp"
#include "distributions/normal.hpp"
#include "distributions/uniform_real.hpp"
#include "distributions/weibull.hpp"
#include "engine.hpp"
#include "philox.hpp"
#include "stream.hpp"
#include "threefry.hpp"
#include "word_array.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {

// The block kernels (fill_kernel<B>) are registered in detail/block_pair.hpp,
// which buffered_stream's refills use too.

using philox4x32_10_fill_kernel = fill_kernel<philox4x32_10>;

/// std::philox_engine's bijection is Philox4x32-10 exactly when its shape,
/// rounds and constants (M0, C0, M1, C1) are those of cbrng::philox4x32.
template <class UIntType, std::size_t w, std::size_t n, std::size_t r, UIntType... consts>
[[nodiscard]] constexpr bool is_std_philox4x32_10() noexcept {
    if constexpr (w != 32 || n != 4 || r != 10) {
        return false;
    } else {
        constexpr UIntType c[] = {consts...};
        return c[0] == 0xCD9E8D57u && c[1] == 0x9E3779B9u && c[2] == 0xD2511F53u &&
               c[3] == 0xBB67AE85u;
    }
}
template <class UIntType, std::size_t w, std::size_t n, std::size_t r, UIntType... consts>
struct fill_kernel<philox_std_bijection<UIntType, w, n, r, consts...>>
    : std::conditional_t<is_std_philox4x32_10<UIntType, w, n, r, consts...>(),
                         philox4x32_10_fill_kernel, fill_kernel<void>> {};

/// Computes nblocks blocks for the counters ctr, ctr + 1, ... (full multi-word
/// counter arithmetic) into out and returns the counter after the last one.
/// A run that would carry out of word 0 is split at the carry.
template <class K>
typename K::ctr_type kernel_blocks(isa which, typename K::word_type* out, std::uint64_t nblocks,
                                   typename K::ctr_type ctr,
                                   const typename K::key_type& key) noexcept {
    while (nblocks != 0) {
        // Blocks before word 0 wraps: 2^w - ctr[0] (2^64 - 1 stands in for 2^64).
        std::uint64_t room = 0;
        if constexpr (K::word_bits == 64) {
            room = ctr[0] == 0 ? ~std::uint64_t{0} : std::uint64_t{0} - ctr[0];
        } else {
            room = (std::uint64_t{1} << K::word_bits) - ctr[0];
        }
        const std::uint64_t m = std::min(nblocks, room);
        K::run(which, out, static_cast<std::size_t>(m), ctr, key);
        counter_add<K::word_bits>(ctr, m);
        out += m * K::words;
        nblocks -= m;
    }
    return ctr;
}

// ---------------------------------------------------------------- output

/// Output iterators that are known to point into contiguous T storage (T*
/// and std::vector<T>::iterator): kernels write through them in place.
template <class T, class It>
inline constexpr bool is_contiguous_output_v =
    std::is_same_v<It, T*> || std::is_same_v<It, typename std::vector<T>::iterator>;

template <class T, class It>
[[nodiscard]] T* contiguous_output(It it) noexcept {
    if constexpr (std::is_same_v<It, T*>) {
        return it;
    } else {
        return std::addressof(*it);
    }
}

/// Writes nblocks kernel blocks for counters ctr, ctr + 1, ... to out, each
/// word converted to Result as operator() returns it; advances ctr.
template <class K, class Result, class It>
It write_blocks(isa which, It out, std::uint64_t nblocks, typename K::ctr_type& ctr,
                const typename K::key_type& key) {
    using word = typename K::word_type;
    if constexpr (std::is_same_v<Result, word> && is_contiguous_output_v<word, It>) {
        ctr = kernel_blocks<K>(which, contiguous_output<word>(out), nblocks, ctr, key);
        return out +
               static_cast<typename std::iterator_traits<It>::difference_type>(nblocks * K::words);
    } else {
        // 4 KiB of blocks at a time: stays in L1 between kernel and copy.
        constexpr std::size_t chunk = 4096 / (K::words * sizeof(word));
        word buf[chunk * K::words];
        while (nblocks != 0) {
            const std::size_t m = static_cast<std::size_t>(std::min<std::uint64_t>(nblocks, chunk));
            ctr = kernel_blocks<K>(which, buf, m, ctr, key);
            for (std::size_t i = 0; i < m * K::words; ++i, ++out)
                *out = static_cast<Result>(buf[i]);
            nblocks -= m;
        }
        return out;
    }
}

// ---------------------------------------------------------------- generators

/// What fill() knows about a generator type G: whether it has a fast path and
/// which kernel it uses. Exact types only, so a class derived from an engine
/// (which may redefine operator()) takes the scalar loop.
template <class G>
struct fill_traits {
    static constexpr bool fast = false;
};
template <class B>
struct fill_traits<counter_engine<B>> {
    static constexpr bool fast = fill_kernel<B>::available;
    static constexpr bool is_stream = false;
    using kernel = fill_kernel<B>;
};
template <class UIntType, std::size_t w, std::size_t n, std::size_t r, UIntType... consts>
struct fill_traits<philox_engine<UIntType, w, n, r, consts...>>
    : fill_traits<counter_engine<philox_std_bijection<UIntType, w, n, r, consts...>>> {};
template <class B>
struct fill_traits<stream<B>> {
    static constexpr bool fast = fill_kernel<B>::available;
    static constexpr bool is_stream = true;
    using kernel = fill_kernel<B>;
};
template <class B, std::size_t Blocks>
struct fill_traits<buffered_stream<B, Blocks>> : fill_traits<stream<B>> {};

template <class K, class Words>
[[nodiscard]] constexpr auto to_kernel_words(const Words& x) noexcept {
    word_array<typename K::word_type, Words::size()> y{};
    for (std::size_t j = 0; j < Words::size(); ++j) y[j] = static_cast<typename K::word_type>(x[j]);
    return y;
}

/// The blocks of a generator from its next block boundary on, computed by a
/// kernel: `write`/`generate` produce consecutive blocks, `commit` moves the
/// generator past the blocks produced (its buffer empty, as after the last
/// word of a block). Only the generator's public interface is used.
///
/// Engines: `at_boundary` compares with a copy whose buffer was dropped by
/// set_counter (which keeps key and counter and empties the buffer); since ==
/// compares key, counter and buffer index, the engine equals it exactly when
/// its buffered words are used up.
template <class G, bool IsStream = fill_traits<G>::is_stream>
class block_source {
  public:
    using kernel = typename fill_traits<G>::kernel;
    static constexpr std::size_t N = G::word_count;
    static_assert(N == kernel::words, "cbrng::fill: kernel and engine block sizes differ");

    explicit block_source(G& g) : g_(g), boundary_(g) {
        boundary_.set_counter(msw_first(g.counter()));
    }
    /// True once g's buffered words are used up (valid until g computes a new block).
    [[nodiscard]] bool at_boundary() const { return g_ == boundary_; }
    /// Call at a boundary, before write/generate.
    void start() {
        ctr_ = to_kernel_words<kernel>(g_.counter());
        key_ = to_kernel_words<kernel>(g_.key());
    }
    void generate(isa which, typename kernel::word_type* out, std::uint64_t nblocks) noexcept {
        ctr_ = kernel_blocks<kernel>(which, out, nblocks, ctr_, key_);
    }
    template <class Result, class It>
    It write(isa which, It out, std::uint64_t nblocks) {
        return write_blocks<kernel, Result>(which, out, nblocks, ctr_, key_);
    }
    void commit() {
        typename G::counter_type next{};
        for (std::size_t j = 0; j < N; ++j) next[j] = static_cast<typename G::result_type>(ctr_[j]);
        g_.set_counter(msw_first(next));
    }
    /// Words g can still deliver (engines wrap around: unlimited).
    [[nodiscard]] static constexpr std::uint64_t remaining() noexcept { return ~std::uint64_t{0}; }

  private:
    [[nodiscard]] static std::array<typename G::result_type, N> msw_first(
        const typename G::counter_type& x) noexcept {
        std::array<typename G::result_type, N> c{};
        for (std::size_t j = 0; j < N; ++j) c[j] = x[N - 1 - j];
        return c;
    }

    G& g_;
    G boundary_;
    typename kernel::ctr_type ctr_{};
    typename kernel::key_type key_{};
};

/// Streams: positions are public, and block indices stay below block_limit,
/// so word 0 of the counter never carries within a stream.
template <class G>
class block_source<G, true> {
  public:
    using kernel = typename fill_traits<G>::kernel;
    static constexpr std::size_t N = G::word_count;
    static_assert(N == kernel::words, "cbrng::fill: kernel and stream block sizes differ");

    explicit block_source(G& g) noexcept : g_(g) {}
    [[nodiscard]] bool at_boundary() const noexcept { return g_.position() % N == 0; }
    void start() {
        pos_ = g_.position();
        ctr_ = to_kernel_words<kernel>(G::make_counter(g_.id(), pos_ / N));
        key_ = to_kernel_words<kernel>(g_.key());
    }
    void generate(isa which, typename kernel::word_type* out, std::uint64_t nblocks) noexcept {
        ctr_ = kernel_blocks<kernel>(which, out, nblocks, ctr_, key_);
        pos_ += nblocks * N;
    }
    template <class Result, class It>
    It write(isa which, It out, std::uint64_t nblocks) {
        pos_ += nblocks * N;
        return write_blocks<kernel, Result>(which, out, nblocks, ctr_, key_);
    }
    void commit() { g_.set_position(pos_); }
    [[nodiscard]] std::uint64_t remaining() const noexcept { return g_.remaining(); }

  private:
    G& g_;
    std::uint64_t pos_ = 0;
    typename kernel::ctr_type ctr_{};
    typename kernel::key_type key_{};
};

/// Fast path for raw words: n words of g to out, as n calls of g() would,
/// each stored as `*out = Dest(g())`.
///
/// The partly used block is drained with g(), whole blocks come from the
/// kernel, and the last block (at least one word) is left to g() again so
/// that g's buffered block ends exactly as the scalar calls leave it. A fill
/// that runs past the end of a stream is the scalar loop, so it writes and
/// throws exactly where the scalar calls would.
template <class Dest, class G, class It>
It fill_words(G& g, It out, std::uint64_t n) {
    constexpr std::size_t N = G::word_count;
    block_source<G> src{g};
    if (n <= src.remaining()) {
        for (; n != 0 && !src.at_boundary(); --n, ++out) *out = static_cast<Dest>(g());
        if (n > N) {
            const std::uint64_t bulk = (n - 1) / N;
            src.start();
            out = src.template write<Dest>(active_isa(), out, bulk);
            src.commit();
            n -= bulk * N;
        }
    }
    for (; n != 0; --n, ++out) *out = static_cast<Dest>(g());
    return out;
}

/// A uniform random bit generator over g's next words: exactly the words g()
/// would return, in order, produced in chunks by fill_words from a copy of g
/// (the SIMD kernels) instead of one call at a time. g itself is moved past
/// the words actually drawn when this object is destroyed (also when a draw
/// throws), so it ends exactly where the scalar calls would leave it. Never
/// reads past the end of a stream: at the end, the draw is the copy's own
/// call, which throws as g() would. For the distributions whose consumption
/// the batch transforms cannot follow (rejection samplers, searches) and for
/// shuffle and sample.
template <class G>
class prefetched_words {
  public:
    using result_type = typename G::result_type;
    /// Words per refill: from 64, doubling up to 1024 (4 KiB of 32-bit
    /// words), so a short run computes few words it does not use.
    static constexpr std::size_t first_chunk = 64;
    static constexpr std::size_t chunk = 1024;

    explicit prefetched_words(G& g) : g_(g), ahead_(g), left_(block_source<G>{g}.remaining()) {}
    ~prefetched_words() { g_.discard(drawn_); }
    prefetched_words(const prefetched_words&) = delete;
    prefetched_words& operator=(const prefetched_words&) = delete;

    [[nodiscard]] static constexpr result_type min() noexcept { return G::min(); }
    [[nodiscard]] static constexpr result_type max() noexcept { return G::max(); }
    result_type operator()() {
        if (next_ == have_) refill();
        ++drawn_;
        return buf_[next_++];
    }

  private:
    void refill() {
        next_ = 0;
        if (left_ == 0) {  // the end of a stream: throws as g() would
            buf_[0] = ahead_();
            have_ = 1;
            return;
        }
        have_ = static_cast<std::size_t>(std::min<std::uint64_t>(size_, left_));
        left_ -= have_;
        size_ = std::min(2 * size_, chunk);
        fill_words<result_type>(ahead_, buf_, have_);
    }

    G& g_;
    G ahead_;
    std::uint64_t left_;
    std::uint64_t drawn_ = 0;
    std::size_t next_ = 0;
    std::size_t have_ = 0;
    std::size_t size_ = first_chunk;
    result_type buf_[chunk];
};

// ---------------------------------------------------------------- variates

/// Distributions with batch transforms (detail/transform.hpp).
template <class D>
struct batch_distribution : std::false_type {};
template <class Real>
struct batch_distribution<uniform_real_distribution<Real>> : std::true_type {};
template <class Real>
struct batch_distribution<normal_distribution<Real>> : std::true_type {};
template <class Real>
struct batch_distribution<exponential_distribution<Real>> : std::true_type {};
template <class Real>
struct batch_distribution<extreme_value_distribution<Real>> : std::true_type {};
template <class Real>
struct batch_distribution<lognormal_distribution<Real>> : std::true_type {};
template <class Real>
struct batch_distribution<weibull_distribution<Real>> : std::true_type {};
template <class Real>
struct batch_distribution<cauchy_distribution<Real>> : std::true_type {};

/// Fast path for variates: n variates of dist from g to out, as n calls of
/// dist(g) would.
///
/// The raw words those calls would draw are produced in chunks that stay in
/// L1 (partly used block: g(); whole blocks: the kernel; last block: g()
/// again, as in fill_words) and handed to the batch transform, which maps
/// every variate's words exactly as operator() does. A variate may straddle
/// two chunks: its first word is carried over.
template <class G, class Dist, class It>
It fill_variates(G& g, It out, std::uint64_t n, const Dist& dist) {
    using K = typename fill_traits<G>::kernel;
    using word = typename K::word_type;
    using real = typename Dist::result_type;
    constexpr std::size_t N = G::word_count;
    constexpr std::size_t k = batch_words_per_variate<real, word>;
    static_assert(k == Dist::template words_per_variate<G>(),
                  "cbrng::fill: the batch word layout differs from operator()'s draws");
    constexpr std::size_t chunk_words = 8192 / sizeof(word);  // a multiple of N and of k
    constexpr std::size_t chunk_variates = chunk_words / k;

    block_source<G> src{g};
    if (n > src.remaining() / k) {  // runs past the end of a stream: the scalar loop
        for (; n != 0; --n, ++out) *out = dist(g);
        return out;
    }
    const isa which = active_isa();
    const auto param = dist.param();
    std::uint64_t words_left = n * k;  // words still to be drawn from g
    word buf[chunk_words + N];
    std::size_t have = 0;  // words in buf not yet transformed (fewer than k between chunks)
    for (; words_left != 0 && !src.at_boundary(); --words_left)
        buf[have++] = static_cast<word>(g());
    bool bulk = words_left > N;
    if (bulk) src.start();
    while (n != 0) {
        if (bulk) {
            // Whole blocks, keeping the last block (at least one word) for g().
            const std::uint64_t blocks =
                std::min<std::uint64_t>((chunk_words + N - have) / N, (words_left - 1) / N);
            src.generate(which, buf + have, blocks);
            have += static_cast<std::size_t>(blocks * N);
            words_left -= blocks * N;
            if (words_left <= N) {
                src.commit();
                bulk = false;
            }
        }
        if (!bulk) {
            for (; words_left != 0 && have < chunk_words + N; --words_left) {
                buf[have++] = static_cast<word>(g());
            }
        }
        const std::size_t m = static_cast<std::size_t>(std::min<std::uint64_t>(have / k, n));
        if constexpr (is_contiguous_output_v<real, It>) {
            transform(buf, contiguous_output<real>(out), m, param, which);
            out += static_cast<typename std::iterator_traits<It>::difference_type>(m);
        } else {
            real tmp[chunk_variates + N];
            transform(buf, tmp, m, param, which);
            for (std::size_t i = 0; i < m; ++i, ++out) *out = tmp[i];
        }
        n -= m;
        for (std::size_t i = m * k; i < have; ++i) buf[i - m * k] = buf[i];  // < k words
        have -= m * k;
    }
    return out;
}

template <class It, class = void>
struct is_forward_iterator : std::false_type {};
template <class It>
struct is_forward_iterator<
    It, std::enable_if_t<std::is_base_of_v<std::forward_iterator_tag,
                                           typename std::iterator_traits<It>::iterator_category>>>
    : std::true_type {};

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail

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
/// Works with any distribution and URBG. For cbrng's uniform_real,
/// normal, exponential, extreme_value, lognormal, weibull and cauchy
/// distributions (float and double) over the
/// generators with a raw fast path (see above) and forward iterators, the raw
/// words are generated in bulk and mapped by SIMD batch transforms that
/// reproduce operator() bit for bit. uniform_int_distribution maps the
/// kernel-computed words in bulk (detail/uniform_int_fill.hpp), with exactly
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
        detail::fill_uniform_int(gen, first, n, static_cast<const D&>(dist),
                                 [](URBG& g, typename URBG::result_type* buf, std::uint64_t m) {
                                     detail::fill_words<typename URBG::result_type>(g, buf, m);
                                 });
    } else if constexpr (detail::fill_traits<URBG>::fast) {
        if (first == last) return;
        detail::prefetched_words<URBG> words{gen};
        for (; first != last; ++first) *first = dist(words);
    } else {
        for (; first != last; ++first) *first = dist(gen);
    }
}

}  // namespace CBRNG_SIMD_ABI

// The parallel fill's machinery, after the serial fills it calls.
namespace detail {
inline namespace CBRNG_SIMD_ABI {

// ---------------------------------------------------------------- slices

/// Generators whose position can be moved in O(1) (discard), so a range of
/// their output can be split into slices computed independently: streams,
/// buffered streams, counter engines.
template <class G>
struct is_sliceable : std::false_type {};
template <class B>
struct is_sliceable<counter_engine<B>> : std::true_type {};
template <class UIntType, std::size_t w, std::size_t n, std::size_t r, UIntType... consts>
struct is_sliceable<philox_engine<UIntType, w, n, r, consts...>> : std::true_type {};
template <class B>
struct is_sliceable<stream<B>> : std::true_type {};
template <class B, std::size_t Blocks>
struct is_sliceable<buffered_stream<B, Blocks>> : std::true_type {};

/// Generators with an end (streams): remaining() words are left.
template <class G>
struct has_end : std::false_type {};
template <class B>
struct has_end<stream<B>> : std::true_type {};
template <class B, std::size_t Blocks>
struct has_end<buffered_stream<B, Blocks>> : std::true_type {};

template <class D, class = void>
struct has_fixed_consumption : std::false_type {};
template <class D>
struct has_fixed_consumption<D, std::enable_if_t<D::fixed_consumption>> : std::true_type {};

/// Words of G one element of the fill consumes: 1 for raw words, the
/// distribution's fixed words_per_variate otherwise.
template <class G, class D>
[[nodiscard]] constexpr std::uint64_t slice_words_per_element() noexcept {
    if constexpr (std::is_void_v<D>) {
        return 1;
    } else {
        static_assert(has_fixed_consumption<D>::value,
                      "cbrng::fill_slice / fill(parallel): the distribution does not consume a "
                      "fixed number of words per variate (e.g. uniform_int's rejection loop), so "
                      "a range of its variates cannot be split; use the serial fill");
        constexpr std::size_t k = D::template words_per_variate<G>();
        static_assert(k != 0,
                      "cbrng::fill_slice / fill(parallel): the distribution's consumption is "
                      "variable for this generator (its range is not a power of two)");
        return k;
    }
}

/// g moved past `elements` elements of k words each; std::out_of_range
/// (from the stream, or here when elements * k overflows) if that passes
/// the end.
template <class G>
void skip_elements(G& g, std::uint64_t elements, std::uint64_t k, const char* what) {
    if (k != 1 && elements > std::numeric_limits<std::uint64_t>::max() / k) {
        throw_out_of_range(std::string("cbrng::") + what + ": offset " + std::to_string(elements) +
                           " times " + std::to_string(k) + " words per element overflows");
    }
    g.discard(elements * k);
}

template <class D, class G, class It, class Dist>
void fill_slice_impl(const G& gen, std::uint64_t offset, It first, It last, const Dist* dist) {
    static_assert(is_sliceable<G>::value,
                  "cbrng::fill_slice / fill(parallel): the generator cannot move its position "
                  "in O(1); use a cbrng::stream, buffered_stream or counter_engine");
    constexpr std::uint64_t k = slice_words_per_element<G, D>();
    G g = gen;
    skip_elements(g, offset, k, "fill_slice");
    if constexpr (std::is_void_v<D>) {
        (void)dist;
        cbrng::fill(g, first, last);
    } else {
        D d = *dist;
        cbrng::fill(g, first, last, d);
    }
}

/// Elements a thread takes: a multiple of 64, so that slices start on a block
/// boundary and, for elements of 1 byte or more, on their own cache line
/// relative to first.
inline constexpr std::uint64_t parallel_alignment = 64;

template <class D, class G, class It, class Dist>
void fill_parallel_impl(unsigned threads, std::uint64_t grain, G& gen, It first, It last,
                        const Dist* dist) {
    constexpr std::uint64_t k = slice_words_per_element<G, D>();
    const auto n = static_cast<std::uint64_t>(last - first);
    std::uint64_t workers = threads;
    if (n / grain < workers) workers = n / grain;  // at least grain elements each
    bool fits = true;
    if constexpr (has_end<G>::value) fits = n <= gen.remaining() / k;
    if (workers <= 1 || !fits) {
        // One slice, or a range past the end of a stream: the serial fill,
        // which writes up to the end and throws where the scalar calls do.
        if constexpr (std::is_void_v<D>) {
            cbrng::fill(gen, first, last);
        } else {
            cbrng::fill(gen, first, last, *dist);
        }
        return;
    }
    std::uint64_t chunk = (n + workers - 1) / workers;
    chunk = (chunk + parallel_alignment - 1) / parallel_alignment * parallel_alignment;
    workers = (n + chunk - 1) / chunk;
    using diff = typename std::iterator_traits<It>::difference_type;
    const auto slice = [&gen, first, n, chunk, dist](std::uint64_t t) {
        const std::uint64_t begin = t * chunk, end = std::min(n, begin + chunk);
        fill_slice_impl<D>(gen, begin, first + static_cast<diff>(begin),
                           first + static_cast<diff>(end), dist);
    };
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(workers));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(workers - 1));
    const auto join_all = [&pool] {
        for (std::thread& t : pool) t.join();
    };
    try {
        for (std::uint64_t t = 1; t < workers; ++t) {
            pool.emplace_back([&slice, &errors, t] {
                try {
                    slice(t);
                } catch (...) {
                    errors[static_cast<std::size_t>(t)] = std::current_exception();
                }
            });
        }
        slice(0);
    } catch (...) {
        join_all();
        throw;
    }
    join_all();
    for (const std::exception_ptr& e : errors) {
        if (e) std::rethrow_exception(e);
    }
    skip_elements(gen, n, k, "fill(parallel)");
}

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail

inline namespace CBRNG_SIMD_ABI {

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
