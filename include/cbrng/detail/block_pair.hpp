// cbrng/detail/block_pair.hpp: two consecutive blocks of a bijection at once,
// for the buffer of cbrng::stream.
//
// A stream refills two blocks at a time: the two dependency chains overlap in
// the out-of-order core, so the pair costs little more than one block's
// latency, and per-call draws run faster (docs/performance.md has the
// numbers). For Philox4x32 on x86-64 both blocks fit one AVX2 register, four
// 32-bit words each: _mm256_mul_epu32 multiplies words 0 and 2 of both blocks
// in one instruction, a shuffle puts hi and lo where the round wants them, and
// one xor folds in words 1 and 3 and the round key. That kernel is compiled
// with a target attribute and called only when the CPU has AVX2 (checked per
// refill: one load and a test; a thread's detail::force_isa override is
// honoured, so the tests can compare both paths). Everything else, and device
// code, and constant evaluation, uses the bijection twice.
//
// The result is defined by the bijection alone: out[0..N) is block c, out[N..2N)
// block c + 1 (counter word 0 plus one). Precondition: c[0] + 1 does not wrap;
// stream block indices live in word 0 and stay below the stream's block_limit.
#ifndef CBRNG_DETAIL_BLOCK_PAIR_HPP
#define CBRNG_DETAIL_BLOCK_PAIR_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"
#include "../philox.hpp"
#include "../threefry.hpp"
#include "../word_array.hpp"
#include "cpu.hpp"

#if CBRNG_HAS_X86_SIMD
#include "simd/kernels.hpp"
#endif
#include "simd/scalar.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Two blocks, counters c and c + 1 (word 0), with the bijection B twice.
template <class B>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void block_pair_portable(
    const typename B::counter_type& c, const typename B::key_type& key,
    word_array<typename B::word_type, 2 * B::word_count>& out) noexcept {
    typename B::counter_type c1 = c;
    c1[0] = static_cast<typename B::word_type>(c1[0] + 1u);
    const typename B::counter_type b0 = B{}(c, key);
    const typename B::counter_type b1 = B{}(c1, key);
    for (std::size_t j = 0; j < B::word_count; ++j) {
        out[j] = b0[j];
        out[B::word_count + j] = b1[j];
    }
}

#if CBRNG_HAS_X86_SIMD
inline namespace CBRNG_SIMD_ABI {

/// Philox4x32-R on blocks c and c + 1 in one AVX2 register, c = {c01 low
/// half, c01 high half, c23 low, c23 high}, key = {k01 low, k01 high}.
/// Requires AVX2. The counter and key arrive in registers, not through a
/// pointer: the caller has just written them as narrower stores, and a
/// 16-byte load of them cannot be forwarded from those stores (under clang
/// that stall cost about 2 ns per draw of a stream).
template <unsigned R>
CBRNG_TARGET_AVX2 CBRNG_NOINLINE void philox4x32_pair_avx2(std::uint32_t* out, std::uint64_t c01,
                                                           std::uint64_t c23,
                                                           std::uint64_t k01) noexcept {
    using constants = philox_constants<4, 32>;
    const auto mul = constants::mul();
    const auto weyl = constants::weyl();
    using v4 = simd::ops_avx2::vec;
    using v8 = simd::ops_avx2::v8u32;
    // 64-bit lanes: (word 0, word 1), (word 2, word 3) of block c, then of c + 1
    // (word 0 + 1 mod 2^32, word 1 unchanged).
    const std::uint64_t c01_next = (c01 & 0xFFFFFFFF00000000u) | ((c01 + 1u) & 0xFFFFFFFFu);
    v4 x = {c01, c23, c01_next, c23};
    const v4 m = {mul[0], mul[1], mul[0], mul[1]};
    const v4 w = {weyl[0], weyl[1], weyl[0], weyl[1]};
    const std::uint64_t k0 = k01 & 0xFFFFFFFFu, k1 = k01 >> 32;
    v4 k = {k0, k1, k0, k1};
    for (unsigned r = 0; r < R; ++r) {
        if (r != 0) k = simd::ops_avx2::add32(k, w);
        // p = (lo0, hi0, lo1, hi1) per block: the products of words 0 and 2.
        const v8 p = reinterpret_cast<v8>(simd::ops_avx2::mul_even_u32(x, m));
        // (hi1, lo1, hi0, lo0) ^ (word 1 ^ k0, 0, word 3 ^ k1, 0): the next state.
        x = reinterpret_cast<v4>(__builtin_shufflevector(p, p, 3, 2, 1, 0, 7, 6, 5, 4)) ^
            ((x >> 32) ^ k);
    }
    simd::ops_avx2::store1(out, x);
}

/// Whether the pair kernel may use AVX2 on this thread: the CPU has it, or a
/// force_isa override says which tier to use.
[[nodiscard]] inline bool block_pair_avx2() noexcept {
    const int forced = forced_isa_slot();
    if (forced >= 0) return forced >= static_cast<int>(isa::avx2);
    return __builtin_cpu_supports("avx2") != 0;
}

}  // namespace CBRNG_SIMD_ABI
#endif

