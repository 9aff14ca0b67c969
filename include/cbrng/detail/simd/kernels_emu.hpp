// cbrng/detail/simd/kernels_emu.hpp: the block kernels (kernels/*.inl)
// instantiated on the emulated layer ops_emu<L>, plain C++ lanes that run on
// any CPU, so the tests check every kernel's algorithm on any machine
// (tests/simd_kernels_emulated_test, tests/simd_kernels_odr_test). The
// library never runs it (Threefry's scalar-side blocks use ops_emu<1> inside
// the x86 kernels, which needs only the layer, not this instantiation); it
// is kept out of kernels.hpp so that users do not parse it. The rules at the
// top of kernels.hpp apply.
#ifndef CBRNG_DETAIL_SIMD_KERNELS_EMU_HPP
#define CBRNG_DETAIL_SIMD_KERNELS_EMU_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../../config.hpp"
#include "kernels.hpp"
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

// Plain C++ lanes, any CPU: the emulated ISA the tests run every kernel on.
namespace emu {
/// Groups in flight for blocks<O, B>: the emulated layer is for tests, which
/// also call philox_blocks / threefry_blocks with other counts.
struct tuning {
    static constexpr bool has_kernel(std::size_t, std::size_t) noexcept { return true; }
    static constexpr std::size_t philox_groups(std::size_t, std::size_t) noexcept { return 2; }
    static constexpr std::size_t threefry_groups(std::size_t) noexcept { return 2; }
    static constexpr std::size_t threefry_scalar_blocks(std::size_t) noexcept { return 1; }
};
#define CBRNG_SIMD_FN CBRNG_KERNEL_OPTIMIZE CBRNG_FORCEINLINE
#define CBRNG_SIMD_ENTRY CBRNG_KERNEL_OPTIMIZE inline
// blocks.inl calls the other two, so it comes last.
// clang-format off
#include "kernels/philox.inl"
#include "kernels/threefry.inl"
#include "kernels/blocks.inl"
// clang-format on
#undef CBRNG_SIMD_FN
#undef CBRNG_SIMD_ENTRY
}  // namespace emu

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // CBRNG_DETAIL_SIMD_KERNELS_EMU_HPP
