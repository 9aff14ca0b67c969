// cbrng/detail/io.hpp: strict text I/O shared by every operator<< / operator>>.
//
// The standard's `is >> unsigned_value` accepts "-1" and wraps it; a state
// parser must not. read_word accepts only decimal digits, rejects values above
// a limit, and leaves the target untouched on failure, so callers can read a
// whole state into temporaries and commit it only when every field parsed.
//
// Every helper is a template on the stream type, and so is every operator<< /
// operator>> that calls them (std::basic_ostream<char, Traits>): the headers
// need only <iosfwd>, and the bodies are compiled where a user's program calls
// them, which has included <ostream>, <istream>, <sstream> or <iostream>.
#ifndef CBRNG_DETAIL_IO_HPP
#define CBRNG_DETAIL_IO_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <utility>

#include "../config.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Saves and restores an ostream's flags, fill and locale; sets decimal, space
/// fill and the classic locale, so that a locale that groups digits ("1,234")
/// cannot make the text unreadable.
template <class Ostream>
class ostream_state_guard {
    using locale_type = decltype(std::declval<Ostream&>().getloc());  // std::locale

  public:
    explicit ostream_state_guard(Ostream& os)
        : os_(os), flags_(os.flags()), fill_(os.fill()), locale_(os.imbue(locale_type::classic())) {
        os.flags(Ostream::dec | Ostream::left);
        os.fill(os.widen(' '));
    }
    ~ostream_state_guard() {
        os_.flags(flags_);
        os_.fill(fill_);
        os_.imbue(locale_);
    }
    ostream_state_guard(const ostream_state_guard&) = delete;
    ostream_state_guard& operator=(const ostream_state_guard&) = delete;

  private:
    Ostream& os_;
    typename Ostream::fmtflags flags_;
    typename Ostream::char_type fill_;
    locale_type locale_;
};
template <class Ostream>
ostream_state_guard(Ostream&) -> ostream_state_guard<Ostream>;

/// Extracts the next whitespace-separated token whole, skipping leading
/// whitespace, whatever the caller left in the stream's skipws flag and width
/// (skipws is set for the one extraction and restored).
template <class Istream>
bool read_token(Istream& is, std::string& token) {
    is.width(0);
    const auto flags = is.setf(Istream::skipws);
    const bool ok = static_cast<bool>(is >> token);
    is.flags(flags);
    return ok;
}

/// Reads one whitespace-separated unsigned decimal integer <= max into `out`.
/// On malformed text or overflow sets failbit and leaves `out` unchanged.
template <class Istream>
bool read_word(Istream& is, std::uint64_t max, std::uint64_t& out) {
    std::string token;
    if (!read_token(is, token)) return false;
    std::uint64_t value = 0;
    for (const char ch : token) {
        if (ch < '0' || ch > '9') {
            is.setstate(Istream::failbit);
            return false;
        }
        const auto digit = static_cast<std::uint64_t>(ch - '0');
        if (digit > max || value > (max - digit) / 10) {
            is.setstate(Istream::failbit);
            return false;
        }
        value = value * 10 + digit;
    }
    out = value;
    return true;
}

/// Reads `count` words, each <= max, into `out` only if all of them parse.
template <class Istream, class Word>
bool read_words(Istream& is, std::uint64_t max, Word* out, std::size_t count) {
    constexpr std::size_t max_count = 16;
    std::uint64_t tmp[max_count] = {};
    if (count > max_count) {
        is.setstate(Istream::failbit);
        return false;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (!read_word(is, max, tmp[i])) return false;
    }
    for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<Word>(tmp[i]);
    return true;
}

/// Reads one whitespace-separated signed decimal integer in [lo, hi] into
/// `out` ("-" followed by digits, or digits). On malformed text or a value out
/// of range sets failbit and leaves `out` unchanged.
template <class Istream>
bool read_signed(Istream& is, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
    std::string token;
    if (!read_token(is, token)) return false;
    const bool negative = !token.empty() && token[0] == '-';
    const std::size_t first = negative ? 1 : 0;
    // Magnitude limit: |lo| for negative values (computed without overflow), hi otherwise.
    const std::uint64_t limit = negative
                                    ? (lo < 0 ? static_cast<std::uint64_t>(-(lo + 1)) + 1u : 0u)
                                    : (hi < 0 ? 0u : static_cast<std::uint64_t>(hi));
    std::uint64_t mag = 0;
    bool ok = token.size() > first && (!negative || lo < 0);
    for (std::size_t i = first; ok && i < token.size(); ++i) {
        const char ch = token[i];
        if (ch < '0' || ch > '9') {
            ok = false;
            break;
        }
        const auto digit = static_cast<std::uint64_t>(ch - '0');
        if (digit > limit || mag > (limit - digit) / 10) {
            ok = false;
            break;
        }
        mag = mag * 10 + digit;
    }
    std::int64_t value = 0;
    if (ok) {
        value = negative ? (mag == 0 ? 0 : -static_cast<std::int64_t>(mag - 1u) - 1)
                         : static_cast<std::int64_t>(mag);
        ok = value >= lo && value <= hi;
    }
    if (!ok) {
        is.setstate(Istream::failbit);
        return false;
    }
    out = value;
    return true;
}

