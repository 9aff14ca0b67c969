// cbrng/detail/simd/scalar.hpp: the portable block kernels behind fill(), and
// the reference every SIMD back end is tested against.
//
// A block kernel computes the bijection for a run of consecutive counters that
// differ only in word 0 ({c0 + b, c1, c2, c3} for b = 0..nblocks-1) and stores
// the blocks in the order scalar calls return their words: block b's word j
// goes to out[N*b + j]. Word 0 must not carry within the run (c0 + nblocks <=
// 2^W); fill() splits a run at the carry so every kernel can count up word 0
// alone, which is what makes the SIMD lanes independent.
//
// These kernels simply call the bijection: they are the definition of the
// right answer, work on every platform and in constant evaluation, and are
// what the SIMD kernels (kernels.hpp) reproduce bit for bit.
// They carry CBRNG_KERNEL_OPTIMIZE (config.hpp), as the SIMD kernels do
// through their target macros, so a plain -O2 build unrolls the bijection's
// loops as -O3 does.
#ifndef CBRNG_DETAIL_SIMD_SCALAR_HPP
#define CBRNG_DETAIL_SIMD_SCALAR_HPP

#include <cstddef>
#include <cstdint>

#include "../../config.hpp"
#include "../../philox.hpp"
#include "../../threefry.hpp"
#include "../../word_array.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {  // with the other kernels, see config.hpp
namespace simd {

using philox4x32_ctr = word_array<std::uint32_t, 4>;
using philox4x32_key = word_array<std::uint32_t, 2>;
using threefry4x64_ctr = word_array<std::uint64_t, 4>;
using threefry4x64_key = word_array<std::uint64_t, 4>;
using philox2x64_ctr = word_array<std::uint64_t, 2>;
using philox2x64_key = word_array<std::uint64_t, 1>;
using philox4x64_ctr = word_array<std::uint64_t, 4>;
using philox4x64_key = word_array<std::uint64_t, 2>;
using threefry4x32_ctr = word_array<std::uint32_t, 4>;
using threefry4x32_key = word_array<std::uint32_t, 4>;
using threefry2x64_ctr = word_array<std::uint64_t, 2>;
using threefry2x64_key = word_array<std::uint64_t, 2>;

/// Bijection F's blocks for counters {c[0] + b, c[1], ...}, b < nblocks,
/// stored as out[N*b + j]. Precondition: c[0] + nblocks <= 2^W.
template <class F>
CBRNG_KERNEL_OPTIMIZE inline void scalar_blocks(typename F::word_type* out, std::size_t nblocks,
                                                typename F::counter_type c,
                                                const typename F::key_type& k) noexcept {
    constexpr F f{};
    constexpr std::size_t N = F::word_count;
    for (std::size_t b = 0; b < nblocks; ++b, ++c[0]) {
        const typename F::counter_type y = f(c, k);
        for (std::size_t j = 0; j < N; ++j) out[N * b + j] = y[j];
    }
}

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_SIMD_SCALAR_HPP
