// Every run-time error the library raises (docs/errors.md), with its exact
// type and message, and the state it leaves behind. The compile-time errors
// (static_assert) are tests/compile_fail/*.cpp; malformed text on operator>>
// (failbit, object unchanged) is in each type's own test and fuzzed in
// tests/fuzz.
#include <catch2/catch.hpp>

#include <cbrng/ambient.hpp>
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/beta.hpp>
#include <cbrng/distributions/binomial.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/discrete.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/fisher_f.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/geometric.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/negative_binomial.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/piecewise_constant.hpp>
#include <cbrng/distributions/piecewise_linear.hpp>
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using u64 = std::uint64_t;
constexpr u64 max64 = std::numeric_limits<u64>::max();

/// f() throws E (exactly that type or derived) whose what() contains `part`.
template <class E, class F>
void check_throws_containing(F f, const std::string& part) {
    try {
        f();
        FAIL("no exception; expected one containing: " << part);
    } catch (const E& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains(part));
    }
}

template <class B>
void check_stream_errors(const std::string& name) {
    using S = cbrng::stream<B>;
    const std::string prefix = "cbrng::stream<" + name + ">";
    const std::string cap = std::to_string(S::capacity);

    // A process id that does not fit its field (only generators whose
    // process field is narrower than 64 bits can see this).
    if (S::max_process < max64) {
        const u64 bad = S::max_process + 1;
        const std::string msg =
            prefix + ": process id " + std::to_string(bad) + " exceeds the process field's limit " +
            std::to_string(S::max_process) + " (" + std::to_string(S::process_bits) + " bits)";
        CHECK_THROWS_MATCHES(S(cbrng::stream_id{1, bad, 2}), std::out_of_range,
                             Catch::Message(msg));
        CHECK_THROWS_MATCHES(S(1, bad, 2), std::out_of_range, Catch::Message(msg));
        CHECK_THROWS_MATCHES(S(cbrng::stream_id{1, bad, 2}, 0), std::out_of_range,
                             Catch::Message(msg));
    }

    // A position past the end: set_position and the (id, position) constructor.
    S s{cbrng::stream_id{1, 2, 3}};
    s();
    const std::string set_msg = prefix + "::set_position(" + std::to_string(S::capacity + 1) +
                                "): past the end of the stream, whose capacity is " + cap +
                                " words";
    CHECK_THROWS_MATCHES(s.set_position(S::capacity + 1), std::out_of_range,
                         Catch::Message(set_msg));
    CHECK(s.position() == 1);  // unchanged
    CHECK_THROWS_MATCHES(S(cbrng::stream_id{1, 2, 3}, S::capacity + 1), std::out_of_range,
                         Catch::Message(set_msg));
    check_throws_containing<std::out_of_range>([&] { (void)s.set_position(max64); },
                                               "set_position(" + std::to_string(max64) + ")");

    // A discard past the end, from position 1: capacity words is one too many.
    CHECK_THROWS_MATCHES(
        s.discard(S::capacity), std::out_of_range,
        Catch::Message(prefix + "::discard(" + cap +
                       "): past the end of the stream, whose capacity is " + cap + " words"));
    CHECK(s.position() == 1);  // unchanged
    CHECK_THROWS_AS(s.discard(max64), std::out_of_range);
    CHECK(s.position() == 1);

    // A draw at the end of the stream.
    s.discard(S::capacity - 1);
    CHECK(s.remaining() == 0);
    const std::string end_msg =
        prefix + ": ran past the end of the stream (capacity " + cap + " words)";
    CHECK_THROWS_MATCHES(s(), std::out_of_range, Catch::Message(end_msg));
    CHECK_THROWS_MATCHES(s(), std::out_of_range, Catch::Message(end_msg));  // still there
    CHECK(s.position() == S::capacity);
    // The stream is still usable after the error.
    s.set_position(0);
    CHECK(s() == S(cbrng::stream_id{1, 2, 3})());

    // fill() past the end writes the words up to the end, then throws the same.
    S f{cbrng::stream_id{1, 2, 3}, S::capacity - 5};
    S expect = f;
    std::vector<typename S::result_type> v(12, 0);
    CHECK_THROWS_MATCHES(cbrng::fill(f, v.begin(), v.end()), std::out_of_range,
                         Catch::Message(end_msg));
    CHECK(f.position() == S::capacity);
    for (std::size_t i = 0; i < 5; ++i) CHECK(v[i] == expect());
}

}  // namespace

