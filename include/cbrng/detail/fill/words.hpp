// cbrng/detail/fill/words.hpp: raw words in bulk (fill_words, the fast path
// of cbrng::fill(gen, first, last)) and a URBG over prefetched words
// (prefetched_words, for the distributions fill runs call by call).
#ifndef CBRNG_DETAIL_FILL_WORDS_HPP
#define CBRNG_DETAIL_FILL_WORDS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "../../config.hpp"
#include "../cpu.hpp"
#include "blocks.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {

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

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FILL_WORDS_HPP
