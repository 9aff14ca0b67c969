// cbrng/detail/fill/slices.hpp: the machinery of cbrng::fill_slice and the
// parallel fill: which generators move in O(1), how many words an element
// takes, and the split of a range over std::threads. It calls the serial
// cbrng::fill, declared here and defined in cbrng/fill.hpp.
#ifndef CBRNG_DETAIL_FILL_SLICES_HPP
#define CBRNG_DETAIL_FILL_SLICES_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iterator>
#include <limits>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "../../config.hpp"
#include "../../engine.hpp"
#include "../../stream.hpp"
#include "../param_error.hpp"

CBRNG_NAMESPACE_BEGIN

inline namespace CBRNG_SIMD_ABI {
template <class URBG, class OutputIt>
void fill(URBG& gen, OutputIt first, OutputIt last);
template <class URBG, class OutputIt, class Distribution>
void fill(URBG& gen, OutputIt first, OutputIt last, Distribution&& dist);
}  // namespace CBRNG_SIMD_ABI

namespace detail {
inline namespace CBRNG_SIMD_ABI {

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
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FILL_SLICES_HPP
