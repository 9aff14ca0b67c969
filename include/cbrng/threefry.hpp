// cbrng/threefry.hpp: the Threefry bijections of Salmon, Moraes, Dror and Shaw
// (SC'11), built from the Threefish block cipher of the Skein hash function.
//
// threefry<N, W, R> is a stateless function object: block = threefry(counter,
// key), with an N-word key. It uses only add, rotate and xor, so it is fast
// wherever a wide multiply is not (and it vectorises well with 64-bit lanes).
// Outputs equal Random123's threefryNxW_R bit for bit for every round count
// Random123 accepts: 2xW up to 32 rounds, 4xW up to 72. The key is injected
// after every complete group of four rounds, so a round count that is not a
// multiple of four (Random123's 13) ends without a final injection.
//
// threefry4x64_20 is the one to pick when blocks of four 64-bit words suit
// you; threefry2x64_20 when a 128-bit key should carry the process id. Not a
// cryptographic generator.
#ifndef CBRNG_THREEFRY_HPP
#define CBRNG_THREEFRY_HPP

#include <cstddef>
#include <cstdint>
#include <utility>

#include "config.hpp"
#include "philox.hpp"  // detail::uint_t
#include "word_array.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

template <class Word>
[[nodiscard]] CBRNG_HOST_DEVICE constexpr Word rotl(Word x, unsigned s) noexcept {
    constexpr unsigned bits = sizeof(Word) * 8;
    return static_cast<Word>((x << (s % bits)) | (x >> ((bits - s % bits) % bits)));
}

/// Skein rotation constants, [round mod 8][lane pair]. 2xW uses column 0 only.
template <std::size_t N, std::size_t W>
struct threefry_rotations;
template <>
struct threefry_rotations<2, 32> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr unsigned get(unsigned r, unsigned) noexcept {
        constexpr unsigned t[8] = {13, 15, 26, 6, 17, 29, 16, 24};
        return t[r % 8];
    }
};
template <>
struct threefry_rotations<2, 64> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr unsigned get(unsigned r, unsigned) noexcept {
        constexpr unsigned t[8] = {16, 42, 12, 31, 16, 32, 24, 21};
        return t[r % 8];
    }
};
template <>
struct threefry_rotations<4, 32> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr unsigned get(unsigned r, unsigned j) noexcept {
        constexpr unsigned t[8][2] = {{10, 26}, {11, 21}, {13, 27}, {23, 5},
                                      {6, 20},  {17, 11}, {25, 10}, {18, 20}};
        return t[r % 8][j];
    }
};
template <>
struct threefry_rotations<4, 64> {
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr unsigned get(unsigned r, unsigned j) noexcept {
        constexpr unsigned t[8][2] = {{14, 16}, {52, 57}, {23, 40}, {5, 37},
                                      {25, 33}, {46, 12}, {58, 22}, {32, 32}};
        return t[r % 8][j];
    }
};

/// Skein key-schedule parity constant for W-bit words.
template <class Word>
inline constexpr Word threefry_parity = sizeof(Word) == 8 ? static_cast<Word>(0x1BD11BDAA9FC1A22u)
                                                          : static_cast<Word>(0x1BD11BDAu);

}  // namespace detail

/// The Threefry-NxW-R bijection: `counter_type threefry(counter_type, key_type)`.
///
/// N (words per block) is 2 or 4, W (bits per word) is 32 or 64; R (rounds) is
/// 1..32 for N = 2 and 1..72 for N = 4, Random123's limits. The key has N
/// words. Stateless, constexpr, noexcept, callable from device code. Outputs are
/// frozen: they equal Random123's threefryNxW_R and never change.
///
///     constexpr cbrng::threefry4x64_20 f;
///     constexpr auto block = f({1, 2, 3, 4}, {5, 6, 7, 8});
template <std::size_t N, std::size_t W, unsigned R>
struct threefry {
    static_assert(N == 2 || N == 4, "cbrng::threefry: N (words per block) must be 2 or 4");
    static_assert(W == 32 || W == 64, "cbrng::threefry: W (bits per word) must be 32 or 64");
    static_assert(R >= 1 && R <= (N == 2 ? 32u : 72u),
                  "cbrng::threefry: R (rounds) must be 1..32 for 2xW and 1..72 for 4xW, the "
                  "range Random123 accepts");

    using word_type = detail::uint_t<W>;
    using counter_type = word_array<word_type, N>;
    using key_type = word_array<word_type, N>;

    static constexpr std::size_t word_count = N;
    static constexpr std::size_t word_size = W;
    static constexpr unsigned rounds = R;

    [[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr counter_type operator()(
        counter_type x, key_type key) const noexcept {
        word_type ks[N + 1] = {};
        ks[N] = detail::threefry_parity<word_type>;
        for (std::size_t i = 0; i < N; ++i) {
            ks[i] = key[i];
            ks[N] ^= key[i];
            x[i] = static_cast<word_type>(x[i] + key[i]);
        }
        // Every round is instantiated separately, so rotation amounts and key
        // schedule indices are compile-time constants (a run-time round loop
        // with table look-ups runs many times slower).
        all_rounds(x, ks, std::make_index_sequence<R>{});
        return x;
    }

  private:
    template <std::size_t... Rs>
    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE static constexpr void all_rounds(
        counter_type& x, const word_type (&ks)[N + 1], std::index_sequence<Rs...>) noexcept {
        (one_round<static_cast<unsigned>(Rs)>(x, ks), ...);
    }

    template <unsigned r>
    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE static constexpr void one_round(
        counter_type& x, const word_type (&ks)[N + 1]) noexcept {
        using rot = detail::threefry_rotations<N, W>;
        if constexpr (N == 2) {
            constexpr unsigned s0 = rot::get(r, 0);
            x[0] = static_cast<word_type>(x[0] + x[1]);
            x[1] = static_cast<word_type>(detail::rotl(x[1], s0) ^ x[0]);
        } else {
            // Even rounds mix lanes (0,1),(2,3); odd rounds (0,3),(2,1).
            constexpr std::size_t a = (r % 2 == 0) ? 1 : 3, b = (r % 2 == 0) ? 3 : 1;
            constexpr unsigned s0 = rot::get(r, 0), s1 = rot::get(r, 1);
            x[0] = static_cast<word_type>(x[0] + x[a]);
            x[a] = static_cast<word_type>(detail::rotl(x[a], s0) ^ x[0]);
            x[2] = static_cast<word_type>(x[2] + x[b]);
            x[b] = static_cast<word_type>(detail::rotl(x[b], s1) ^ x[2]);
        }
        if constexpr (r % 4 == 3) {  // key injection s = (r + 1) / 4 after each group of four
            constexpr std::size_t s = (r + 1) / 4;
            for (std::size_t i = 0; i < N; ++i) {
                x[i] = static_cast<word_type>(x[i] + ks[(s + i) % (N + 1)]);
            }
            x[N - 1] = static_cast<word_type>(x[N - 1] + s);
        }
    }
};

using threefry2x32_20 = threefry<2, 32, 20>;
using threefry4x32_20 = threefry<4, 32, 20>;
using threefry2x64_20 = threefry<2, 64, 20>;
using threefry4x64_20 = threefry<4, 64, 20>;

CBRNG_NAMESPACE_END

#endif  // CBRNG_THREEFRY_HPP
