// cbrng/detail/simd/kernels/blocks.inl: the entry point fill() reaches for a
// bijection's blocks, written once for every ISA. Included only by
// ../kernels.hpp, inside a per-ISA namespace that defines `tuning` (the
// groups in flight measured for that ISA) and CBRNG_SIMD_ENTRY; see the
// rules at the top of that file. No #include here.

/// Bijection B's blocks for counters {c[0] + b, c[1], ...}, b < nblocks,
/// stored as out[N*b + j] (the contract of detail/simd/scalar.hpp), computed
/// on the vector layer O with this ISA's tuning. B is a philox<N, W, R> or a
/// threefry<N, W, R>.
template <class O, class B>
CBRNG_SIMD_ENTRY void blocks(typename B::word_type* out, std::size_t nblocks,
                             const typename B::counter_type& c,
                             const typename B::key_type& k) noexcept {
    constexpr std::size_t N = B::word_count;
    constexpr std::size_t W = B::word_size;
    constexpr unsigned R = B::rounds;
    if constexpr (std::is_same_v<B, philox<N, W, R>>) {
        philox_blocks<O, N, W, R, tuning::philox_groups(N, W)>(out, nblocks, c, k);
    } else {
        static_assert(std::is_same_v<B, threefry<N, W, R>>,
                      "cbrng: block kernels exist for Philox and Threefry");
        threefry_blocks<O, N, W, R, tuning::threefry_groups(N), tuning::threefry_scalar_blocks(N)>(
            out, nblocks, c, k);
    }
}
