// cbrng/algorithm.hpp: shuffle and sample with frozen results, the
// counterparts of std::shuffle and std::sample (which live in <algorithm>).
//
// std::shuffle and std::sample are specified only up to their distribution:
// libstdc++, libc++ and MSVC permute and select differently from the same
// engine, and libstdc++ changed its shuffle in GCC 9. These two are frozen
// (docs/design.md §4): the order of the URBG draws and what each draw decides are
// part of the contract.
//
//  - shuffle(first, last, g): Fisher-Yates / Durstenfeld ("Algorithm 235:
//    Random permutation", CACM 7(7), 1964), from the back: for i = n-1 down to
//    1, j = uniform on [0, i] by the library's unbiased method
//    (detail::uniform_offset, as uniform_int_distribution: Lemire's
//    multiply-and-reject, one 32-bit draw per step when i < 2^32 and the URBG
//    gives fewer than 64 bits per call, else one 64-bit draw, plus one per rare
//    rejection); then swap(first[i], first[j]) (via iter_swap, also when
//    j == i). n - 1 bounded draws for n >= 2, none for n <= 1. Requires random
//    access iterators.
//  - sample(first, last, out, n, g): as std::sample, two algorithms by
//    iterator category, each documented and frozen.
//    * forward iterators (the population's size is known): selection sampling,
//      Knuth's Algorithm S (TAOCP vol. 2, 3.4.2): visiting the N elements in
//      order with k still to choose among the N' not yet visited, the element
//      is chosen when uniform_offset(g, N' - 1) < k. It stops drawing once k
//      reaches 0 (or N' reaches k: then all the rest are taken without a
//      draw). The sample keeps the population's order (stable), and out needs
//      only to be an output iterator.
//    * input iterators (a single pass, size unknown): reservoir sampling,
//      Algorithm R (Vitter, "Random sampling with a reservoir", ACM TOMS
//      11(1), 1985): the first n elements fill out[0..n); element t (t >= n,
//      counted from 0) draws j = uniform_offset(g, t) and replaces out[j] when
//      j < n. out must be a random access iterator; the order in out is not
//      the population's.
//    Both return out advanced by min(n, N).
//
// Neither allocates. Thread-safety: as the URBG and the ranges.
//
// Example:
//   cbrng::stream<> s{cbrng::stream_id{42, 0, 1}};
//   std::vector<int> deck(52);
//   std::iota(deck.begin(), deck.end(), 0);
//   cbrng::shuffle(deck.begin(), deck.end(), s);   // the same deck everywhere
//   std::vector<int> hand(5);
//   cbrng::sample(deck.begin(), deck.end(), hand.begin(), 5, s);
#ifndef CBRNG_ALGORITHM_HPP
#define CBRNG_ALGORITHM_HPP

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <type_traits>

#include "config.hpp"
#include "distributions/uniform_int.hpp"
#include "fill.hpp"

CBRNG_NAMESPACE_BEGIN

namespace detail {

/// Fisher-Yates from the back over n >= 2 elements (the frozen order of
/// draws), with the swap partners computed `lookahead` steps ahead of their
/// swaps so that the memory of each is requested early: on a large range the
/// random partner, not the arithmetic, is what costs. Only addresses are
/// prefetched; the draws and swaps are exactly the plain loop's.
template <class RandomIt, class URBG>
void shuffle_from_back(RandomIt first, std::uint64_t n, URBG& g) {
    using diff = typename std::iterator_traits<RandomIt>::difference_type;
    constexpr std::uint64_t lookahead = 16;  // a power of two
    std::uint64_t partner[lookahead];
    const std::uint64_t steps = n - 1;  // i = n - 1 down to 1
    const std::uint64_t ahead = steps < lookahead ? steps : lookahead;
    for (std::uint64_t t = 0; t < ahead; ++t) partner[t] = uniform_offset(g, n - 1 - t);
    for (std::uint64_t t = 0; t < steps; ++t) {
        const std::uint64_t j = partner[t % lookahead];
        if (t + lookahead < steps) {
            const std::uint64_t next = uniform_offset(g, n - 1 - (t + lookahead));
            partner[t % lookahead] = next;
#if defined(__GNUC__) || defined(__clang__)
            if constexpr (std::is_lvalue_reference_v<decltype(*first)>) {
                __builtin_prefetch(std::addressof(first[static_cast<diff>(next)]), 1);
            }
#endif
        }
        std::iter_swap(first + static_cast<diff>(n - 1 - t), first + static_cast<diff>(j));
    }
}

}  // namespace detail