TEST_CASE("stream errors: type, message and state, every generator", "[errors]") {
    check_stream_errors<cbrng::philox4x32_10>("philox4x32");
    check_stream_errors<cbrng::philox2x64_10>("philox2x64");
    check_stream_errors<cbrng::philox4x64_10>("philox4x64");
    check_stream_errors<cbrng::threefry4x32_20>("threefry4x32");
    check_stream_errors<cbrng::threefry2x64_20>("threefry2x64");
    check_stream_errors<cbrng::threefry4x64_20>("threefry4x64");
}

TEST_CASE("task_scope with an id that does not fit", "[errors]") {
    cbrng::task_scope outer{7, 8, 9};
    CHECK_THROWS_MATCHES(
        (cbrng::task_scope{1, u64{1} << 32, 0}), std::out_of_range,
        Catch::Message("cbrng::stream<philox4x32>: process id 4294967296 exceeds the process "
                       "field's limit 4294967295 (32 bits)"));
    CHECK(cbrng::current_stream().id() == cbrng::stream_id{7, 8, 9});
    CHECK(cbrng::current_stream().position() == 0);
}

TEST_CASE("negative ids and thread counts: std::out_of_range naming the field", "[errors]") {
    const int minus = -3;
    CHECK_THROWS_MATCHES((cbrng::stream_id{minus, 0, 0}), std::out_of_range,
                         Catch::Message("cbrng::stream_id: seed must be >= 0 (got -3)"));
    CHECK_THROWS_MATCHES((cbrng::stream_id{0, minus, 0}), std::out_of_range,
                         Catch::Message("cbrng::stream_id: process must be >= 0 (got -3)"));
    CHECK_THROWS_MATCHES((cbrng::stream_id{0, 0, minus}), std::out_of_range,
                         Catch::Message("cbrng::stream_id: task must be >= 0 (got -3)"));
    CHECK_THROWS_MATCHES((cbrng::stream<>{0, minus, 0}), std::out_of_range,
                         Catch::Message("cbrng::stream_id: process must be >= 0 (got -3)"));
    CHECK_THROWS_MATCHES((cbrng::buffered_stream<>{0, 0, -1L}), std::out_of_range,
                         Catch::Message("cbrng::stream_id: task must be >= 0 (got -1)"));

    // task_scope: the error leaves the current stream as it was.
    cbrng::task_scope outer{7, 8, 9};
    CHECK_THROWS_MATCHES((cbrng::task_scope{1, minus, 2}), std::out_of_range,
                         Catch::Message("cbrng::stream_id: process must be >= 0 (got -3)"));
    CHECK(cbrng::current_stream().id() == cbrng::stream_id{7, 8, 9});

    const long long lowest = std::numeric_limits<long long>::min();
    CHECK_THROWS_MATCHES(cbrng::parallel{minus}, std::out_of_range,
                         Catch::Message("cbrng::parallel: threads must be >= 1 (got -3)"));
    CHECK_THROWS_MATCHES((cbrng::parallel{2, lowest}), std::out_of_range,
                         Catch::Message("cbrng::parallel: grain must be >= 1 (got "
                                        "-9223372036854775808)"));
    CHECK_THROWS_MATCHES(cbrng::parallel{0}, std::invalid_argument,
                         Catch::Message("cbrng::parallel: threads must be >= 1 (got 0)"));
    CHECK_THROWS_MATCHES(
        cbrng::parallel{std::uint64_t{1} << 32}, std::out_of_range,
        Catch::Message("cbrng::parallel: threads must be <= 4294967295 (got 4294967296)"));

    // Indices: variate_at and fill_slice; nothing written, nothing moved.
    const cbrng::stream<> s{cbrng::stream_id{1, 2, 3}};
    cbrng::normal_distribution<double> normal;
    CHECK_THROWS_MATCHES(cbrng::variate_at(s, normal, minus), std::out_of_range,
                         Catch::Message("cbrng::variate_at: i must be >= 0 (got -3)"));
    std::vector<double> v(4, 7.0);
    CHECK_THROWS_MATCHES(cbrng::fill_slice(s, -1L, v.begin(), v.end(), normal), std::out_of_range,
                         Catch::Message("cbrng::fill_slice: offset must be >= 0 (got -1)"));
    std::vector<std::uint32_t> w(4, 7u);
    CHECK_THROWS_MATCHES(cbrng::fill_slice(s, minus, w.begin(), w.end()), std::out_of_range,
                         Catch::Message("cbrng::fill_slice: offset must be >= 0 (got -3)"));
    CHECK(v == std::vector<double>(4, 7.0));
    CHECK(w == std::vector<std::uint32_t>(4, 7u));
    CHECK(s.position() == 0);
}

