// cbrng/detail/simd/kernels.hpp: the multi-block kernels (kernels/*.inl),
// written once over a vector layer and instantiated here once per ISA.
//
// Each per-ISA namespace below defines its tuning (groups in flight) and
// includes the kernel files with its own function attributes: CBRNG_SIMD_FN
// (helpers: forced inline) and CBRNG_SIMD_ENTRY (the entry points; fill()
// reaches blocks<O, B> through detail/block_pair.hpp's registry) carry the
// ISA's target macro, which includes CBRNG_KERNEL_OPTIMIZE, so a plain -O2
// build runs the kernels as -O3 does. Kernels are templates on the vector
// layer O (ops_emu<L>, ops_avx2, ops_avx512), so the emulated layer runs the
// very same code on any CPU.
//
// Why attributes on every function rather than a pushed target region
// (#pragma GCC target / clang attribute push): the macros already exist for
// the rest of the library, a function's target is visible where it is
// declared, and both compilers treat them alike.
//
// Rules that keep these kernels safe in a program whose translation units are
// built with different -m flags (tests/simd_kernels_odr_test checks them):
//  1. Every kernel function lives in a per-ISA namespace (emu, avx2, avx512)
//     inside the ABI namespace CBRNG_SIMD_ABI, so no two ISAs ever define the
//     same name, and builds with and without x86 SIMD never share one.
//  2. Every function compiled for an ISA carries that ISA's target attribute
//     explicitly (CBRNG_SIMD_FN / CBRNG_SIMD_ENTRY, and the ops_* layers), so
//     its code does not depend on the -m flags of the translation unit that
//     instantiates it; a TU built with -march=native and one built with the
//     default target emit the same code for the same inline function.
//  3. No #include inside the kernel files or between the #define and #undef
//     of the per-ISA macros: a header pulled in there would have its inline
//     functions compiled with the ISA's attributes in one TU and without
//     them in another.
//  4. No lambdas, local classes or static locals in kernels: their types and
//     objects are not named by the namespace and would merge across ISAs.
//  5. The vector layer is a template argument, never a global alias, so the
//     same kernel text instantiated for two layers gives two distinct
//     specialisations.
#ifndef CBRNG_DETAIL_SIMD_KERNELS_HPP
#define CBRNG_DETAIL_SIMD_KERNELS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../../config.hpp"
#include "../../philox.hpp"
#include "../../threefry.hpp"
#include "../../word_array.hpp"
#include "ops_avx2.hpp"
#include "ops_avx512.hpp"
#include "ops_emu.hpp"

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
/// Groups in flight per kernel on AVX2 (4 blocks a group), measured with
/// fill_bench. Philox2x64 has no AVX2 kernel in fill: the 64x64->128
/// multiply built from four 32x32->64 products did not beat one mulx per
/// word (64 KiB, Zen 4 class: scalar 3.33 GB/s, AVX2 kernel 3.01 GB/s);
/// Philox4x64's did (3.10 against 2.08). Threefry runs groups of four blocks
/// plus two blocks on the scalar side: GCC keeps the scalar blocks in
/// registers beside two groups (+15% on Zen 3); Clang spills them, so it
/// runs three vector groups alone.
struct tuning {
    static constexpr bool has_kernel(std::size_t n, std::size_t w) noexcept {
        return !(n == 2 && w == 64);
    }
    static constexpr std::size_t philox_groups(std::size_t n, std::size_t w) noexcept {
        return n == 4 && w == 64 ? 2 : 4;
    }
    static constexpr std::size_t threefry_groups(std::size_t n) noexcept {
        return n == 2 ? 4 : CBRNG_CLANG ? 3 : 2;
    }
    static constexpr std::size_t threefry_scalar_blocks(std::size_t) noexcept {
        return CBRNG_CLANG ? 0 : 2;
    }
};
#define CBRNG_SIMD_FN CBRNG_TARGET_AVX2 __attribute__((always_inline)) inline
#define CBRNG_SIMD_ENTRY CBRNG_TARGET_AVX2 inline
// blocks.inl calls the other two, so it comes last.
// clang-format off
#include "kernels/philox.inl"
#include "kernels/threefry.inl"
#include "kernels/blocks.inl"
// clang-format on
#undef CBRNG_SIMD_FN
#undef CBRNG_SIMD_ENTRY
}  // namespace avx2

namespace avx512 {
/// Groups in flight per kernel on AVX-512 (8 blocks a group), measured with
/// fill_bench; every generator has a kernel (AVX-512 doubles the 64-bit
/// Philox kernels' width, so both beat mulx here).
struct tuning {
    static constexpr bool has_kernel(std::size_t, std::size_t) noexcept { return true; }
    static constexpr std::size_t philox_groups(std::size_t n, std::size_t w) noexcept {
        return n == 4 && w == 64 ? 2 : 4;
    }
    static constexpr std::size_t threefry_groups(std::size_t n) noexcept { return n == 2 ? 4 : 3; }
    static constexpr std::size_t threefry_scalar_blocks(std::size_t) noexcept { return 0; }
};
#define CBRNG_SIMD_FN CBRNG_TARGET_AVX512 __attribute__((always_inline)) inline
#define CBRNG_SIMD_ENTRY CBRNG_TARGET_AVX512 inline
// blocks.inl calls the other two, so it comes last.
// clang-format off
#include "kernels/philox.inl"
#include "kernels/threefry.inl"
#include "kernels/blocks.inl"
// clang-format on
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

#endif  // CBRNG_DETAIL_SIMD_KERNELS_HPP
