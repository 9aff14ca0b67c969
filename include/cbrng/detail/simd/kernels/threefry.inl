// cbrng/detail/simd/kernels/threefry.inl: the multi-block Threefry kernels,
// written once over a vector layer. Included only by ../kernels.hpp, inside a
// per-ISA namespace with CBRNG_SIMD_FN and CBRNG_SIMD_ENTRY defined; see the
// rules at the top of that file. No #include here.
//
// Layout as philox.inl: one counter word of O::lanes consecutive blocks per
// vector, one block per 64-bit lane; 32-bit words live in the low half of
// their lane (add32 and rotl32 leave the high half don't-care, pack32 drops
// it). Threefry is adds, rotates and xors, which the integer ALUs run as well
// as the vector units, so a kernel may also carry S blocks on the scalar side
// (ops_emu<1>), interleaved round by round with the G vector groups: on AVX2,
// which has no vector rotate, that adds throughput for free.

/// Key schedule: inj[s][i] is added to word i after round 4s (s >= 1), the
/// "+ s" of the last word folded in; inj[0] is the initial key.
template <class O, std::size_t N, std::size_t W, unsigned R>
struct threefry_keys {
    static constexpr std::size_t injections = R / 4 + 1;
    typename O::vec inj[injections][N];
    typename ops_emu<1>::vec sinj[injections][N];
};

template <class O, std::size_t N, std::size_t W, unsigned R>
CBRNG_SIMD_FN threefry_keys<O, N, W, R> threefry_schedule(
    const word_array<uint_t<W>, N>& key) noexcept {
    using word = uint_t<W>;
    word ks[N + 1];
    ks[N] = threefry_parity<word>;
    for (std::size_t i = 0; i < N; ++i) {
        ks[i] = key[i];
        ks[N] ^= key[i];
    }
    threefry_keys<O, N, W, R> t;
    for (std::size_t s = 0; s < t.injections; ++s) {
        for (std::size_t i = 0; i < N; ++i) {
            const auto v = static_cast<word>(ks[(s + i) % (N + 1)] + (i == N - 1 ? s : 0));
            t.inj[s][i] = O::set1(v);
            t.sinj[s][i] = ops_emu<1>::set1(v);
        }
    }
    return t;
}

template <std::size_t W, class P, int S>
CBRNG_SIMD_FN typename P::vec threefry_rotl(typename P::vec x) noexcept {
    if constexpr (W == 32) {
        return P::template rotl32<S>(x);
    } else {
        return P::template rotl64<S>(x);
    }
}

template <std::size_t W, class P>
CBRNG_SIMD_FN typename P::vec threefry_add(typename P::vec a, typename P::vec b) noexcept {
    if constexpr (W == 32) {
        return P::add32(a, b);
    } else {
        return P::add64(a, b);
    }
}

/// Round Rd on K lanes-groups of layer P; inj is the matching key schedule.
template <unsigned Rd, class P, std::size_t N, std::size_t W, std::size_t I, std::size_t K>
CBRNG_SIMD_FN void threefry_round(typename P::vec (&x)[N][K],
                                  const typename P::vec (&inj)[I][N]) noexcept {
    using rot = threefry_rotations<N, W>;
    constexpr int ra = static_cast<int>(rot::get(Rd, 0));
    for (std::size_t g = 0; g < K; ++g) {
        if constexpr (N == 2) {
            x[0][g] = threefry_add<W, P>(x[0][g], x[1][g]);
            x[1][g] = P::bxor(threefry_rotl<W, P, ra>(x[1][g]), x[0][g]);
        } else {
            // Even rounds mix words (0,1),(2,3); odd rounds (0,3),(2,1).
            constexpr int rb = static_cast<int>(rot::get(Rd, 1));
            constexpr std::size_t a = Rd % 2 == 0 ? 1 : 3, b = Rd % 2 == 0 ? 3 : 1;
            x[0][g] = threefry_add<W, P>(x[0][g], x[a][g]);
            x[a][g] = P::bxor(threefry_rotl<W, P, ra>(x[a][g]), x[0][g]);
            x[2][g] = threefry_add<W, P>(x[2][g], x[b][g]);
            x[b][g] = P::bxor(threefry_rotl<W, P, rb>(x[b][g]), x[2][g]);
        }
    }
    if constexpr (Rd % 4 == 3) {
        constexpr std::size_t s = (Rd + 1) / 4;
        for (std::size_t g = 0; g < K; ++g) {
            for (std::size_t i = 0; i < N; ++i) x[i][g] = threefry_add<W, P>(x[i][g], inj[s][i]);
        }
    }
}

/// The state of G vector groups and S scalar-side blocks.
template <class O, std::size_t N, std::size_t G, std::size_t S>
struct threefry_state {
    typename O::vec x[N][G];
    typename ops_emu<1>::vec y[N][S == 0 ? 1 : S];
};