/// Whether B has a run-time-dispatched pair kernel (Philox4x32 on x86-64).
template <class B>
inline constexpr bool has_pair_kernel = false;

#if CBRNG_HAS_X86_SIMD
template <unsigned R>
inline constexpr bool has_pair_kernel<philox<4, 32, R>> = true;

/// Philox4x32 pair on x86-64: the AVX2 kernel where the CPU has it, else
/// the bijection twice, out of line. Both are calls, so that a stream's
/// refill stays small enough to inline into every draw, and both take and
/// return values: the stream's address never escapes (a stream whose
/// address escapes into a call cannot live in registers).
template <unsigned R>
struct philox4x32_pair_host {
    using B = philox<4, 32, R>;
    using words = word_array<std::uint32_t, 8>;
    [[nodiscard]] CBRNG_FORCEINLINE static words compute(const typename B::counter_type& c,
                                                         const typename B::key_type& key) noexcept {
        if (block_pair_avx2()) {
            words out;  // a local: the kernel writes it, never the stream
            philox4x32_pair_avx2<R>(out.data(), words_64(c[0], c[1]), words_64(c[2], c[3]),
                                    words_64(key[0], key[1]));
            return out;
        }
        return portable(c, key);
    }
    /// lo | hi << 32: two 32-bit words as the pair kernel takes them.
    [[nodiscard]] CBRNG_FORCEINLINE static constexpr std::uint64_t words_64(
        std::uint32_t lo, std::uint32_t hi) noexcept {
        return std::uint64_t{lo} | std::uint64_t{hi} << 32;
    }
    [[nodiscard]] CBRNG_NOINLINE static words portable(typename B::counter_type c,
                                                       typename B::key_type key) noexcept {
        words out{};
        block_pair_portable<B>(c, key, out);
        return out;
    }
};
#endif

/// Blocks c and c + 1 of B into out. Philox4x32 on an x86-64 host at run
/// time: philox4x32_pair_host. Everything else (other generators, device
/// code, constant evaluation): the bijection twice, inline, where the two
/// independent chains overlap (measured faster than an out-of-line call for
/// the 64-bit generators, docs/performance.md).
template <class B>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void block_pair(
    const typename B::counter_type& c, const typename B::key_type& key,
    word_array<typename B::word_type, 2 * B::word_count>& out) noexcept {
#if CBRNG_HAS_X86_SIMD && CBRNG_HAS_IS_CONSTANT_EVALUATED
    if constexpr (has_pair_kernel<B>) {
        if (!__builtin_is_constant_evaluated()) {
            out = philox4x32_pair_host<B::rounds>::compute(c, key);
            return;
        }
    }
#endif
    block_pair_portable<B>(c, key, out);
}

