// cbrng/detail/io.hpp: strict text I/O shared by every operator<< / operator>>.
//
// The standard's `is >> unsigned_value` accepts "-1" and wraps it; a state
// parser must not. read_word accepts only decimal digits, rejects values above
// a limit, and leaves the target untouched on failure, so callers can read a
// whole state into temporaries and commit it only when every field parsed.
#ifndef CBRNG_DETAIL_IO_HPP
#define CBRNG_DETAIL_IO_HPP

#include <cstdint>
#include <ios>
#include <istream>
#include <limits>
#include <ostream>
#include <string>

#include "../config.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Saves and restores an ostream's flags and fill; sets decimal, space fill.
class ostream_state_guard {
  public:
    explicit ostream_state_guard(std::ostream& os) : os_(os), flags_(os.flags()), fill_(os.fill()) {
        os.flags(std::ios_base::dec | std::ios_base::left);
        os.fill(os.widen(' '));
    }
    ~ostream_state_guard() {
        os_.flags(flags_);
        os_.fill(fill_);
    }
    ostream_state_guard(const ostream_state_guard&) = delete;
    ostream_state_guard& operator=(const ostream_state_guard&) = delete;

  private:
    std::ostream& os_;
    std::ios_base::fmtflags flags_;
    char fill_;
};

/// Reads one whitespace-separated unsigned decimal integer <= max into `out`.
/// On malformed text or overflow sets failbit and leaves `out` unchanged.
inline bool read_word(std::istream& is, std::uint64_t max, std::uint64_t& out) {
    std::string token;
    if (!(is >> token)) return false;
    std::uint64_t value = 0;
    for (const char ch : token) {
        if (ch < '0' || ch > '9') {
            is.setstate(std::ios_base::failbit);
            return false;
        }
        const auto digit = static_cast<std::uint64_t>(ch - '0');
        if (digit > max || value > (max - digit) / 10) {
            is.setstate(std::ios_base::failbit);
            return false;
        }
        value = value * 10 + digit;
    }
    out = value;
    return true;
}

/// Reads `count` words, each <= max, into `out` only if all of them parse.
template <class Word>
bool read_words(std::istream& is, std::uint64_t max, Word* out, std::size_t count) {
    constexpr std::size_t max_count = 16;
    std::uint64_t tmp[max_count] = {};
    if (count > max_count) {
        is.setstate(std::ios_base::failbit);
        return false;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (!read_word(is, max, tmp[i])) return false;
    }
    for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<Word>(tmp[i]);
    return true;
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_IO_HPP
