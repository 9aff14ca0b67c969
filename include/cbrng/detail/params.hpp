// cbrng/detail/params.hpp: the parameter rules of the real distributions,
// each written once.
//
// A rule owns its predicate and its frozen message text (tests/errors_test.cpp
// and docs/errors.md pin the texts), so the throwing constructor and valid(),
// which operator>> trusts, come from the same declaration and cannot drift.
// real_params<Self, Real, Rules...> stores one Real per rule, in text order,
// and gives the checked constructors, valid(), values(), == and !=; Self adds
// its name, its field names, its defaults and its named accessors:
//
//   template <class Real>
//   class weibull_param : public real_params<weibull_param<Real>, Real,
//                                            rule::positive_finite, rule::positive_finite> {
//     public:
//       using distribution_type = weibull_distribution<Real>;
//       static constexpr const char* name = "cbrng::weibull_distribution";
//       static constexpr const char* field_names[] = {"a", "b"};
//       static constexpr word_array<Real, 2> defaults() { return {{Real(1), Real(1)}}; }
//       using weibull_param::real_params::real_params;  // (), (a), (a, b), (values)
//       Real a() const { return this->v_[0]; }
//       Real b() const { return this->v_[1]; }
//   };
//
// The inherited constructors are the std:: shape: a default one (defaults()),
// one from the values in order (the last defaulted as in defaults()), and one
// from a word_array of them. A Self that derives state from its values (gamma,
// geometric) writes its own constructors over the word_array one.
//
// A rule across fields (uniform_real's a <= b) is Self's static
// `joint_valid(values)`, which valid() includes; Self's constructor throws
// for it after the field rules, as before.
#ifndef CBRNG_DETAIL_PARAMS_HPP
#define CBRNG_DETAIL_PARAMS_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

#include "../config.hpp"
#include "../word_array.hpp"
#include "fp.hpp"
#include "param_error.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// The rules a real parameter can follow.
enum class rule {
    finite,           ///< not infinite, not NaN
    positive_finite,  ///< > 0 and finite
    unit_closed,      ///< in [0, 1] (NaN rejected)
    unit_half_open,   ///< in (0, 1] (NaN rejected)
};

/// True when x follows rule r.
template <class Real>
[[nodiscard]] CBRNG_HOST_DEVICE constexpr bool satisfies(rule r, Real x) noexcept {
    switch (r) {
        case rule::finite:
            return is_finite(x);
        case rule::positive_finite:
            return x > Real(0) && is_finite(x);
        case rule::unit_closed:
            return x >= Real(0) && x <= Real(1);
        case rule::unit_half_open:
            return x > Real(0) && x <= Real(1);
    }
    return false;
}

/// The frozen text of rule r, after the parameter's name in a message.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr const char* rule_text(rule r) noexcept {
    switch (r) {
        case rule::finite:
            return "must be finite";
        case rule::positive_finite:
            return "must be > 0 and finite";
        case rule::unit_closed:
            return "must be in [0, 1]";
        case rule::unit_half_open:
            return "must be in (0, 1]";
    }
    return "";
}

/// Host: throws std::invalid_argument("<Self::name>: <field> <rule> (got
/// <value>)"). Device: __trap(), as param_error.
template <class Self, class Real>
CBRNG_NOINLINE CBRNG_HOST_DEVICE void field_error(std::size_t field, rule r, Real value) {
#if CBRNG_DEVICE_PASS
    (void)field;
    (void)r;
    (void)value;
    __trap();
#else
    throw_field_error(Self::name, Self::field_names[field], rule_text(r), value);
#endif
}

/// Parameters that are N = sizeof...(Rules) reals, the i-th following the
/// i-th rule (CRTP): see the header comment.
template <class Self, class Real, rule... Rules>
class real_params {
    using indices = std::make_index_sequence<sizeof...(Rules)>;

  public:
    using value_type = Real;
    static constexpr std::size_t arity = sizeof...(Rules);

    /// Self::defaults().
    CBRNG_HOST_DEVICE constexpr real_params() : real_params(Self::defaults()) {}
    /// Throws std::invalid_argument for the first value, in text order, that
    /// breaks its rule.
    CBRNG_HOST_DEVICE explicit constexpr real_params(const word_array<Real, arity>& v) : v_(v) {
        check(v, indices{});
    }
    /// The one value; throws as above.
    template <std::size_t M = arity, std::enable_if_t<M == 1, int> = 0>
    CBRNG_HOST_DEVICE explicit constexpr real_params(Real a)
        : real_params(word_array<Real, 1>{{a}}) {}
    /// The two values, the second defaulted as in Self::defaults(); throws as
    /// above.
    template <std::size_t M = arity, std::enable_if_t<M == 2, int> = 0>
    CBRNG_HOST_DEVICE explicit constexpr real_params(Real a, Real b = Self::defaults()[1])
        : real_params(word_array<Real, 2>{{a, b}}) {}

    /// The constructor's rules, without the throw.
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool valid(
        const word_array<Real, arity>& v) noexcept {
        return fields_valid(v, indices{}) && Self::joint_valid(v);
    }
    /// The parameters in text order.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr word_array<Real, arity> values() const noexcept {
        return v_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(const Self& x,
                                                                     const Self& y) noexcept {
        return x.equal(y, indices{});
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(const Self& x,
                                                                     const Self& y) noexcept {
        return !(x == y);
    }

  protected:
    /// No rule across fields unless Self declares one.
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool joint_valid(
        const word_array<Real, arity>& /*v*/) noexcept {
        return true;
    }

    word_array<Real, arity> v_;  ///< the values in text order, for Self's accessors

  private:
    template <std::size_t... I>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool fields_valid(
        const word_array<Real, arity>& v, std::index_sequence<I...> /*unused*/) noexcept {
        return (satisfies(Rules, v[I]) && ...);
    }
    template <std::size_t... I>
    CBRNG_HOST_DEVICE static constexpr void check(const word_array<Real, arity>& v,
                                                  std::index_sequence<I...> /*unused*/) {
        ((satisfies(Rules, v[I]) ? void() : field_error<Self>(I, Rules, v[I])), ...);
    }
    template <std::size_t... I>
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr bool equal(
        const real_params& y, std::index_sequence<I...> /*unused*/) const noexcept {
        return ((v_[I] == y.v_[I]) && ...);
    }
};

/// The (a, b) of the location-scale distributions that name them so
/// (cauchy, extreme_value): a finite, b > 0 and finite, 0 and 1 by default,
/// accessors a() and b(). Self adds distribution_type and name.
template <class Self, class Real>
class location_scale_params : public real_params<Self, Real, rule::finite, rule::positive_finite> {
  public:
    static constexpr const char* field_names[] = {"a", "b"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 2> defaults() noexcept {
        return {{Real(0), Real(1)}};
    }
    using location_scale_params::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real a() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real b() const noexcept { return this->v_[1]; }
};

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_PARAMS_HPP
