// cbrng/detail/simd/ops_real_memory.inl: the loads and stores of whole
// vectors that the x86 real vector layers (ops_real_avx2.hpp,
// ops_real_avx512.hpp) write alike. Included only inside those layers'
// struct bodies, with CBRNG_DETAIL_OPS_REAL_FN defined to the layer's
// function attributes; it uses the layer's own vector types (vd, vq, vw, vf,
// vdf and the unaligned views vd_u, vf_u, vdf_u). No #include here.
//
// Under g++ the real loads and stores go through unaligned double/float
// vector views, so g++ keeps them in the floating-point domain (vmovupd, as
// the intrinsics did); clang picks the domain from memcpy itself, and
// -Weverything flags the casts.

    CBRNG_DETAIL_OPS_REAL_FN vd load(const double* p) noexcept {
#if defined(__clang__)
        vd r;
        __builtin_memcpy(&r, p, sizeof r);
        return r;
#else
        return *reinterpret_cast<const vd_u*>(p);
#endif
    }
    /// 64-bit words of one vector, or twice as many 32-bit words paired low word
    /// first.
    CBRNG_DETAIL_OPS_REAL_FN vq load64(const std::uint64_t* p) noexcept {
        vq r;
        __builtin_memcpy(&r, p, sizeof r);
        return r;
    }
    CBRNG_DETAIL_OPS_REAL_FN vq load64(const std::uint32_t* p) noexcept {
        vq r;
        __builtin_memcpy(&r, p, sizeof r);
        return r;
    }
    /// 32-bit words of one vector.
    CBRNG_DETAIL_OPS_REAL_FN vw load32(const std::uint32_t* p) noexcept {
        vw r;
        __builtin_memcpy(&r, p, sizeof r);
        return r;
    }
    CBRNG_DETAIL_OPS_REAL_FN void store(double* p, vd a) noexcept {
#if defined(__clang__)
        __builtin_memcpy(p, &a, sizeof a);
#else
        *reinterpret_cast<vd_u*>(p) = a;
#endif
    }
    CBRNG_DETAIL_OPS_REAL_FN void store(float* p, vd a) noexcept {
        const vdf f = __builtin_convertvector(a, vdf);
#if defined(__clang__)
        __builtin_memcpy(p, &f, sizeof f);
#else
        *reinterpret_cast<vdf_u*>(p) = f;
#endif
    }
    CBRNG_DETAIL_OPS_REAL_FN void store(float* p, vf a) noexcept {
#if defined(__clang__)
        __builtin_memcpy(p, &a, sizeof a);
#else
        *reinterpret_cast<vf_u*>(p) = a;
#endif
    }
    CBRNG_DETAIL_OPS_REAL_FN void store(std::uint64_t* p, vq a) noexcept {
        __builtin_memcpy(p, &a, sizeof a);
    }