/// Writes a finite or infinite double exactly, as a C99 hexadecimal floating
/// literal: [-]0x1.hhhp+e for normal numbers, [-]0x0.hhhp-1022 for subnormals,
/// [-]0x0p+0 for zeros, trailing zero digits dropped. Locale-independent, so
/// the text round-trips bit for bit through read_hex_double.
template <class Ostream>
void write_hex_double(Ostream& os, double x) {
    std::uint64_t u = 0;
    static_assert(sizeof u == sizeof x, "cbrng: double must be IEEE binary64");
    std::memcpy(&u, &x, sizeof u);
    std::string text = (u >> 63) != 0 ? "-0x" : "0x";
    const auto biased = static_cast<int>((u >> 52) & 0x7ffu);
    std::uint64_t frac = u & 0x000fffffffffffffu;
    if (biased == 0x7ff) {
        os << (frac != 0 ? "nan" : (u >> 63) != 0 ? "-inf" : "inf");
        return;
    }
    int exponent = 0;
    if (biased == 0) {
        text += '0';
        exponent = frac == 0 ? 0 : -1022;
    } else {
        text += '1';
        exponent = biased - 1023;
    }
    if (frac != 0) {
        text += '.';
        int digits = 13;
        while ((frac & 0xfu) == 0) {
            frac >>= 4;
            --digits;
        }
        for (int i = digits - 1; i >= 0; --i) {
            text += "0123456789abcdef"[(frac >> (4 * i)) & 0xfu];
        }
    }
    text += 'p';
    text += exponent < 0 ? '-' : '+';
    text += std::to_string(exponent < 0 ? -exponent : exponent);
    os << text;
}

/// Reads one whitespace-separated token written by write_hex_double (finite
/// values only: exactly the forms it writes, '0X'/'P' and upper-case digits
/// also accepted) into `out`. On malformed text sets failbit and leaves `out`
/// unchanged.
template <class Istream>
bool read_hex_double(Istream& is, double& out) {
    std::string t;
    if (!read_token(is, t)) return false;
    std::size_t i = 0;
    const auto fail = [&is] {
        is.setstate(Istream::failbit);
        return false;
    };
    const auto hex_value = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    std::uint64_t sign = 0;
    if (i < t.size() && t[i] == '-') {
        sign = std::uint64_t{1} << 63;
        ++i;
    }
    if (t.size() < i + 4 || t[i] != '0' || (t[i + 1] != 'x' && t[i + 1] != 'X')) return fail();
    i += 2;
    if (t[i] != '0' && t[i] != '1') return fail();
    const bool lead_one = t[i] == '1';
    ++i;
    std::uint64_t frac = 0;
    int digits = 0;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && hex_value(t[i]) >= 0) {
            if (++digits > 13) return fail();
            frac = (frac << 4) | static_cast<std::uint64_t>(hex_value(t[i]));
            ++i;
        }
        if (digits == 0) return fail();
    }
    frac <<= 4 * (13 - digits);
    if (i >= t.size() || (t[i] != 'p' && t[i] != 'P')) return fail();
    ++i;
    bool exp_negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
        exp_negative = t[i] == '-';
        ++i;
    }
    if (i >= t.size()) return fail();
    int exponent = 0;
    for (; i < t.size(); ++i) {
        if (t[i] < '0' || t[i] > '9' || exponent > 10000) return fail();
        exponent = exponent * 10 + (t[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
    std::uint64_t u = 0;
    if (lead_one) {
        if (exponent < -1022 || exponent > 1023) return fail();
        u = sign | (static_cast<std::uint64_t>(exponent + 1023) << 52) | frac;
    } else if (frac == 0) {
        u = sign;  // +-0, any exponent
    } else {
        if (exponent != -1022) return fail();
        u = sign | frac;
    }
    std::memcpy(&out, &u, sizeof out);
    return true;
}

/// write_hex_double for float (a float converts to double exactly).
template <class Ostream>
void write_hex_real(Ostream& os, double x) {
    write_hex_double(os, x);
}
template <class Ostream>
void write_hex_real(Ostream& os, float x) {
    write_hex_double(os, static_cast<double>(x));
}

/// read_hex_double into a double, or into a float when the value is exactly a
/// finite float (anything else sets failbit and changes nothing).
template <class Istream>
bool read_hex_real(Istream& is, double& out) {
    return read_hex_double(is, out);
}
template <class Istream>
bool read_hex_real(Istream& is, float& out) {
    double d = 0;
    if (!read_hex_double(is, d)) return false;
    const auto f = static_cast<float>(d);
    if (!(d >= -3.4028234663852886e38 && d <= 3.4028234663852886e38) ||
        static_cast<double>(f) != d) {
        is.setstate(Istream::failbit);
        return false;
    }
    out = f;
    return true;
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_IO_HPP
