// Regression tests for what the libFuzzer targets (tests/fuzz) found, one
// test case per finding, as plain Catch2 tests so that every build checks
// them. Each names the input that failed and the fix.
#include <catch2/catch.hpp>

#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <cstdint>
#include <ios>
#include <locale>
#include <sstream>
#include <string>

namespace {

/// A locale that groups digits: "1,234,567".
struct grouping_punct : std::numpunct<char> {
  protected:
    char do_thousands_sep() const override { return ','; }
    std::string do_grouping() const override { return "\3"; }
};

template <class T>
std::string plain(const T& x) {
    std::ostringstream os;
    os << x;
    return os.str();
}

/// x written to a stream imbued with a digit-grouping locale must read back.
template <class T>
void check_grouping_locale(const T& x, T y) {
    std::ostringstream os;
    os.imbue(std::locale(os.getloc(), new grouping_punct));
    os << 1234567 << ' ' << x << ' ' << 1234567;
    INFO("written: " << os.str());
    // The library writes its own text in the classic locale and leaves the
    // caller's locale in place for what follows.
    CHECK(os.str() == "1,234,567 " + plain(x) + " 1,234,567");
    std::istringstream is(plain(x));
    is >> y;
    CHECK_FALSE(is.fail());
    CHECK(y == x);
}

/// x must read back from a stream whose skipws flag is off or whose width is
/// set, and leave those settings to the caller.
template <class T>
void check_input_flags(const T& x, const T& other) {
    {
        T y = other;
        std::istringstream is("  \n " + plain(x));
        is >> std::noskipws >> y;
        CHECK_FALSE(is.fail());
        CHECK(y == x);
        CHECK((is.flags() & std::ios_base::skipws) == 0);
    }
    {
        T y = other;
        std::istringstream is(plain(x));
        is.width(3);
        is >> y;
        CHECK_FALSE(is.fail());
        CHECK(y == x);
    }
}

}  // namespace

// Found by fuzz_parse_distribution (input " 23 3247", flags: grouping locale):
// operator<< printed "23 3,247" under a caller's digit-grouping locale, which
// operator>> rejects. Fix: detail::ostream_state_guard writes in the classic
// locale and restores the caller's.
TEST_CASE("text written under a digit-grouping locale reads back", "[fuzz][io]") {
    cbrng::philox4x64 e{1234567};
    e();
    check_grouping_locale(e, cbrng::philox4x64{});
    check_grouping_locale(cbrng::counter_engine<cbrng::threefry4x64_20>{{1000000, 2, 3, 4}},
                          cbrng::counter_engine<cbrng::threefry4x64_20>{});
    check_grouping_locale(cbrng::stream<>{cbrng::stream_id{1234567, 89012, 3456789}, 1000001},
                          cbrng::stream<>{});
    check_grouping_locale(cbrng::uniform_int_distribution<int>{-1000000, 2000000},
                          cbrng::uniform_int_distribution<int>{});
    check_grouping_locale(cbrng::normal_distribution<double>{1e6, 2.5},
                          cbrng::normal_distribution<double>{});
}

// Found by fuzz_parse_engine / fuzz_parse_stream with std::noskipws or a width
// set on the input stream: the first token came back empty (noskipws) or cut
// to three characters (width), so valid text was rejected or misread.
// Fix: detail::read_token resets the width and skips whitespace itself.
TEST_CASE("text reads back whatever skipws and width the input stream has", "[fuzz][io]") {
    cbrng::philox4x32 e{4242424};
    e.discard(5);
    check_input_flags(e, cbrng::philox4x32{});
    check_input_flags(cbrng::stream<cbrng::philox4x64_10>{cbrng::stream_id{123456, 7, 8}, 9},
                      cbrng::stream<cbrng::philox4x64_10>{});
    check_input_flags(cbrng::uniform_int_distribution<long long>{-123456, 654321},
                      cbrng::uniform_int_distribution<long long>{});
    check_input_flags(cbrng::uniform_real_distribution<float>{-1.5f, 1e6f},
                      cbrng::uniform_real_distribution<float>{});
    check_input_flags(cbrng::bernoulli_distribution{0.1}, cbrng::bernoulli_distribution{});
}