inline namespace CBRNG_SIMD_ABI {  // calls the ISA-specific kernels (config.hpp)

/// The block kernels fill() can run, keyed by bijection. `available` is false
/// for bijections without one (their fill is the scalar loop).
template <class Bijection>
struct fill_kernel {
    static constexpr bool available = false;
};

/// The kernel of bijection F: the scalar reference, and where the build
/// targets x86 the AVX2 and AVX-512 kernels (nullptr where there are none),
/// chosen by the isa fill() found (or a test forced).
template <class F, auto Scalar, auto Avx2 = nullptr, auto Avx512 = nullptr>
struct block_fill_kernel {
    static constexpr bool available = true;
    using word_type = typename F::word_type;
    using ctr_type = typename F::counter_type;
    using key_type = typename F::key_type;
    static constexpr std::size_t words = F::word_count;
    static constexpr unsigned word_bits = F::word_size;
    /// Precondition: c[0] + nblocks <= 2^word_bits.
    static void run(isa which, word_type* out, std::size_t nblocks, const ctr_type& c,
                    const key_type& k) noexcept {
        if constexpr (!std::is_null_pointer_v<decltype(Avx512)>) {
            if (which == isa::avx512) return Avx512(out, nblocks, c, k);
        }
        if constexpr (!std::is_null_pointer_v<decltype(Avx2)>) {
            if (which == isa::avx2) return Avx2(out, nblocks, c, k);
        }
        (void)which;
        Scalar(out, nblocks, c, k);
    }
};

#if CBRNG_HAS_X86_SIMD
/// The entry of B's AVX2 (AVX-512) kernel, or nullptr where that ISA's tuning
/// (detail/simd/kernels.hpp) says B has none.
template <class B>
constexpr auto avx2_blocks() noexcept {
    if constexpr (simd::avx2::tuning::has_kernel(B::word_count, B::word_size)) {
        return &simd::avx2::blocks<simd::ops_avx2, B>;
    } else {
        return nullptr;
    }
}
template <class B>
constexpr auto avx512_blocks() noexcept {
    if constexpr (simd::avx512::tuning::has_kernel(B::word_count, B::word_size)) {
        return &simd::avx512::blocks<simd::ops_avx512, B>;
    } else {
        return nullptr;
    }
}
/// B's kernels: the scalar reference and the AVX2 and AVX-512 entries.
template <class B>
struct simd_fill_kernel
    : block_fill_kernel<B, simd::scalar_blocks<B>, avx2_blocks<B>(), avx512_blocks<B>()> {};
#else
template <class B>
struct simd_fill_kernel : block_fill_kernel<B, simd::scalar_blocks<B>> {};
#endif

// The six stream generators, each with its multi-block kernel.
template <>
struct fill_kernel<philox4x32_10> : simd_fill_kernel<philox4x32_10> {};
template <>
struct fill_kernel<philox2x64_10> : simd_fill_kernel<philox2x64_10> {};
template <>
struct fill_kernel<philox4x64_10> : simd_fill_kernel<philox4x64_10> {};
template <>
struct fill_kernel<threefry4x64_20> : simd_fill_kernel<threefry4x64_20> {};
template <>
struct fill_kernel<threefry4x32_20> : simd_fill_kernel<threefry4x32_20> {};
template <>
struct fill_kernel<threefry2x64_20> : simd_fill_kernel<threefry2x64_20> {};

/// nblocks consecutive blocks of B, counters c, c + 1, ... (word 0), into
/// out[0 .. nblocks * N), for cbrng::buffered_stream's refills: the block
/// kernel fill() runs (fill_kernel<B>, on the ISA this CPU runs) where B has
/// one, else the bijection in a loop. Precondition: c[0] + nblocks does not
/// wrap.
template <class B>
CBRNG_NOINLINE void block_run(const typename B::counter_type& c, const typename B::key_type& key,
                              typename B::word_type* out, std::size_t nblocks) noexcept {
    if constexpr (fill_kernel<B>::available) {
        fill_kernel<B>::run(active_isa(), out, nblocks, c, key);
    } else {
        typename B::counter_type x = c;
        for (std::size_t b = 0; b < nblocks; ++b) {
            const typename B::counter_type y = B{}(x, key);
            for (std::size_t j = 0; j < B::word_count; ++j) out[b * B::word_count + j] = y[j];
            x[0] = static_cast<typename B::word_type>(x[0] + 1u);
        }
    }
}

}  // namespace CBRNG_SIMD_ABI

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_BLOCK_PAIR_HPP