TEST_CASE("distribution parameter errors: std::invalid_argument naming the rule", "[errors]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const float inff = std::numeric_limits<float>::infinity();

    using ui = cbrng::uniform_int_distribution<int>;
    CHECK_THROWS_MATCHES(ui(5, 4), std::invalid_argument,
                         Catch::Message("cbrng::uniform_int_distribution: a must be <= b "
                                        "(got a = 5, b = 4)"));
    CHECK_THROWS_MATCHES(ui::param_type(0, -1), std::invalid_argument,
                         Catch::Message("cbrng::uniform_int_distribution: a must be <= b "
                                        "(got a = 0, b = -1)"));
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::uniform_int_distribution<std::int8_t>(3, -3); }, "(got a = 3, b = -3)");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::uniform_int_distribution<u64>(max64, 0); },
        "(got a = 18446744073709551615, b = 0)");

    using ur = cbrng::uniform_real_distribution<double>;
    CHECK_THROWS_MATCHES(ur(1.5, 0.25), std::invalid_argument,
                         Catch::Message("cbrng::uniform_real_distribution: a must be <= b "
                                        "(got a = 1.5, b = 0.25)"));
    CHECK_THROWS_MATCHES(ur(-inf, 0.0), std::invalid_argument,
                         Catch::Message("cbrng::uniform_real_distribution: a must be finite "
                                        "(got -inf)"));
    CHECK_THROWS_MATCHES(ur(0.0, inf), std::invalid_argument,
                         Catch::Message("cbrng::uniform_real_distribution: b must be finite "
                                        "(got inf)"));
    check_throws_containing<std::invalid_argument>([&] { (void)ur(nan, 1.0); },
                                                   "a must be finite (got ");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::uniform_real_distribution<float>(0.0f, inff); },
        "b must be finite (got inf)");
    check_throws_containing<std::invalid_argument>([&] { (void)ur::param_type(0.1, 0.0); },
                                                   "(got a = 0.10000000000000001, b = 0)");

    using nd = cbrng::normal_distribution<double>;
    CHECK_THROWS_MATCHES(nd(0.0, -1.0), std::invalid_argument,
                         Catch::Message("cbrng::normal_distribution: stddev must be > 0 and "
                                        "finite (got -1)"));
    check_throws_containing<std::invalid_argument>([&] { (void)nd(0.0, 0.0); },
                                                   "stddev must be > 0 and finite (got 0)");
    check_throws_containing<std::invalid_argument>([&] { (void)nd(0.0, inf); },
                                                   "stddev must be > 0 and finite (got inf)");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)nd(nan, 1.0); }, "cbrng::normal_distribution: mean must be finite");
    CHECK_THROWS_MATCHES(cbrng::normal_distribution<float>(inff, 1.0f), std::invalid_argument,
                         Catch::Message("cbrng::normal_distribution: mean must be finite "
                                        "(got inf)"));

    using ed = cbrng::exponential_distribution<double>;
    CHECK_THROWS_MATCHES(ed(0.0), std::invalid_argument,
                         Catch::Message("cbrng::exponential_distribution: lambda must be > 0 "
                                        "and finite (got 0)"));
    check_throws_containing<std::invalid_argument>([&] { (void)ed(-2.5); }, "(got -2.5)");
    check_throws_containing<std::invalid_argument>([&] { (void)ed(inf); }, "(got inf)");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::exponential_distribution<float>(-0.0f); }, "(got -0)");

    using bd = cbrng::bernoulli_distribution;
    CHECK_THROWS_MATCHES(bd(1.25), std::invalid_argument,
                         Catch::Message("cbrng::bernoulli_distribution: p must be in [0, 1] "
                                        "(got 1.25)"));
    check_throws_containing<std::invalid_argument>([&] { (void)bd(-0.5); }, "(got -0.5)");
    check_throws_containing<std::invalid_argument>([&] { (void)bd(nan); }, "p must be in [0, 1]");
    check_throws_containing<std::invalid_argument>([&] { (void)bd::param_type(2.0); }, "(got 2)");

    // The boundaries themselves are valid.
    CHECK_NOTHROW(ui(4, 4));
    CHECK_NOTHROW(ur(0.0, 0.0));
    CHECK_NOTHROW(bd(0.0));
    CHECK_NOTHROW(bd(1.0));
    CHECK_NOTHROW(ed(std::numeric_limits<double>::denorm_min()));
    CHECK_NOTHROW(nd(0.0, std::numeric_limits<double>::denorm_min()));
}

