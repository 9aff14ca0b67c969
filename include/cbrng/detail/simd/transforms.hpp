// cbrng/detail/simd/transforms.hpp: the batch transforms (kernels/transform.inl),
// written once over a vector layer and instantiated here once per ISA: avx2
// (ops_real_avx2) and avx512 (ops_real_avx512). detail/transform.hpp
// dispatches to them. The emulated instantiation (ops_real_emu, the tests'
// portable lanes) is transforms_emu.hpp, which only the tests include: the
// library never runs it, so no user pays for parsing it.
//
// The same rules as the block kernels (see the top of kernels.hpp and
// docs/design.md section 7.4): per-ISA namespaces inside the ABI namespace,
// every function with its ISA's attributes (CBRNG_SIMD_FN for forced-inline
// helpers, CBRNG_SIMD_ENTRY for the entry points), no #include between the
// macros' #define and #undef, no lambdas, local classes or static locals in
// the kernel, and the vector layer a template argument.
#ifndef CBRNG_DETAIL_SIMD_TRANSFORMS_HPP
#define CBRNG_DETAIL_SIMD_TRANSFORMS_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../../config.hpp"
#include "../fp.hpp"
#include "../math.hpp"
#include "../math_float.hpp"
#include "../math_trig.hpp"
#include "../transform_scalar.hpp"
#include "ops_real_avx2.hpp"
#include "ops_real_avx512.hpp"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

#if CBRNG_HAS_X86_SIMD
namespace avx2 {
#define CBRNG_SIMD_FN CBRNG_TARGET_AVX2 __attribute__((always_inline)) inline
#define CBRNG_SIMD_ENTRY CBRNG_TARGET_AVX2 inline
#include "kernels/transform.inl"
#undef CBRNG_SIMD_FN
#undef CBRNG_SIMD_ENTRY
}  // namespace avx2

namespace avx512 {
#define CBRNG_SIMD_FN CBRNG_TARGET_AVX512 __attribute__((always_inline)) inline
#define CBRNG_SIMD_ENTRY CBRNG_TARGET_AVX512 inline
#include "kernels/transform.inl"
#undef CBRNG_SIMD_FN
#undef CBRNG_SIMD_ENTRY
}  // namespace avx512
#endif  // CBRNG_HAS_X86_SIMD

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // CBRNG_DETAIL_SIMD_TRANSFORMS_HPP