/// Permutes [first, last) uniformly at random (Fisher-Yates from the back,
/// with the library's unbiased bounded integers: see the header comment);
/// the permutation is frozen for a given URBG state. n - 1 bounded draws.
/// Requires random access iterators whose elements are swappable.
template <class RandomIt, class URBG>
void shuffle(RandomIt first, RandomIt last, URBG&& g) {
    using category = typename std::iterator_traits<RandomIt>::iterator_category;
    static_assert(std::is_base_of_v<std::random_access_iterator_tag, category>,
                  "cbrng::shuffle: requires random access iterators");
    const auto n = static_cast<std::uint64_t>(last - first);
    if (n < 2) return;
    using G = std::remove_cv_t<std::remove_reference_t<URBG>>;
    if constexpr (detail::fill_traits<G>::fast) {
        detail::prefetched_words<G> words{g};
        detail::shuffle_from_back(first, n, words);
    } else {
        detail::shuffle_from_back(first, n, g);
    }
}

namespace detail {

/// sample()'s two algorithms (see the header comment).
template <class PopulationIt, class SampleIt, class Distance, class URBG>
SampleIt sample_impl(PopulationIt first, PopulationIt last, SampleIt out, Distance n, URBG& g) {
    using category = typename std::iterator_traits<PopulationIt>::iterator_category;
    if (n <= 0) return out;
    const auto want = static_cast<std::uint64_t>(n);
    if constexpr (std::is_base_of_v<std::forward_iterator_tag, category>) {
        auto left = static_cast<std::uint64_t>(std::distance(first, last));
        std::uint64_t k = want < left ? want : left;
        for (; k != 0; ++first, --left) {
            if (left == k || uniform_offset(g, left - 1) < k) {
                *out = *first;
                ++out;
                --k;
            }
        }
        return out;
    } else {
        using out_category = typename std::iterator_traits<SampleIt>::iterator_category;
        static_assert(std::is_base_of_v<std::random_access_iterator_tag, out_category>,
                      "cbrng::sample: with input iterators (reservoir sampling) the output "
                      "must be a random access iterator");
        using diff = typename std::iterator_traits<SampleIt>::difference_type;
        std::uint64_t t = 0;
        for (; first != last && t < want; ++first, ++t) out[static_cast<diff>(t)] = *first;
        const std::uint64_t filled = t;
        for (; first != last; ++first, ++t) {
            const std::uint64_t j = uniform_offset(g, t);
            if (j < want) out[static_cast<diff>(j)] = *first;
        }
        return out + static_cast<diff>(filled);
    }
}

}  // namespace detail

/// Writes min(n, N) elements of the N in [first, last), chosen uniformly at
/// random without replacement, to out; returns the end of what it wrote.
/// Forward iterators: selection sampling, the population's order kept.
/// Input iterators: reservoir sampling into a random access out. Frozen (see
/// the header comment for both algorithms).
template <class PopulationIt, class SampleIt, class Distance, class URBG>
SampleIt sample(PopulationIt first, PopulationIt last, SampleIt out, Distance n, URBG&& g) {
    static_assert(std::is_integral_v<Distance>, "cbrng::sample: n must be an integer");
    using G = std::remove_cv_t<std::remove_reference_t<URBG>>;
    if constexpr (detail::fill_traits<G>::fast) {
        if (n <= 0) return out;
        detail::prefetched_words<G> words{g};
        return detail::sample_impl(first, last, out, n, words);
    } else {
        return detail::sample_impl(first, last, out, n, g);
    }
}

CBRNG_NAMESPACE_END

#endif  // CBRNG_ALGORITHM_HPP
