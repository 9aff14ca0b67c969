// cbrng/detail/simd/avx512.hpp: the AVX-512 block kernels fill() calls, one
// entry point per generator with a kernel, the same contract as
// detail/simd/scalar.hpp.
//
// The kernels are written once in detail/simd/kernels/ and instantiated for
// ops_avx512 in kernels.hpp (see avx2.hpp). Each function carries
// CBRNG_TARGET_AVX512 (AVX-512 F, DQ, BW, VL plus AVX2, FMA), so fill()
// calls it only after cpuid says the CPU has those extensions
// (detail/cpu.hpp's avx512 tier).
#ifndef CBRNG_DETAIL_SIMD_AVX512_HPP
#define CBRNG_DETAIL_SIMD_AVX512_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <cstddef>
#include <cstdint>

#include "kernels.hpp"
#include "scalar.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

/// AVX-512 philox4x32_10: same contract as philox4x32_10_scalar. Requires AVX-512 F, DQ, VL and BW.
CBRNG_TARGET_AVX512 inline void philox4x32_10_avx512(std::uint32_t* out, std::size_t nblocks,
                                                     const philox4x32_ctr& c,
                                                     const philox4x32_key& k) noexcept {
    avx512::philox_blocks<ops_avx512, 4, 32, 10, 4>(out, nblocks, c, k);
}

/// AVX-512 philox2x64_10: same contract as philox2x64_10_scalar. Requires AVX-512 F, DQ, VL and BW.
CBRNG_TARGET_AVX512 inline void philox2x64_10_avx512(std::uint64_t* out, std::size_t nblocks,
                                                     const philox2x64_ctr& c,
                                                     const philox2x64_key& k) noexcept {
    avx512::philox_blocks<ops_avx512, 2, 64, 10, 4>(out, nblocks, c, k);
}

/// AVX-512 philox4x64_10: same contract as philox4x64_10_scalar. Requires AVX-512 F, DQ, VL and BW.
CBRNG_TARGET_AVX512 inline void philox4x64_10_avx512(std::uint64_t* out, std::size_t nblocks,
                                                     const philox4x64_ctr& c,
                                                     const philox4x64_key& k) noexcept {
    avx512::philox_blocks<ops_avx512, 4, 64, 10, 2>(out, nblocks, c, k);
}

/// AVX-512 threefry4x64_20: same contract as threefry4x64_20_scalar. Requires AVX-512 F, DQ, VL and
/// BW.
CBRNG_TARGET_AVX512 inline void threefry4x64_20_avx512(std::uint64_t* out, std::size_t nblocks,
                                                       const threefry4x64_ctr& c,
                                                       const threefry4x64_key& k) noexcept {
    avx512::threefry_blocks<ops_avx512, 4, 64, 20, 3>(out, nblocks, c, k);
}

/// AVX-512 threefry4x32_20: same contract as threefry4x32_20_scalar. Requires AVX-512 F, DQ, VL and
/// BW.
CBRNG_TARGET_AVX512 inline void threefry4x32_20_avx512(std::uint32_t* out, std::size_t nblocks,
                                                       const threefry4x32_ctr& c,
                                                       const threefry4x32_key& k) noexcept {
    avx512::threefry_blocks<ops_avx512, 4, 32, 20, 3>(out, nblocks, c, k);
}

/// AVX-512 threefry2x64_20: same contract as threefry2x64_20_scalar. Requires AVX-512 F, DQ, VL and
/// BW.
CBRNG_TARGET_AVX512 inline void threefry2x64_20_avx512(std::uint64_t* out, std::size_t nblocks,
                                                       const threefry2x64_ctr& c,
                                                       const threefry2x64_key& k) noexcept {
    avx512::threefry_blocks<ops_avx512, 2, 64, 20, 4>(out, nblocks, c, k);
}

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_AVX512_HPP
