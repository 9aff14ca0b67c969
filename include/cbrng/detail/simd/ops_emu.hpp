// cbrng/detail/simd/ops_emu.hpp: the vector layer of the block kernels in
// plain C++, L 64-bit lanes per "vector", for any CPU.
//
// The same primitives as ops_avx2.hpp and ops_avx512.hpp with the same
// meaning lane by lane, so every kernel of detail/simd/kernels/ can be run
// and tested on a machine without the real instructions (and at lane counts
// no hardware has). ops_emu<1> is also the scalar side of a kernel that runs
// a few blocks on the integer units beside the vector groups.
#ifndef CBRNG_DETAIL_SIMD_OPS_EMU_HPP
#define CBRNG_DETAIL_SIMD_OPS_EMU_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../../config.hpp"
#include "../mulhilo.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

template <std::size_t L>
struct ops_emu {
    static_assert(L >= 1, "ops_emu: at least one lane");
    static constexpr std::size_t lanes = L;
    struct vec {
        std::uint64_t v[L];
    };

    CBRNG_FORCEINLINE static vec set1(std::uint64_t x) noexcept {
        vec r;
        for (std::size_t i = 0; i < L; ++i) r.v[i] = x;
        return r;
    }
    /// 0, 1, ..., L - 1.
    CBRNG_FORCEINLINE static vec iota() noexcept {
        vec r;
        for (std::size_t i = 0; i < L; ++i) r.v[i] = i;
        return r;
    }
    CBRNG_FORCEINLINE static vec add64(vec a, vec b) noexcept {
        for (std::size_t i = 0; i < L; ++i) a.v[i] += b.v[i];
        return a;
    }
    /// Adds the low 32-bit halves mod 2^32 (the high halves are don't-care).
    CBRNG_FORCEINLINE static vec add32(vec a, vec b) noexcept {
        for (std::size_t i = 0; i < L; ++i) {
            a.v[i] = static_cast<std::uint32_t>(a.v[i] + b.v[i]);
        }
        return a;
    }
    CBRNG_FORCEINLINE static vec bxor(vec a, vec b) noexcept {
        for (std::size_t i = 0; i < L; ++i) a.v[i] ^= b.v[i];
        return a;
    }
    /// The 64-bit product of the low 32 bits of each lane.
    CBRNG_FORCEINLINE static vec mul_even_u32(vec a, vec b) noexcept {
        for (std::size_t i = 0; i < L; ++i) {
            a.v[i] = (a.v[i] & 0xFFFFFFFFu) * (b.v[i] & 0xFFFFFFFFu);
        }
        return a;
    }
    /// The high and low 64 bits of the 128-bit product of each lane.
    CBRNG_FORCEINLINE static void mulhilo64(vec a, vec b, vec& hi, vec& lo) noexcept {
        for (std::size_t i = 0; i < L; ++i) {
            const hilo<std::uint64_t> p = detail::mulhilo64(a.v[i], b.v[i]);
            hi.v[i] = p.hi;
            lo.v[i] = p.lo;
        }
    }
    template <int S>
    CBRNG_FORCEINLINE static vec srl64(vec a) noexcept {
        for (std::size_t i = 0; i < L; ++i) a.v[i] >>= S;
        return a;
    }
    template <int S>
    CBRNG_FORCEINLINE static vec rotl64(vec a) noexcept {
        static_assert(S > 0 && S < 64, "rotation count");
        for (std::size_t i = 0; i < L; ++i) a.v[i] = (a.v[i] << S) | (a.v[i] >> (64 - S));
        return a;
    }
    /// Rotates the low 32-bit half of each lane (the high half is don't-care).
    template <int S>
    CBRNG_FORCEINLINE static vec rotl32(vec a) noexcept {
        static_assert(S > 0 && S < 32, "rotation count");
        for (std::size_t i = 0; i < L; ++i) {
            const auto x = static_cast<std::uint32_t>(a.v[i]);
            a.v[i] = static_cast<std::uint32_t>((x << S) | (x >> (32 - S)));
        }
        return a;
    }
    /// Each lane: low half of a's lane, then low half of b's lane above it.
    CBRNG_FORCEINLINE static vec pack32(vec a, vec b) noexcept {
        for (std::size_t i = 0; i < L; ++i) a.v[i] = (a.v[i] & 0xFFFFFFFFu) | (b.v[i] << 32);
        return a;
    }
    /// Stores a's L lanes (8L bytes, any alignment).
    CBRNG_FORCEINLINE static void store1(void* out, vec a) noexcept {
        std::memcpy(out, a.v, sizeof(a.v));
    }
    /// Stores lane i of a and of b as the 64-bit words 2i and 2i + 1.
    CBRNG_FORCEINLINE static void store2(void* out, vec a, vec b) noexcept {
        std::uint64_t t[2 * L];
        for (std::size_t i = 0; i < L; ++i) {
            t[2 * i] = a.v[i];
            t[2 * i + 1] = b.v[i];
        }
        std::memcpy(out, t, sizeof(t));
    }
    /// Stores lane i of a, b, c, d as the 64-bit words 4i .. 4i + 3.
    CBRNG_FORCEINLINE static void store4(void* out, vec a, vec b, vec c, vec d) noexcept {
        std::uint64_t t[4 * L];
        for (std::size_t i = 0; i < L; ++i) {
            t[4 * i] = a.v[i];
            t[4 * i + 1] = b.v[i];
            t[4 * i + 2] = c.v[i];
            t[4 * i + 3] = d.v[i];
        }
        std::memcpy(out, t, sizeof(t));
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_SIMD_OPS_EMU_HPP
