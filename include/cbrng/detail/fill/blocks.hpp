// cbrng/detail/fill/blocks.hpp: the block sources of cbrng::fill: which
// generators have a kernel (fill_traits), whole blocks from a generator's
// next block boundary on (block_source), and the kernel runs that split at a
// carry out of counter word 0 (kernel_blocks, write_blocks).
#ifndef CBRNG_DETAIL_FILL_BLOCKS_HPP
#define CBRNG_DETAIL_FILL_BLOCKS_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <type_traits>
#include <vector>

#include "../../config.hpp"
#include "../../engine.hpp"
#include "../../philox.hpp"
#include "../../stream.hpp"
#include "../../threefry.hpp"
#include "../../word_array.hpp"
#include "../block_pair.hpp"
#include "../counter.hpp"
#include "../cpu.hpp"

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

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FILL_BLOCKS_HPP
