// cbrng/detail/fill/variates.hpp: variates in bulk (fill_variates, the fast
// path of cbrng::fill(gen, first, last, dist)): kernel blocks handed in
// L1-sized chunks to the batch transforms (detail/transform.hpp).
#ifndef CBRNG_DETAIL_FILL_VARIATES_HPP
#define CBRNG_DETAIL_FILL_VARIATES_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "../../config.hpp"
#include "../../distributions/cauchy.hpp"
#include "../../distributions/exponential.hpp"
#include "../../distributions/extreme_value.hpp"
#include "../../distributions/lognormal.hpp"
#include "../../distributions/normal.hpp"
#include "../../distributions/uniform_real.hpp"
#include "../../distributions/weibull.hpp"
#include "../cpu.hpp"
#include "../transform.hpp"
#include "blocks.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {

/// Distributions with batch transforms: the one switch is
/// detail::batch_transform<param_type> (detail/transform_scalar.hpp).
template <class D, class = void>
struct batch_distribution : std::false_type {};
template <class D>
struct batch_distribution<D, std::enable_if_t<batch_transform<typename D::param_type>::enabled>>
    : std::is_same<D, typename batch_transform<typename D::param_type>::distribution> {};

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
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FILL_VARIATES_HPP
