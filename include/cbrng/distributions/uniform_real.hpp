// cbrng/distributions/uniform_real.hpp: uniform reals on [a, b), bit-stable.
//
// std::uniform_real_distribution may return b after rounding (LWG 2524) and
// its algorithm differs between standard libraries. This one is frozen
// (docs/design.md §4, §6) and bit-identical on every compiler, -O level, -march, SIMD
// path and CUDA device:
//
//   double: u = (x >> 11) * 2^-53 from one 64-bit draw x  (53-bit resolution)
//   float:  u = (x >> 8) * 2^-24 from one 32-bit draw x   (24-bit resolution)
//   r = a + (b - a) * u           (product guarded against FMA contraction)
//   r = nextbelow(b) if r >= b    (rounding can reach b; b is never returned)
//
// so the variates lie on a grid of 2^53 (2^24) equally likely points, each
// rounded to the nearest representable value, all in [a, b). If b - a
// overflows (bounds of opposite sign near the type's maximum) the same
// formula is evaluated on a/2 and b/2, which is exact, then doubled. a == b
// is allowed and always returns a.
//
// Words consumed per variate, fixed: a double takes one 64-bit draw (one call
// of a 64-bit URBG, two calls of a 32-bit URBG such as std::mt19937 or
// cbrng::philox4x32, the first call being the low half); a float takes one
// 32-bit draw (one call of either; the low 32 bits of a 64-bit call). Hence
// O(1) random access with variate_at() (random_access.hpp). URBGs whose range
// is not a power of two consume a variable number of calls
// (detail/uniform_bits.hpp).
//
// Example:
//   cbrng::philox4x32 g{7};
//   cbrng::uniform_real_distribution<double> d{-1.0, 1.0};
//   double x = d(g);   // consumes 2 words of g
#ifndef CBRNG_DISTRIBUTIONS_UNIFORM_REAL_HPP
#define CBRNG_DISTRIBUTIONS_UNIFORM_REAL_HPP

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class uniform_real_distribution;

namespace detail {

/// Parameters of uniform_real_distribution<Real> (its param_type).
template <class Real>
class uniform_real_param
    : public real_params<uniform_real_param<Real>, Real, rule::finite, rule::finite> {
    using base = real_params<uniform_real_param<Real>, Real, rule::finite, rule::finite>;
    friend base;

  public:
    using distribution_type = uniform_real_distribution<Real>;
    static constexpr const char* name = "cbrng::uniform_real_distribution";
    static constexpr const char* field_names[] = {"a", "b"};

    /// [0, 1).
    CBRNG_HOST_DEVICE constexpr uniform_real_param() : uniform_real_param(Real(0)) {}
    /// [a, b); throws std::invalid_argument unless a and b are finite and a <= b.
    CBRNG_HOST_DEVICE explicit constexpr uniform_real_param(Real a, Real b = Real(1))
        : base(word_array<Real, 2>{{a, b}}) {
        if (!joint_valid(this->v_)) param_error(name, "a must be <= b", a, b);
    }
    CBRNG_HOST_DEVICE explicit constexpr uniform_real_param(const word_array<Real, 2>& v)
        : uniform_real_param(v[0], v[1]) {}
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real a() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real b() const noexcept { return this->v_[1]; }

  private:
    /// a <= b: the rule across the fields, part of valid().
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool joint_valid(
        const word_array<Real, 2>& v) noexcept {
        return v[0] <= v[1];
    }
};

/// u in [0, 1) on the 2^-53 grid from 64 bits (the top 53).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double unit53(std::uint64_t x) noexcept {
    return static_cast<double>(x >> 11) * 0x1p-53;
}
/// u in [0, 1) on the 2^-24 grid from 32 bits (the top 24).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr float unit24(std::uint32_t x) noexcept {
    return static_cast<float>(x >> 8) * 0x1p-24f;
}

/// a + (b - a) * u for u in [0, 1), clamped below b (a if a == b). The
/// frozen scaling of uniform_real_distribution; the SIMD back ends mirror it.
template <class Real>
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR Real uniform_real_scale(Real u, Real a,
                                                                           Real b) noexcept {
    const Real span = b - a;
    Real r;
    if (CBRNG_LIKELY(is_finite(span))) {
        r = a + fp_mul(span, u);
    } else {
        // b - a overflowed, so |a| and |b| are both >= 2^970 (2^103 for
        // float): halving them is exact, and so is the final doubling unless
        // it overflows, which the clamp below catches.
        const Real half_span = b * Real(0.5) - a * Real(0.5);
        r = (a * Real(0.5) + fp_mul(half_span, u)) * Real(2);
    }
    return r < b ? r : (a < b ? next_below(b) : a);
}

/// The double variate for 64 random bits x.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double uniform_real_from_bits(
    std::uint64_t x, const uniform_real_param<double>& p) noexcept {
    return uniform_real_scale(unit53(x), p.a(), p.b());
}
/// The float variate for 32 random bits x.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float uniform_real_from_bits(
    std::uint32_t x, const uniform_real_param<float>& p) noexcept {
    return uniform_real_scale(unit24(x), p.a(), p.b());
}

}  // namespace detail

/// Uniform reals on [a, b): never returns b (unless a == b), bit-identical on
/// every platform and path, 53-bit (double) or 24-bit (float) resolution.
/// Same interface as std::uniform_real_distribution; RealType is float or
/// double. Stateless: reset() does nothing, a const object can generate, and
/// concurrent calls on one object are safe. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class uniform_real_distribution
    : public detail::real_distribution<uniform_real_distribution<RealType>,
                                       detail::uniform_real_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::uniform_real_distribution: RealType must be float or double");
    using base = detail::real_distribution<uniform_real_distribution<RealType>,
                                           detail::uniform_real_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// [0, 1).
    CBRNG_HOST_DEVICE constexpr uniform_real_distribution()
        : uniform_real_distribution(RealType(0)) {}
    /// [a, b); throws std::invalid_argument unless a, b are finite and a <= b.
    CBRNG_HOST_DEVICE explicit constexpr uniform_real_distribution(RealType a,
                                                                   RealType b = RealType(1))
        : base(param_type(a, b)) {}
    CBRNG_HOST_DEVICE explicit constexpr uniform_real_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType a() const noexcept {
        return this->param().a();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType b() const noexcept {
        return this->param().b();
    }
    /// a().
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept { return a(); }
    /// b(), as for std:: (the supremum; b itself is never returned unless a == b).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept { return b(); }

  private:
    template <class Bits>
    [[nodiscard]] CBRNG_HOST_DEVICE static result_type from_bits(Bits x,
                                                                 const param_type& p) noexcept {
        return detail::uniform_real_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_UNIFORM_REAL_HPP