TEST_CASE("messages do not depend on the global locale", "[errors]") {
    struct comma_decimal : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };
    const std::locale saved =
        std::locale::global(std::locale(std::locale::classic(), new comma_decimal));
    std::string what;
    try {
        cbrng::uniform_real_distribution<double> d(1234.5, 0.0);
    } catch (const std::invalid_argument& e) {
        what = e.what();
    }
    std::locale::global(saved);
    CHECK(what == "cbrng::uniform_real_distribution: a must be <= b (got a = 1234.5, b = 0)");
}

TEST_CASE("inversion-family distribution parameters are checked with clear messages", "[errors]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const float inff = std::numeric_limits<float>::infinity();

    using evd = cbrng::extreme_value_distribution<double>;
    CHECK_THROWS_MATCHES(evd(0.0, 0.0), std::invalid_argument,
                         Catch::Message("cbrng::extreme_value_distribution: b must be > 0 and "
                                        "finite (got 0)"));
    check_throws_containing<std::invalid_argument>([&] { (void)evd(0.0, -1.5); }, "(got -1.5)");
    check_throws_containing<std::invalid_argument>([&] { (void)evd(0.0, nan); }, "(got nan)");
    CHECK_THROWS_MATCHES(cbrng::extreme_value_distribution<float>(inff), std::invalid_argument,
                         Catch::Message("cbrng::extreme_value_distribution: a must be finite "
                                        "(got inf)"));

    using cd = cbrng::cauchy_distribution<double>;
    CHECK_THROWS_MATCHES(cd(0.0, -1.0), std::invalid_argument,
                         Catch::Message("cbrng::cauchy_distribution: b must be > 0 and finite "
                                        "(got -1)"));
    check_throws_containing<std::invalid_argument>([&] { (void)cd(0.0, inf); }, "(got inf)");
    CHECK_THROWS_MATCHES(cd(-inf, 1.0), std::invalid_argument,
                         Catch::Message("cbrng::cauchy_distribution: a must be finite (got -inf)"));

    using lnd = cbrng::lognormal_distribution<double>;
    CHECK_THROWS_MATCHES(lnd(0.0, 0.0), std::invalid_argument,
                         Catch::Message("cbrng::lognormal_distribution: s must be > 0 and finite "
                                        "(got 0)"));
    CHECK_THROWS_MATCHES(lnd(nan, 1.0), std::invalid_argument,
                         Catch::Message("cbrng::lognormal_distribution: m must be finite "
                                        "(got nan)"));
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::lognormal_distribution<float>(0.0f, -inff); }, "(got -inf)");

    using wd = cbrng::weibull_distribution<double>;
    CHECK_THROWS_MATCHES(wd(0.0, 1.0), std::invalid_argument,
                         Catch::Message("cbrng::weibull_distribution: a must be > 0 and finite "
                                        "(got 0)"));
    CHECK_THROWS_MATCHES(wd(1.0, -3.0), std::invalid_argument,
                         Catch::Message("cbrng::weibull_distribution: b must be > 0 and finite "
                                        "(got -3)"));
    check_throws_containing<std::invalid_argument>([&] { (void)wd(inf, 1.0); }, "(got inf)");

    using gd = cbrng::geometric_distribution<int>;
    CHECK_THROWS_MATCHES(gd(0.0), std::invalid_argument,
                         Catch::Message("cbrng::geometric_distribution: p must be in (0, 1] "
                                        "(got 0)"));
    check_throws_containing<std::invalid_argument>([&] { (void)gd(1.5); }, "(got 1.5)");
    check_throws_containing<std::invalid_argument>([&] { (void)gd(nan); }, "p must be in (0, 1]");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::geometric_distribution<std::uint8_t>::param_type(-0.0); }, "(got -0)");

    // The boundaries themselves are valid.
    CHECK_NOTHROW(gd(1.0));
    CHECK_NOTHROW(gd(std::numeric_limits<double>::denorm_min()));
    CHECK_NOTHROW(wd(std::numeric_limits<double>::denorm_min(), 1.0));
    CHECK_NOTHROW(cd(0.0, std::numeric_limits<double>::denorm_min()));
}

