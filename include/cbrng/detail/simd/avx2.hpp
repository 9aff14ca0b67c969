// cbrng/detail/simd/avx2.hpp: the AVX2 block kernels fill() calls, one
// entry point per generator with a kernel, the same contract as
// detail/simd/scalar.hpp.
//
// The kernels themselves are written once in detail/simd/kernels/ over a
// vector layer and instantiated for ops_avx2 in kernels.hpp; the functions
// here fix the generator and the number of groups in flight. Every one
// carries CBRNG_TARGET_AVX2 and its own name, so a default build (no -march)
// contains it and fill() calls it only when cpuid says AVX2 is there
// (detail/cpu.hpp).
//
// Threefry on AVX2 runs groups of four blocks plus two blocks on the scalar
// side (threefry.inl): GCC keeps the scalar blocks in registers beside two
// groups (+15% on Zen 3); Clang spills them, so it runs three vector groups
// alone.
#ifndef CBRNG_DETAIL_SIMD_AVX2_HPP
#define CBRNG_DETAIL_SIMD_AVX2_HPP

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

/// AVX2 philox4x32_10: same contract as philox4x32_10_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void philox4x32_10_avx2(std::uint32_t* out, std::size_t nblocks,
                                                 const philox4x32_ctr& c,
                                                 const philox4x32_key& k) noexcept {
    avx2::philox_blocks<ops_avx2, 4, 32, 10, 4>(out, nblocks, c, k);
}

/// AVX2 philox2x64_10: same contract as philox2x64_10_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void philox2x64_10_avx2(std::uint64_t* out, std::size_t nblocks,
                                                 const philox2x64_ctr& c,
                                                 const philox2x64_key& k) noexcept {
    avx2::philox_blocks<ops_avx2, 2, 64, 10, 4>(out, nblocks, c, k);
}

/// AVX2 philox4x64_10: same contract as philox4x64_10_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void philox4x64_10_avx2(std::uint64_t* out, std::size_t nblocks,
                                                 const philox4x64_ctr& c,
                                                 const philox4x64_key& k) noexcept {
    avx2::philox_blocks<ops_avx2, 4, 64, 10, 2>(out, nblocks, c, k);
}

/// AVX2 threefry4x64_20: same contract as threefry4x64_20_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void threefry4x64_20_avx2(std::uint64_t* out, std::size_t nblocks,
                                                   const threefry4x64_ctr& c,
                                                   const threefry4x64_key& k) noexcept {
    avx2::threefry_blocks<ops_avx2, 4, 64, 20, CBRNG_CLANG ? 3 : 2, CBRNG_CLANG ? 0 : 2>(
        out, nblocks, c, k);
}

/// AVX2 threefry4x32_20: same contract as threefry4x32_20_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void threefry4x32_20_avx2(std::uint32_t* out, std::size_t nblocks,
                                                   const threefry4x32_ctr& c,
                                                   const threefry4x32_key& k) noexcept {
    avx2::threefry_blocks<ops_avx2, 4, 32, 20, CBRNG_CLANG ? 3 : 2, CBRNG_CLANG ? 0 : 2>(
        out, nblocks, c, k);
}

/// AVX2 threefry2x64_20: same contract as threefry2x64_20_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void threefry2x64_20_avx2(std::uint64_t* out, std::size_t nblocks,
                                                   const threefry2x64_ctr& c,
                                                   const threefry2x64_key& k) noexcept {
    avx2::threefry_blocks<ops_avx2, 2, 64, 20, 4, CBRNG_CLANG ? 0 : 2>(out, nblocks, c, k);
}

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_AVX2_HPP
