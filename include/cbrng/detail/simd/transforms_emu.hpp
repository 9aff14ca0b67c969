// cbrng/detail/simd/transforms_emu.hpp: the batch transforms
// (kernels/transform.inl) instantiated on the emulated layer ops_real_emu,
// plain vector-extension lanes that run on any CPU, so the tests check every
// transform's algorithm on any machine (tests/simd_transforms_emulated_test,
// tests/simd_kernels_odr_test). The library never runs it; it is kept out of
// transforms.hpp so that <cbrng/fill.hpp> does not parse it. The rules of
// transforms.hpp apply.
#ifndef CBRNG_DETAIL_SIMD_TRANSFORMS_EMU_HPP
#define CBRNG_DETAIL_SIMD_TRANSFORMS_EMU_HPP

#include "../../config.hpp"
#include "ops_real_emu.hpp"
#include "transforms.hpp"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

#if CBRNG_HAS_REAL_EMU
// Portable vector-extension lanes, any CPU: the emulated ISA the tests run
// every transform on.
namespace emu {
#define CBRNG_SIMD_FN CBRNG_KERNEL_OPTIMIZE CBRNG_FORCEINLINE
#define CBRNG_SIMD_ENTRY CBRNG_KERNEL_OPTIMIZE inline
#include "kernels/transform.inl"
#undef CBRNG_SIMD_FN
#undef CBRNG_SIMD_ENTRY
}  // namespace emu
#endif

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // CBRNG_DETAIL_SIMD_TRANSFORMS_EMU_HPP