TEST_CASE("gamma-family distribution parameters are checked with clear messages", "[errors]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const float inff = std::numeric_limits<float>::infinity();

    using gd = cbrng::gamma_distribution<double>;
    CHECK_THROWS_MATCHES(gd(0.0), std::invalid_argument,
                         Catch::Message("cbrng::gamma_distribution: alpha must be > 0 and finite "
                                        "(got 0)"));
    CHECK_THROWS_MATCHES(gd(1.0, -2.0), std::invalid_argument,
                         Catch::Message("cbrng::gamma_distribution: beta must be > 0 and finite "
                                        "(got -2)"));
    check_throws_containing<std::invalid_argument>([&] { (void)gd(nan); }, "(got nan)");
    check_throws_containing<std::invalid_argument>([&] { (void)gd(1.0, inf); }, "(got inf)");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::gamma_distribution<float>::param_type(-inff); }, "(got -inf)");

    using cd = cbrng::chi_squared_distribution<double>;
    CHECK_THROWS_MATCHES(cd(-1.0), std::invalid_argument,
                         Catch::Message("cbrng::chi_squared_distribution: n must be > 0 and "
                                        "finite (got -1)"));
    check_throws_containing<std::invalid_argument>([&] { (void)cd(inf); }, "(got inf)");

    using td = cbrng::student_t_distribution<double>;
    CHECK_THROWS_MATCHES(td(0.0), std::invalid_argument,
                         Catch::Message("cbrng::student_t_distribution: n must be > 0 and finite "
                                        "(got 0)"));
    check_throws_containing<std::invalid_argument>([&] { (void)td(nan); }, "(got nan)");

    using fd = cbrng::fisher_f_distribution<double>;
    CHECK_THROWS_MATCHES(fd(0.0, 1.0), std::invalid_argument,
                         Catch::Message("cbrng::fisher_f_distribution: m must be > 0 and finite "
                                        "(got 0)"));
    CHECK_THROWS_MATCHES(fd(1.0, -inf), std::invalid_argument,
                         Catch::Message("cbrng::fisher_f_distribution: n must be > 0 and finite "
                                        "(got -inf)"));

    using bd = cbrng::beta_distribution<double>;
    CHECK_THROWS_MATCHES(bd(-0.5, 1.0), std::invalid_argument,
                         Catch::Message("cbrng::beta_distribution: alpha must be > 0 and finite "
                                        "(got -0.5)"));
    CHECK_THROWS_MATCHES(bd(1.0, 0.0), std::invalid_argument,
                         Catch::Message("cbrng::beta_distribution: beta must be > 0 and finite "
                                        "(got 0)"));
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::beta_distribution<float>(1.0f, std::nanf("")); }, "(got nan)");

    // The boundaries themselves are valid.
    const double tiny = std::numeric_limits<double>::denorm_min();
    const double big = std::numeric_limits<double>::max();
    CHECK_NOTHROW(gd(tiny, tiny));
    CHECK_NOTHROW(gd(big, big));
    CHECK_NOTHROW(cd(tiny));
    CHECK_NOTHROW(td(big));
    CHECK_NOTHROW(fd(tiny, big));
    CHECK_NOTHROW(bd(tiny, big));
}

