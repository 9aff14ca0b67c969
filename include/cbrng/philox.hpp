// cbrng/philox.hpp: the Philox bijections of Salmon, Moraes, Dror and Shaw,
// "Parallel random numbers: as easy as 1, 2, 3" (SC'11).
//
// philox<N, W, R> is a stateless function object: block = philox(counter, key).
// For a fixed key it is a bijection on N-word counters, so distinct counters
// give distinct blocks and a stream is nothing more than a counter you count
// up. Outputs equal Random123's philoxNxW_R(R, ctr, key) bit for bit for every
// shape and every round count Random123 accepts (1..16); the known-answer file
// and a randomized cross-check against Random123 pin that in the tests.
//
// Use philox4x32_10 (the default everywhere in cbrng) unless you need 64-bit
// words, then philox4x64_10. The 2x32 shape is small (64-bit blocks) and is
// offered for completeness and Random123 parity, not as a stream generator.
// Philox is statistically strong (it passes BigCrush) but is not a
// cryptographic generator.
#ifndef CBRNG_PHILOX_HPP
#define CBRNG_PHILOX_HPP

#include <cstddef>
#include <cstdint>
#include <utility>

#include "config.hpp"
#include "detail/mulhilo.hpp"
#include "word_array.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

template <std::size_t W>
struct uint_of_width;
template <>
struct uint_of_width<32> {
    using type = std::uint32_t;
};
template <>
struct uint_of_width<64> {
    using type = std::uint64_t;
};
/// The unsigned type holding one W-bit word (W is 32 or 64).
template <std::size_t W>
using uint_t = typename uint_of_width<W>::type;

/// One Philox round over w-bit words stored in Word. `mul` and `weyl` are in
/// Random123's order: mul[0] multiplies word 0, mul[1] word 2; weyl[k] is
/// added to key word k before every round but the first.
template <unsigned w, unsigned r, class Word, std::size_t N>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void philox_round(
    word_array<Word, N>& x, word_array<Word, N / 2>& k, const word_array<Word, N / 2>& mul,
    const word_array<Word, N / 2>& weyl) noexcept {
    if constexpr (r != 0) {
        for (std::size_t j = 0; j < N / 2; ++j) {
            k[j] = static_cast<Word>((k[j] + weyl[j]) & low_mask<Word, w>);
        }
    }
    if constexpr (N == 2) {
        const hilo<Word> p = mulhilo<w>(mul[0], x[0]);
        x = {static_cast<Word>(p.hi ^ k[0] ^ x[1]), p.lo};
    } else {
        const hilo<Word> p0 = mulhilo<w>(mul[0], x[0]);
        const hilo<Word> p1 = mulhilo<w>(mul[1], x[2]);
        x = {static_cast<Word>(p1.hi ^ x[1] ^ k[0]), p1.lo, static_cast<Word>(p0.hi ^ x[3] ^ k[1]),
             p0.lo};
    }
}

template <unsigned w, class Word, std::size_t N, unsigned... Rs>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr word_array<Word, N> philox_rounds_impl(
    word_array<Word, N> x, word_array<Word, N / 2> k, const word_array<Word, N / 2>& mul,
    const word_array<Word, N / 2>& weyl, std::integer_sequence<unsigned, Rs...>) noexcept {
    (philox_round<w, Rs>(x, k, mul, weyl), ...);
    return x;
}

/// The R Philox rounds over w-bit words stored in Word, for any multipliers
/// and Weyl increments. Shared by cbrng::philox (Random123's constants) and
/// cbrng::philox_engine (constants from the template arguments). Every round
/// is instantiated separately so that compilers unroll it whatever their
/// heuristics.
template <unsigned w, unsigned R, class Word, std::size_t N>
[[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr word_array<Word, N> philox_rounds(
    word_array<Word, N> x, word_array<Word, N / 2> k, word_array<Word, N / 2> mul,
    word_array<Word, N / 2> weyl) noexcept {
    return philox_rounds_impl<w>(x, k, mul, weyl, std::make_integer_sequence<unsigned, R>{});
}

template <std::size_t N, std::size_t W>
struct philox_constants;
template <>
struct philox_constants<2, 32> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint32_t, 1> mul() noexcept {
        return {{0xD256D193u}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint32_t, 1> weyl() noexcept {
        return {{0x9E3779B9u}};
    }
};
template <>
struct philox_constants<4, 32> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint32_t, 2> mul() noexcept {
        return {{0xD2511F53u, 0xCD9E8D57u}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint32_t, 2> weyl() noexcept {
        return {{0x9E3779B9u, 0xBB67AE85u}};
    }
};
template <>
struct philox_constants<2, 64> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint64_t, 1> mul() noexcept {
        return {{0xD2B74407B1CE6E93u}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint64_t, 1> weyl() noexcept {
        return {{0x9E3779B97F4A7C15u}};
    }
};
template <>
struct philox_constants<4, 64> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint64_t, 2> mul() noexcept {
        return {{0xD2E7470EE14C6C93u, 0xCA5A826395121157u}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<std::uint64_t, 2> weyl() noexcept {
        return {{0x9E3779B97F4A7C15u, 0xBB67AE8584CAA73Bu}};
    }
};

}  // namespace detail

/// The Philox-NxW-R bijection: `counter_type philox(counter_type, key_type)`.
///
/// N (words per block) is 2 or 4, W (bits per word) is 32 or 64, R (rounds) is
/// 1..16. The key has N/2 words. Stateless, constexpr, noexcept, callable from
/// device code; thread-safe by construction. Its outputs are frozen: they equal
/// Random123's philoxNxW_R and never change.
///
///     constexpr cbrng::philox4x32_10 f;
///     constexpr auto block = f({0, 0, 0, 0}, {0, 0});   // {0x6627e8d5, ...}
template <std::size_t N, std::size_t W, unsigned R>
struct philox {
    static_assert(N == 2 || N == 4, "cbrng::philox: N (words per block) must be 2 or 4");
    static_assert(W == 32 || W == 64, "cbrng::philox: W (bits per word) must be 32 or 64");
    static_assert(R >= 1 && R <= 16,
                  "cbrng::philox: R (rounds) must be 1..16, the range Random123 accepts");

    using word_type = detail::uint_t<W>;
    using counter_type = word_array<word_type, N>;
    using key_type = word_array<word_type, N / 2>;

    static constexpr std::size_t word_count = N;
    static constexpr std::size_t word_size = W;
    static constexpr unsigned rounds = R;

    [[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr counter_type operator()(
        counter_type ctr, key_type key) const noexcept {
        using c = detail::philox_constants<N, W>;
        return detail::philox_rounds<W, R>(ctr, key, c::mul(), c::weyl());
    }
};

using philox2x32_10 = philox<2, 32, 10>;
using philox4x32_10 = philox<4, 32, 10>;
using philox2x64_10 = philox<2, 64, 10>;
using philox4x64_10 = philox<4, 64, 10>;

CBRNG_NAMESPACE_END

#endif  // CBRNG_PHILOX_HPP