template <class O, std::size_t N, std::size_t W, unsigned R, std::size_t G, std::size_t S,
          unsigned... Rd>
CBRNG_SIMD_FN void threefry_rounds(threefry_state<O, N, G, S>& st,
                                   const threefry_keys<O, N, W, R>& ks,
                                   std::integer_sequence<unsigned, Rd...>) noexcept {
    if constexpr (S == 0) {
        (threefry_round<Rd, O, N, W>(st.x, ks.inj), ...);
    } else {
        ((threefry_round<Rd, O, N, W>(st.x, ks.inj),
          threefry_round<Rd, ops_emu<1>, N, W>(st.y, ks.sinj)),
         ...);
    }
}

/// G groups of O::lanes blocks and then S scalar-side blocks, counters
/// {c0 + i, c[1], ...} for i < G * O::lanes + S (word 0 mod 2^W), stored in
/// scalar order at out.
template <class O, std::size_t N, std::size_t W, unsigned R, std::size_t G, std::size_t S>
CBRNG_SIMD_FN void threefry_groups(uint_t<W>* out, std::uint64_t c0,
                                   const word_array<uint_t<W>, N>& c,
                                   const threefry_keys<O, N, W, R>& ks) noexcept {
    using E = ops_emu<1>;
    constexpr std::size_t L = O::lanes;
    const typename O::vec lane = O::iota();
    threefry_state<O, N, G, S> st;
    for (std::size_t g = 0; g < G; ++g) {
        st.x[0][g] = threefry_add<W, O>(O::add64(O::set1(c0 + L * g), lane), ks.inj[0][0]);
        for (std::size_t i = 1; i < N; ++i) {
            st.x[i][g] = threefry_add<W, O>(O::set1(c[i]), ks.inj[0][i]);
        }
    }
    for (std::size_t j = 0; j < S; ++j) {
        st.y[0][j] = threefry_add<W, E>(E::set1(c0 + L * G + j), ks.sinj[0][0]);
        for (std::size_t i = 1; i < N; ++i) {
            st.y[i][j] = threefry_add<W, E>(E::set1(c[i]), ks.sinj[0][i]);
        }
    }
    threefry_rounds<O, N, W, R, G, S>(st, ks, std::make_integer_sequence<unsigned, R>{});
    for (std::size_t g = 0; g < G; ++g) {
        const auto& x = st.x;
        uint_t<W>* o = out + N * L * g;
        if constexpr (W == 32 && N == 2) {
            O::store1(o, O::pack32(x[0][g], x[1][g]));
        } else if constexpr (W == 32) {
            O::store2(o, O::pack32(x[0][g], x[1][g]), O::pack32(x[2][g], x[3][g]));
        } else if constexpr (N == 2) {
            O::store2(o, x[0][g], x[1][g]);
        } else {
            O::store4(o, x[0][g], x[1][g], x[2][g], x[3][g]);
        }
    }
    for (std::size_t j = 0; j < S; ++j) {
        for (std::size_t i = 0; i < N; ++i) {
            out[N * (L * G + j) + i] = static_cast<uint_t<W>>(st.y[i][j].v[0]);
        }
    }
}

/// Threefry-NxW-R blocks for counters {c[0] + b, c[1], ...}, b < nblocks,
/// stored as out[N*b + j]: the contract of detail/simd/scalar.hpp. Steps of G
/// vector groups and S scalar-side blocks, then single groups, then a tail.
template <class O, std::size_t N, std::size_t W, unsigned R, std::size_t G, std::size_t S = 0>
CBRNG_SIMD_ENTRY void threefry_blocks(uint_t<W>* out, std::size_t nblocks,
                                      const word_array<uint_t<W>, N>& c,
                                      const word_array<uint_t<W>, N>& k) noexcept {
    constexpr std::size_t L = O::lanes;
    const threefry_keys<O, N, W, R> ks = threefry_schedule<O, N, W, R>(k);
    std::size_t b = 0;
    for (; b + L * G + S <= nblocks; b += L * G + S) {
        threefry_groups<O, N, W, R, G, S>(out + N * b, c[0] + std::uint64_t{b}, c, ks);
    }
    for (; b + L <= nblocks; b += L) {
        threefry_groups<O, N, W, R, 1, 0>(out + N * b, c[0] + std::uint64_t{b}, c, ks);
    }
    if (b < nblocks) {
        uint_t<W> tmp[N * L];
        threefry_groups<O, N, W, R, 1, 0>(tmp, c[0] + std::uint64_t{b}, c, ks);
        for (std::size_t i = 0; i < N * (nblocks - b); ++i) out[N * b + i] = tmp[i];
    }
}