TEST_CASE("discrete-family distribution parameters are checked with clear messages", "[errors]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();

    using pd = cbrng::poisson_distribution<int>;
    const std::string poisson_rule =
        "cbrng::poisson_distribution: mean must be > 0 and <= min(2^40, max(IntType) / 4) ";
    CHECK_THROWS_MATCHES(pd(0.0), std::invalid_argument, Catch::Message(poisson_rule + "(got 0)"));
    CHECK_THROWS_MATCHES(pd(-2.5), std::invalid_argument,
                         Catch::Message(poisson_rule + "(got -2.5)"));
    CHECK_THROWS_MATCHES(pd(1e9), std::invalid_argument,
                         Catch::Message(poisson_rule + "(got 1000000000)"));
    check_throws_containing<std::invalid_argument>([&] { (void)pd(nan); }, "(got nan)");
    check_throws_containing<std::invalid_argument>([&] { (void)pd(inf); }, "(got inf)");
    check_throws_containing<std::invalid_argument>(
        [&] { (void)cbrng::poisson_distribution<std::int8_t>::param_type(32.0); }, "(got 32)");

    using bd = cbrng::binomial_distribution<std::int64_t>;
    CHECK_THROWS_MATCHES(bd(-1, 0.5), std::invalid_argument,
                         Catch::Message("cbrng::binomial_distribution: t must be >= 0 and <= 2^40 "
                                        "(got -1)"));
    CHECK_THROWS_MATCHES(bd(1099511627777, 0.5), std::invalid_argument,
                         Catch::Message("cbrng::binomial_distribution: t must be >= 0 and <= 2^40 "
                                        "(got 1099511627777)"));
    CHECK_THROWS_MATCHES(bd(10, 1.5), std::invalid_argument,
                         Catch::Message("cbrng::binomial_distribution: p must be in [0, 1] "
                                        "(got 1.5)"));
    check_throws_containing<std::invalid_argument>([&] { (void)bd(10, nan); }, "(got nan)");

    using nbd = cbrng::negative_binomial_distribution<int>;
    CHECK_THROWS_MATCHES(nbd(0, 0.5), std::invalid_argument,
                         Catch::Message("cbrng::negative_binomial_distribution: k must be >= 1 "
                                        "(got 0)"));
    CHECK_THROWS_MATCHES(nbd(3, 0.0), std::invalid_argument,
                         Catch::Message("cbrng::negative_binomial_distribution: p must be in "
                                        "(0, 1] (got 0)"));
    CHECK_THROWS_MATCHES(nbd(1, 1e-9), std::invalid_argument,
                         Catch::Message("cbrng::negative_binomial_distribution: the mean "
                                        "k (1 - p) / p must be <= param_type::max_mean "
                                        "(got 999999999)"));
    check_throws_containing<std::invalid_argument>([&] { (void)nbd(3, nan); }, "(got nan)");

    using dd = cbrng::discrete_distribution<int>;
    const std::vector<double> none;
    CHECK_THROWS_MATCHES(dd(none.begin(), none.end()), std::invalid_argument,
                         Catch::Message("cbrng::discrete_distribution: the number of weights must "
                                        "be >= 1 (got 0)"));
    CHECK_THROWS_MATCHES(dd({1.0, -1.0}), std::invalid_argument,
                         Catch::Message("cbrng::discrete_distribution: each weight must be >= 0 "
                                        "and finite (got -1)"));
    check_throws_containing<std::invalid_argument>([&] { (void)dd({nan}); }, "(got nan)");
    check_throws_containing<std::invalid_argument>([&] { (void)dd({1.0, inf}); }, "(got inf)");
    CHECK_THROWS_MATCHES(dd({0.0, 0.0}), std::invalid_argument,
                         Catch::Message("cbrng::discrete_distribution: the sum of the weights "
                                        "must be > 0 and finite (got 0)"));
    check_throws_containing<std::invalid_argument>([&] { (void)dd({1e308, 1e308}); }, "(got inf)");
    const std::vector<double> many(129, 1.0);
    CHECK_THROWS_MATCHES(cbrng::discrete_distribution<std::int8_t>(many.begin(), many.end()),
                         std::invalid_argument,
                         Catch::Message("cbrng::discrete_distribution: the number of weights must "
                                        "be <= the result type's maximum + 1 (got 129)"));
}

