// Helpers shared by the tests: run-time to compile-time round dispatch.
#ifndef CBRNG_TESTS_TEST_UTIL_HPP
#define CBRNG_TESTS_TEST_UTIL_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

namespace cbrng_test {

template <class F, std::size_t... I>
bool with_rounds_impl(unsigned rounds, F& f, std::index_sequence<I...>) {
    return ((rounds == I + 1 ? (f(std::integral_constant<unsigned, I + 1>{}), true) : false) ||
            ...);
}

/// Calls f(std::integral_constant<unsigned, R>{}) for R == rounds, where
/// 1 <= rounds <= MaxR; returns false when rounds is outside that range.
template <unsigned MaxR, class F>
bool with_rounds(unsigned rounds, F&& f) {
    return with_rounds_impl(rounds, f, std::make_index_sequence<MaxR>{});
}

/// Calls f(std::integral_constant<unsigned, R>{}) for every R in 1..MaxR.
template <unsigned MaxR, class F>
void for_each_round(F&& f) {
    for (unsigned r = 1; r <= MaxR; ++r) with_rounds<MaxR>(r, f);
}

}  // namespace cbrng_test

#endif  // CBRNG_TESTS_TEST_UTIL_HPP
