// cbrng/detail/simd/kernels/philox.inl: the multi-block Philox kernels,
// written once over a vector layer (ops_emu.hpp, ops_avx2.hpp,
// ops_avx512.hpp). Included only by ../kernels.hpp, inside a per-ISA
// namespace with CBRNG_SIMD_FN and CBRNG_SIMD_ENTRY defined; see the rules at
// the top of that file. No #include here.
//
// Layout: a vector holds one counter word of `lanes` consecutive blocks, one
// block per 64-bit lane, so the lanes never talk to each other until the
// final transpose back to scalar order. For 32-bit words mul_even_u32 gives
// hi and lo of a round in one instruction: lo stays in the low half, where
// the next round reads it, and hi is one shift away; the high halves carry
// junk that no instruction ever reads. For 64-bit words the layer's
// mulhilo64 gives both halves. G independent groups are interleaved to cover
// the multiply latency.

/// Round keys, one broadcast per key word and round.
template <class O, std::size_t N, std::size_t W, unsigned R>
struct philox_keys {
    typename O::vec k[R][N / 2];
    typename O::vec m[N / 2];
};

template <class O, std::size_t N, std::size_t W, unsigned R>
CBRNG_SIMD_FN philox_keys<O, N, W, R> philox_schedule(
    const word_array<uint_t<W>, N / 2>& key) noexcept {
    using c = philox_constants<N, W>;
    philox_keys<O, N, W, R> s;
    // One key word at a time: with the rounds outside and the key words
    // inside, GCC 12.2 at -O3 computed wrong ops_emu round keys (the
    // loop-vectorizer bug the 1.x emulated test met); this order is correct
    // on every compiler tried and natural besides.
    for (std::size_t j = 0; j < N / 2; ++j) {
        s.m[j] = O::set1(c::mul()[j]);
        uint_t<W> k = key[j];
        for (unsigned r = 0; r < R; ++r) {
            s.k[r][j] = O::set1(k);
            k = static_cast<uint_t<W>>(k + c::weyl()[j]);
        }
    }
    return s;
}

template <unsigned Rd, class O, std::size_t N, std::size_t W, unsigned R, std::size_t G>
CBRNG_SIMD_FN void philox_round(typename O::vec (&x)[N][G],
                                const philox_keys<O, N, W, R>& ks) noexcept {
    for (std::size_t g = 0; g < G; ++g) {
        if constexpr (W == 32) {
            const typename O::vec p0 = O::mul_even_u32(x[0][g], ks.m[0]);
            if constexpr (N == 2) {
                x[0][g] = O::bxor(O::template srl64<32>(p0), O::bxor(x[1][g], ks.k[Rd][0]));
                x[1][g] = p0;
            } else {
                const typename O::vec p1 = O::mul_even_u32(x[2][g], ks.m[1]);
                // x1 ^ k and x3 ^ k need not wait for the multiplies: the
                // critical path of a round is multiply, shift, xor.
                x[0][g] = O::bxor(O::template srl64<32>(p1), O::bxor(x[1][g], ks.k[Rd][0]));
                x[2][g] = O::bxor(O::template srl64<32>(p0), O::bxor(x[3][g], ks.k[Rd][1]));
                x[1][g] = p1;
                x[3][g] = p0;
            }
        } else {
            typename O::vec h0, l0;
            O::mulhilo64(x[0][g], ks.m[0], h0, l0);
            if constexpr (N == 2) {
                x[0][g] = O::bxor(h0, O::bxor(x[1][g], ks.k[Rd][0]));
                x[1][g] = l0;
            } else {
                typename O::vec h1, l1;
                O::mulhilo64(x[2][g], ks.m[1], h1, l1);
                x[0][g] = O::bxor(h1, O::bxor(x[1][g], ks.k[Rd][0]));
                x[2][g] = O::bxor(h0, O::bxor(x[3][g], ks.k[Rd][1]));
                x[1][g] = l1;
                x[3][g] = l0;
            }
        }
    }
}

template <class O, std::size_t N, std::size_t W, unsigned R, std::size_t G, unsigned... Rd>
CBRNG_SIMD_FN void philox_rounds(typename O::vec (&x)[N][G], const philox_keys<O, N, W, R>& ks,
                                 std::integer_sequence<unsigned, Rd...>) noexcept {
    (philox_round<Rd, O, N, W, R, G>(x, ks), ...);
}

/// G groups of O::lanes blocks, counters {c0 + i, c[1], ...} for i <
/// G * O::lanes (word 0 taken mod 2^W), stored in scalar order at out.
template <class O, std::size_t N, std::size_t W, unsigned R, std::size_t G>
CBRNG_SIMD_FN void philox_groups(uint_t<W>* out, std::uint64_t c0,
                                 const word_array<uint_t<W>, N>& c,
                                 const philox_keys<O, N, W, R>& ks) noexcept {
    constexpr std::size_t L = O::lanes;
    const typename O::vec lane = O::iota();
    typename O::vec x[N][G];
    for (std::size_t g = 0; g < G; ++g) {
        x[0][g] = O::add64(O::set1(c0 + L * g), lane);
        for (std::size_t j = 1; j < N; ++j) x[j][g] = O::set1(c[j]);
    }
    philox_rounds<O, N, W, R, G>(x, ks, std::make_integer_sequence<unsigned, R>{});
    for (std::size_t g = 0; g < G; ++g) {
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
}

/// Philox-NxW-R blocks for counters {c[0] + b, c[1], ...}, b < nblocks,
/// stored as out[N*b + j]: the contract of detail/simd/scalar.hpp. G groups
/// of O::lanes blocks in flight.
template <class O, std::size_t N, std::size_t W, unsigned R, std::size_t G>
CBRNG_SIMD_ENTRY void philox_blocks(uint_t<W>* out, std::size_t nblocks,
                                    const word_array<uint_t<W>, N>& c,
                                    const word_array<uint_t<W>, N / 2>& k) noexcept {
    constexpr std::size_t L = O::lanes;
    const philox_keys<O, N, W, R> ks = philox_schedule<O, N, W, R>(k);
    std::size_t b = 0;
    for (; b + L * G <= nblocks; b += L * G) {
        philox_groups<O, N, W, R, G>(out + N * b, c[0] + std::uint64_t{b}, c, ks);
    }
    for (; b + L <= nblocks; b += L) {
        philox_groups<O, N, W, R, 1>(out + N * b, c[0] + std::uint64_t{b}, c, ks);
    }
    if (b < nblocks) {
        uint_t<W> tmp[N * L];
        philox_groups<O, N, W, R, 1>(tmp, c[0] + std::uint64_t{b}, c, ks);
        for (std::size_t i = 0; i < N * (nblocks - b); ++i) out[N * b + i] = tmp[i];
    }
}