TEST_CASE("piecewise distribution parameters are checked with clear messages", "[errors]") {
    using pc = cbrng::piecewise_constant_distribution<double>;
    using pl = cbrng::piecewise_linear_distribution<double>;
    const std::string c = "cbrng::piecewise_constant_distribution: ";
    const std::string l = "cbrng::piecewise_linear_distribution: ";
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> w(4, 1.0);
    const std::vector<double> one{0};
    CHECK_THROWS_MATCHES(pc(one.begin(), one.end(), w.begin()), std::invalid_argument,
                         Catch::Message(c + "the number of interval boundaries must be >= 2 "
                                            "(got 1)"));
    CHECK_THROWS_MATCHES(pl(0, 0.0, 1.0, [](double) { return 1.0; }), std::invalid_argument,
                         Catch::Message(l + "the number of interval boundaries must be >= 2 "
                                            "(got 0)"));
    const std::vector<double> down{0, 2, 1};
    CHECK_THROWS_MATCHES(pc(down.begin(), down.end(), w.begin()), std::invalid_argument,
                         Catch::Message(c + "the boundaries must be strictly increasing "
                                            "(got a = 2, b = 1)"));
    const std::vector<double> nanb{0, nan};
    CHECK_THROWS_MATCHES(pl(nanb.begin(), nanb.end(), w.begin()), std::invalid_argument,
                         Catch::Message(l + "each boundary must be finite (got nan)"));
    const std::vector<double> huge{-1e308, 1e308};
    check_throws_containing<std::invalid_argument>(
        [&] { (void)pc(huge.begin(), huge.end(), w.begin()); },
        c + "each interval's width must be finite (got a = -1e+308, b = 1e+308)");
    const std::vector<double> b{0, 1, 2};
    const std::vector<double> neg{1, -1, 1};
    CHECK_THROWS_MATCHES(pc(b.begin(), b.end(), neg.begin()), std::invalid_argument,
                         Catch::Message(c + "each weight must be >= 0 and finite (got -1)"));
    const std::vector<double> zero(3, 0.0);
    CHECK_THROWS_MATCHES(pl(b.begin(), b.end(), zero.begin()), std::invalid_argument,
                         Catch::Message(l + "the total weight must be > 0 and finite (got 0)"));
    CHECK_THROWS_MATCHES(pc::param_type(b, std::vector<double>(3, 1.0)), std::invalid_argument,
                         Catch::Message(c + "the number of weights must be the number of "
                                            "intervals (got 3)"));
    CHECK_THROWS_MATCHES(pl::param_type(b, std::vector<double>(2, 1.0)), std::invalid_argument,
                         Catch::Message(l + "the number of weights must be the number of "
                                            "boundaries (got 2)"));
}
