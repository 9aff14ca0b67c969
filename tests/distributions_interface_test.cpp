// Tests what every distribution with real parameters shares through
// include/cbrng/detail/params.hpp and detail/real_distribution.hpp, once, for
// each of them (Catch2 typed tests): the parameter round trip, == and !=, the
// exact text round trip, reset(), min()/max(), copies, and for the
// distributions with fixed consumption the words per variate and
// variate_at(). Each distribution's own test file keeps its algorithm's cases
// and its error texts.
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/beta.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/fisher_f.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/geometric.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/engine.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <sstream>
#include <tuple>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>

#include "support/urbg_util.hpp"

namespace {

using fixed_real =
    std::tuple<cbrng::uniform_real_distribution<double>, cbrng::uniform_real_distribution<float>,
               cbrng::normal_distribution<double>, cbrng::normal_distribution<float>,
               cbrng::exponential_distribution<double>, cbrng::exponential_distribution<float>,
               cbrng::bernoulli_distribution, cbrng::cauchy_distribution<double>,
               cbrng::cauchy_distribution<float>, cbrng::extreme_value_distribution<double>,
               cbrng::extreme_value_distribution<float>, cbrng::lognormal_distribution<double>,
               cbrng::lognormal_distribution<float>, cbrng::weibull_distribution<double>,
               cbrng::weibull_distribution<float>, cbrng::geometric_distribution<int>,
               cbrng::geometric_distribution<std::uint8_t>>;

using all_real =
    std::tuple<cbrng::uniform_real_distribution<double>, cbrng::uniform_real_distribution<float>,
               cbrng::normal_distribution<double>, cbrng::normal_distribution<float>,
               cbrng::exponential_distribution<double>, cbrng::bernoulli_distribution,
               cbrng::cauchy_distribution<double>, cbrng::extreme_value_distribution<double>,
               cbrng::lognormal_distribution<double>, cbrng::weibull_distribution<float>,
               cbrng::geometric_distribution<int>, cbrng::gamma_distribution<double>,
               cbrng::gamma_distribution<float>, cbrng::chi_squared_distribution<double>,
               cbrng::student_t_distribution<double>, cbrng::fisher_f_distribution<double>,
               cbrng::beta_distribution<double>, cbrng::beta_distribution<float>>;

/// Parameters from (a, b), or a alone for one-parameter distributions.
template <class D>
typename D::param_type make_params(double a, double b) {
    using P = typename D::param_type;
    using R = typename P::value_type;
    cbrng::word_array<R, P::arity> v{};
    v[0] = static_cast<R>(a);
    if constexpr (P::arity > 1) v[1] = static_cast<R>(b);
    return P(v);
}
/// Two parameter sets valid under every rule (finite, > 0 and finite, in
/// [0, 1], in (0, 1], a <= b), different from each other in every field and
/// from every default.
template <class D>
typename D::param_type first_params() {
    return make_params<D>(0.25, 0.75);
}
template <class D>
typename D::param_type second_params() {
    return make_params<D>(0.125, 2.0);
}

/// 64 variates of d from philox4x32 seeded with seed.
template <class D>
std::vector<typename D::result_type> draws(const D& d, std::uint64_t seed) {
    cbrng::philox4x32 g{seed};
    std::vector<typename D::result_type> out;
    for (int i = 0; i < 64; ++i) out.push_back(d(g));
    return out;
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("real distributions: parameter round trip", "[interface]", all_real) {
    using D = TestType;
    using P = typename D::param_type;
    const P p1 = first_params<D>();
    const P p2 = second_params<D>();
    const auto v1 = p1.values();
    for (std::size_t i = 0; i < P::arity; ++i) CHECK(v1[i] == P(v1).values()[i]);
    D d(p1);
    CHECK(d.param() == p1);
    d.param(p2);
    CHECK(d.param() == p2);
    CHECK(d.param() != p1);
    CHECK(D(d.param()) == d);
    CHECK(D().param() == P());
    CHECK(P::valid(p1.values()));
}

TEMPLATE_LIST_TEST_CASE("real distributions: == and !=", "[interface]", all_real) {
    using D = TestType;
    const D a(first_params<D>());
    const D b(second_params<D>());
    CHECK(a == D(first_params<D>()));
    CHECK_FALSE(a != D(first_params<D>()));
    CHECK(a != b);
    CHECK_FALSE(a == b);
    CHECK(a != D());
    // Every field counts: only the last one differs here.
    if constexpr (D::param_type::arity > 1) CHECK(a != D(make_params<D>(0.25, 2.0)));
}

TEMPLATE_LIST_TEST_CASE("real distributions: exact text round trip", "[interface]", all_real) {
    using D = TestType;
    for (const D d : {D(), D(first_params<D>()), D(second_params<D>())}) {
        std::stringstream s;
        s << d;
        D back(d == D() ? second_params<D>() : typename D::param_type());
        s >> back;
        CHECK_FALSE(s.fail());
        CHECK(back == d);
    }
    // Malformed or empty text: failbit, the distribution unchanged.
    for (const char* bad : {"", "x", "inf inf"}) {
        INFO("text: '" << bad << "'");
        D d(first_params<D>());
        std::istringstream is(bad);
        is >> d;
        CHECK(is.fail());
        CHECK(d == D(first_params<D>()));
    }
}

TEMPLATE_LIST_TEST_CASE("real distributions: reset, copies, min and max", "[interface]", all_real) {
    using D = TestType;
    STATIC_REQUIRE(std::is_trivially_copyable_v<D>);
    D d(first_params<D>());
    const D copy = d;
    CHECK(copy == d);
    d.reset();
    CHECK(d == copy);
    const auto x = draws(d, 7);
    CHECK(draws(copy, 7) == x);
    for (const auto v : x) {
        CHECK(d.min() <= v);
        CHECK(v <= d.max());
    }
}

TEMPLATE_LIST_TEST_CASE("fixed-consumption distributions: words per variate, variate_at",
                        "[interface]", fixed_real) {
    using D = TestType;
    // The draw's width is the parameters' type's: 32 or 64 bits.
    constexpr std::size_t words32 = sizeof(typename D::param_type::value_type) / 4;
    STATIC_REQUIRE(D::fixed_consumption);
    STATIC_REQUIRE(D::template words_per_variate<cbrng::philox4x32>() == words32);
    STATIC_REQUIRE(D::template words_per_variate<cbrng::philox4x64>() == 1);
    STATIC_REQUIRE(D::template words_per_variate<std::mt19937>() == words32);
    cbrng_test::counting_urbg<std::mt19937> g{std::mt19937{}};
    const D dist(first_params<D>());
    for (int i = 0; i < 50; ++i) (void)dist(g);
    CHECK(g.calls() == 50 * words32);
    cbrng::philox4x32 p{9};
    D e(first_params<D>());
    const auto at5 = cbrng::variate_at(p, e, 5);
    for (int i = 0; i < 5; ++i) (void)e(p);
    CHECK(e(p) == at5);
}
