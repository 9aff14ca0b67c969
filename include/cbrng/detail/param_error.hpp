// cbrng/detail/param_error.hpp: one way to reject a bad distribution parameter.
//
// Every distribution constructor validates its parameters and throws
// std::invalid_argument with a message that names the distribution, the
// parameter, the rule and the offending value, e.g.
// "cbrng::normal_distribution: stddev must be > 0 and finite (got -1)".
// Values are printed with 17 significant digits in the classic locale. Device
// code cannot throw: there param_error traps, as the streams do.
#ifndef CBRNG_DETAIL_PARAM_ERROR_HPP
#define CBRNG_DETAIL_PARAM_ERROR_HPP

#include <charconv>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "../config.hpp"

// Numbers are formatted with <charconv> (std::to_chars: "%.17g" for reals, the
// classic locale's text, as std::ostream with precision 17 writes them), not
// with <sstream>, which would cost every distribution header the compile time
// of the iostreams (docs/performance.md, "Compile time"). Standard libraries
// without floating-point to_chars (__cpp_lib_to_chars) use std::ostringstream.
#if !defined(__cpp_lib_to_chars)
#include <locale>
#include <sstream>
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Appends one value to a message: integers in decimal (character types as
/// numbers), reals with 17 significant digits.
template <class T>
void append_param_value(std::string& text, T value) {
#if defined(__cpp_lib_to_chars)
    char buffer[64];
    std::to_chars_result r{};
    if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
        r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    } else if constexpr (std::is_integral_v<T>) {
        r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<unsigned long long>(value));
    } else {
        r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<double>(value),
                          std::chars_format::general, 17);
    }
    text.append(buffer, r.ptr);
#else
    std::ostringstream os;
    os.imbue(std::locale::classic());
    if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
        os << static_cast<long long>(value);
    } else if constexpr (std::is_integral_v<T>) {
        os << static_cast<unsigned long long>(value);
    } else {
        os.precision(17);
        os << static_cast<double>(value);
    }
    text += os.str();
#endif
}

/// Throws std::invalid_argument("<distribution>: <rule> (got <value>)").
template <class T>
[[noreturn]] void throw_param_error(const char* distribution, const char* rule, T value) {
    std::string text = std::string(distribution) + ": " + rule + " (got ";
    append_param_value(text, value);
    text += ')';
    throw std::invalid_argument(text);
}

/// Throws std::invalid_argument("<distribution>: <field> <rule> (got <value>)").
template <class T>
[[noreturn]] void throw_field_error(const char* distribution, const char* field, const char* rule,
                                    T value) {
    std::string text = std::string(distribution) + ": " + field + ' ' + rule + " (got ";
    append_param_value(text, value);
    text += ')';
    throw std::invalid_argument(text);
}

/// Throws std::invalid_argument("<distribution>: <rule> (got a = <a>, b = <b>)").
template <class T>
[[noreturn]] void throw_param_error(const char* distribution, const char* rule, T a, T b) {
    std::string text = std::string(distribution) + ": " + rule + " (got a = ";
    append_param_value(text, a);
    text += ", b = ";
    append_param_value(text, b);
    text += ')';
    throw std::invalid_argument(text);
}

/// Host: throw_param_error. Device: __trap() (the kernel launch fails).
template <class... T>
CBRNG_NOINLINE CBRNG_HOST_DEVICE void param_error(const char* distribution, const char* rule,
                                                  T... values) {
#if CBRNG_DEVICE_PASS
    (void)distribution;
    (void)rule;
    ((void)values, ...);
    __trap();
#else
    throw_param_error(distribution, rule, values...);
#endif
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_PARAM_ERROR_HPP
