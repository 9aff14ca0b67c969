// cbrng/detail/integer_argument.hpp: ids, thread counts and indices from any
// integer variable, checked rather than narrowed.
//
// Programs hold ranks, loop indices and thread counts in int, long or
// std::size_t. A std::uint64_t parameter taken by brace initialisation
// rejects an int variable as narrowing (clang++: an error, g++: a warning),
// and taken by a plain call it converts -1 to 2^64 - 1 without a word. The
// public entry points that take such a value (stream_id, the stream and
// task_scope constructors, parallel, fill_slice's offset, variate_at's index)
// take any integer type instead and pass
// it through to_unsigned: a negative value throws std::out_of_range naming
// the field, "<owner>: <rule> (got <value>)", the form of every cbrng
// message; in CUDA device code, where there are no exceptions, it traps.
//
// bool is refused at compile time (an id or a count that is a truth value is
// a mistake, not a 0 or 1); unscoped enumerations count as their underlying
// integer type, as they did when these were std::uint64_t aggregates;
// integers wider than 64 bits are refused at compile time.
#ifndef CBRNG_DETAIL_INTEGER_ARGUMENT_HPP
#define CBRNG_DETAIL_INTEGER_ARGUMENT_HPP

#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "../config.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// T's integer type (an unscoped enumeration's underlying type) and whether
/// T is accepted where cbrng takes an integer argument. bool is accepted
/// here so that to_unsigned can refuse it with a message.
template <class T, bool = std::is_enum_v<T>>
struct integer_argument {
    using type = T;
    static constexpr bool value = std::is_integral_v<T>;
};
template <class T>
struct integer_argument<T, true> {
    using type = std::underlying_type_t<T>;
    static constexpr bool value = std::is_convertible_v<T, type>;  // unscoped only
};

template <class T>
inline constexpr bool is_integer_argument = integer_argument<T>::value;

/// Host: throws std::out_of_range("<owner>: <rule> (got <value>)").
/// Device: __trap() (the kernel launch fails).
template <class V>
[[noreturn]] CBRNG_NOINLINE CBRNG_HOST_DEVICE void integer_argument_error(const char* owner,
                                                                          const char* rule,
                                                                          V value) {
#if CBRNG_DEVICE_PASS
    (void)owner;
    (void)rule;
    (void)value;
    __trap();
#else
    throw std::out_of_range(std::string(owner) + ": " + rule + " (got " + std::to_string(value) +
                            ")");
#endif
}

/// v as a std::uint64_t, exactly; throws std::out_of_range("<owner>: <rule>
/// (got <v>)") if v < 0. Usable in constant expressions (a negative constant
/// is then a compile-time error).
template <class T>
[[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr std::uint64_t to_unsigned(
    T v, const char* owner, const char* rule) {
    using I = typename integer_argument<T>::type;
    static_assert(!std::is_same_v<std::remove_cv_t<I>, bool>,
                  "cbrng: a bool is not an id, thread count or index; convert it explicitly "
                  "(static_cast<int>(b)) if 0 or 1 is meant");
    static_assert(sizeof(I) <= 8, "cbrng: integers wider than 64 bits are not supported here");
    const auto x = static_cast<I>(v);
    if constexpr (std::is_signed_v<I>) {
        if (CBRNG_UNLIKELY(x < 0)) integer_argument_error(owner, rule, static_cast<long long>(x));
    }
    return static_cast<std::uint64_t>(x);
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_INTEGER_ARGUMENT_HPP
