// cbrng/detail/uniform_bits.hpp: exactly 32 or 64 uniform bits from any URBG.
//
// Every distribution starts from raw bits, and the mapping from a URBG's
// outputs to those bits is part of the frozen output contract, so it lives in
// one place:
//
//  - URBG range exactly 2^64 (std::mt19937_64, cbrng::philox4x64): one call
//    gives 64 bits; 32 bits are the low half of one call.
//  - URBG range exactly 2^32 (std::mt19937, cbrng::philox4x32, whose
//    result_type is wider but whose values are 32-bit): one call gives 32 bits;
//    64 bits are two calls, the FIRST call giving the LOW half.
//  - Any other power-of-two range 2^w: ceil(bits / w) calls, concatenated from
//    the low end (first call lowest); surplus high bits of the last call are
//    dropped.
//  - A range that is not a power of two (std::minstd_rand: 2^31 - 2 values):
//    each call is rejected until it falls below the largest power of two 2^w
//    within the range, then used as above. Consumption is then variable.
//
// `urbg_bits<URBG>::calls<Bits>` is the fixed number of calls one draw takes,
// or 0 where it is variable.
#ifndef CBRNG_DETAIL_UNIFORM_BITS_HPP
#define CBRNG_DETAIL_UNIFORM_BITS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// floor(log2(x)) for x > 0.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr unsigned floor_log2(std::uint64_t x) noexcept {
    unsigned r = 0;
    while (x >>= 1) ++r;
    return r;
}

/// Facts about a URBG's output range, all at compile time.
template <class URBG>
struct urbg_bits {
    using result_type = typename URBG::result_type;
    static_assert(std::is_unsigned_v<result_type> && sizeof(result_type) <= 8,
                  "cbrng: the URBG's result_type must be an unsigned integer of at most 64 bits");
    static_assert(URBG::max() > URBG::min(), "cbrng: the URBG must have at least two values");

    /// max() - min(): the number of distinct values minus one.
    static constexpr std::uint64_t range =
        static_cast<std::uint64_t>(URBG::max()) - static_cast<std::uint64_t>(URBG::min());
    /// True when the number of values is a power of two (no rejection).
    static constexpr bool exact = range == ~std::uint64_t{0} || ((range + 1) & range) == 0;
    /// Uniform bits delivered by one accepted call.
    static constexpr unsigned bits_per_call =
        range == ~std::uint64_t{0} ? 64u : floor_log2(range + 1);
    /// Largest accepted value of g() - min().
    static constexpr std::uint64_t accept_max =
        bits_per_call == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits_per_call) - 1;
    /// Calls per draw of Bits bits when fixed, 0 when variable (rejection).
    template <unsigned Bits>
    static constexpr std::size_t calls = exact ? (Bits + bits_per_call - 1) / bits_per_call : 0;
};

/// One accepted call: a value uniform on [0, 2^bits_per_call).
template <class URBG>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE std::uint64_t urbg_call(URBG& g) {
    using t = urbg_bits<URBG>;
    constexpr std::uint64_t lo = static_cast<std::uint64_t>(URBG::min());
    if constexpr (t::exact) {
        return static_cast<std::uint64_t>(g()) - lo;
    } else {
        for (;;) {
            const std::uint64_t v = static_cast<std::uint64_t>(g()) - lo;
            if (v <= t::accept_max) return v;
        }
    }
}

/// Exactly 32 uniform bits from g (see the header comment for the mapping).
template <class URBG>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE std::uint32_t generate_bits32(URBG& g) {
    using t = urbg_bits<URBG>;
    if constexpr (t::bits_per_call >= 32) {
        return static_cast<std::uint32_t>(urbg_call(g));
    } else {
        std::uint64_t v = 0;
        for (unsigned shift = 0; shift < 32; shift += t::bits_per_call) {
            v |= urbg_call(g) << shift;
        }
        return static_cast<std::uint32_t>(v);
    }
}

/// Exactly 64 uniform bits from g; with a 32-bit URBG the first call is the
/// low half.
template <class URBG>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE std::uint64_t generate_bits64(URBG& g) {
    using t = urbg_bits<URBG>;
    if constexpr (t::bits_per_call == 64) {
        return urbg_call(g);
    } else {
        std::uint64_t v = urbg_call(g);
        for (unsigned shift = t::bits_per_call; shift < 64; shift += t::bits_per_call) {
            v |= urbg_call(g) << shift;
        }
        return v;
    }
}

/// Raw bits one variate of a floating distribution needs: 64 for double,
/// 32 for float.
template <class Real>
inline constexpr unsigned variate_bits = sizeof(Real) == 8 ? 64u : 32u;

/// Draws the raw bits for one Real variate from g.
template <class Real, class URBG>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE auto generate_variate_bits(URBG& g) {
    if constexpr (variate_bits<Real> == 64) {
        return generate_bits64(g);
    } else {
        return generate_bits32(g);
    }
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_UNIFORM_BITS_HPP
