// Shared by the libFuzzer targets in tests/fuzz: a check macro that aborts
// with a message (so libFuzzer records the input as a crash), edge-biased
// number decoding, and text round trips under hostile stream formatting.
#ifndef CBRNG_TESTS_FUZZ_FUZZ_COMMON_HPP
#define CBRNG_TESTS_FUZZ_FUZZ_COMMON_HPP

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <ios>
#include <locale>
#include <sstream>
#include <string>

#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (0)

namespace cbrng_fuzz {

/// A value near one of `edges` (edge + delta, delta in -8..8, wrapping) or,
/// one time in four, any 64-bit value: capacity limits are where the bugs are.
inline std::uint64_t edge_value(FuzzedDataProvider& in,
                                std::initializer_list<std::uint64_t> edges) {
    const auto mode = in.ConsumeIntegral<std::uint8_t>();
    if (mode % 4 == 3 || edges.size() == 0) return in.ConsumeIntegral<std::uint64_t>();
    const std::uint64_t edge = *(edges.begin() + (mode / 4) % edges.size());
    const auto delta = static_cast<std::int64_t>(in.ConsumeIntegralInRange<int>(-8, 8));
    return edge + static_cast<std::uint64_t>(delta);
}

/// Digit grouping with ',' every three digits: a locale under which a naive
/// `os << number` writes text that `is >> number` cannot read back.
struct grouping_punct : std::numpunct<char> {
  protected:
    char do_thousands_sep() const override { return ','; }
    std::string do_grouping() const override { return "\3"; }
};

/// Output formatting a caller may have left on a stream; the library's
/// operator<< must write the same parseable text whatever it is.
enum out_flags : unsigned {
    out_hex = 1u,       // std::hex, std::showbase, std::uppercase
    out_width = 2u,     // width 31, fill '#'
    out_showpos = 4u,   // std::showpos, std::scientific, precision 3
    out_grouping = 8u,  // a locale that groups digits
    in_noskipws = 16u,  // std::noskipws on the input stream
    in_hex = 32u,       // std::hex on the input stream
    in_width = 64u,     // width 3 on the input stream (would cut a string token short)
};

template <class T>
std::string print(const T& x, unsigned flags = 0) {
    std::ostringstream os;
    if ((flags & out_grouping) != 0) os.imbue(std::locale(os.getloc(), new grouping_punct));
    if ((flags & out_hex) != 0) os << std::hex << std::showbase << std::uppercase;
    if ((flags & out_showpos) != 0) {
        os << std::showpos << std::scientific;
        os.precision(3);
    }
    if ((flags & out_width) != 0) {
        os.width(31);
        os.fill('#');
    }
    os << x;
    return os.str();
}

template <class T>
bool parse(const std::string& text, T& x, unsigned flags = 0) {
    std::istringstream is(text);
    if ((flags & in_noskipws) != 0) is >> std::noskipws;
    if ((flags & in_hex) != 0) is >> std::hex;
    if ((flags & in_width) != 0) is.width(3);
    is >> x;
    return !is.fail();
}

/// The operator>> contract for one type, on arbitrary text:
///   malformed text sets failbit and leaves the object exactly as it was;
///   accepted text round-trips: print -> parse gives an equal object that
///   prints the same and behaves the same (`same(a, b)` draws from copies).
template <class T, class Same>
void check_parse(const std::string& text, const T& sentinel, unsigned flags, Same same) {
    T x = sentinel;
    if (!parse(text, x, flags)) {
        FUZZ_CHECK(x == sentinel);
        FUZZ_CHECK(print(x) == print(sentinel));
        same(x, sentinel);
        return;
    }
    const std::string canonical = print(x);
    const std::string formatted = print(x, flags);
    T y = sentinel;
    FUZZ_CHECK(parse(formatted, y, flags));
    FUZZ_CHECK(y == x);
    FUZZ_CHECK(print(y) == canonical);
    // Each object reads exactly its own text: two in a row come back as two.
    std::istringstream twice(canonical + " " + canonical);
    T z1 = sentinel, z2 = sentinel;
    twice >> z1 >> z2;
    FUZZ_CHECK(!twice.fail());
    FUZZ_CHECK(z1 == x);
    FUZZ_CHECK(z2 == x);
    same(x, y);
}

}  // namespace cbrng_fuzz

#endif  // CBRNG_TESTS_FUZZ_FUZZ_COMMON_HPP
