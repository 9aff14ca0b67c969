// cbrng/config.hpp: the one place for compiler and platform detection.
//
// Every feature macro below is defined to 0 or 1 and is meant to be tested with
// `#if`. Nothing else in the library inspects compiler-specific macros directly,
// so porting to a new compiler or accelerator means editing this file only.
//
// CBRNG_HOST_DEVICE marks every function that must be callable from CUDA (or
// HIP) device code. It is keyed on "a CUDA compiler is active" (`__CUDACC__`),
// not on `__CUDA_ARCH__`, so that the host and device passes of nvcc see the
// same declarations.
#ifndef CBRNG_CONFIG_HPP
#define CBRNG_CONFIG_HPP

#include <cstdint>

/// Library version. The major version is also the inline namespace (`cbrng::v2`):
/// any change of a frozen output (see README, "Promises") bumps both.
#define CBRNG_VERSION_MAJOR 2
#define CBRNG_VERSION_MINOR 0
#define CBRNG_VERSION_PATCH 0

#if defined(__CUDACC__) || defined(__HIPCC__)
#define CBRNG_GPU_COMPILER 1
#define CBRNG_HOST_DEVICE __host__ __device__
#else
#define CBRNG_GPU_COMPILER 0
#define CBRNG_HOST_DEVICE
#endif

// True while compiling the device half of a CUDA/HIP translation unit.
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
#define CBRNG_DEVICE_PASS 1
#else
#define CBRNG_DEVICE_PASS 0
#endif

#if defined(__SIZEOF_INT128__) && !CBRNG_DEVICE_PASS
#define CBRNG_HAS_INT128 1
#else
#define CBRNG_HAS_INT128 0
#endif

#if defined(_MSC_VER) && defined(_M_X64) && !defined(__clang__)
#define CBRNG_HAS_UMUL128 1
#else
#define CBRNG_HAS_UMUL128 0
#endif

// x86-64 with GCC or Clang: the SIMD back ends (AVX2, AVX-512) are compiled with
// per-function target attributes and chosen at run time from cpuid.
#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__)) && \
    !CBRNG_GPU_COMPILER
#define CBRNG_HAS_X86_SIMD 1
#else
#define CBRNG_HAS_X86_SIMD 0
#endif

// fork() exists (POSIX); the ambient stream then re-keys unscoped default
// streams in a child so that it never replays its parent's numbers.
#if (defined(__unix__) || defined(__APPLE__)) && !CBRNG_DEVICE_PASS
#define CBRNG_HAS_FORK 1
#else
#define CBRNG_HAS_FORK 0
#endif

// Distinguishing constant from run-time evaluation (C++20, or the builtin that
// GCC >= 9 and Clang >= 9 offer in C++17 mode).
#if defined(__cpp_lib_is_constant_evaluated)
#define CBRNG_HAS_IS_CONSTANT_EVALUATED 1
#elif defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define CBRNG_HAS_IS_CONSTANT_EVALUATED 1
#else
#define CBRNG_HAS_IS_CONSTANT_EVALUATED 0
#endif
#elif defined(__GNUC__) && __GNUC__ >= 9
#define CBRNG_HAS_IS_CONSTANT_EVALUATED 1
#else
#define CBRNG_HAS_IS_CONSTANT_EVALUATED 0
#endif

// Bit casts in constant expressions (GCC >= 11, Clang >= 9, MSVC >= 19.27).
// Off under CUDA/HIP compilers so that host and device passes agree on which
// functions are constexpr (device code uses the __double_as_longlong family).
#if defined(__has_builtin) && !CBRNG_GPU_COMPILER
#if __has_builtin(__builtin_bit_cast)
#define CBRNG_HAS_BUILTIN_BIT_CAST 1
#else
#define CBRNG_HAS_BUILTIN_BIT_CAST 0
#endif
#elif defined(_MSC_VER) && _MSC_VER >= 1927 && !CBRNG_GPU_COMPILER
#define CBRNG_HAS_BUILTIN_BIT_CAST 1
#else
#define CBRNG_HAS_BUILTIN_BIT_CAST 0
#endif

// The floating-point helpers of detail/fp.hpp and the math of detail/math.hpp
// are constexpr where both bit casts and constant-evaluation detection exist.
#if CBRNG_HAS_BUILTIN_BIT_CAST && CBRNG_HAS_IS_CONSTANT_EVALUATED
#define CBRNG_HAS_CONSTEXPR_FP 1
#define CBRNG_FP_CONSTEXPR constexpr
#else
#define CBRNG_HAS_CONSTEXPR_FP 0
#define CBRNG_FP_CONSTEXPR
#endif

// Floating-point contraction barriers (detail/fp.hpp). GCC contracts a*b+c into
// an FMA by default (-ffp-contract=fast) once the target has FMA, which would
// change results between -march levels. The library passes every product
// through an empty asm statement the optimiser cannot see through: in an SSE
// register on x86-64, in a SIMD&FP register on AArch64, through memory on
// other GNU targets (which also strips x87 excess precision).
#if (defined(__GNUC__) || defined(__clang__)) && !CBRNG_DEVICE_PASS
#define CBRNG_HAS_GNU_ASM 1
#else
#define CBRNG_HAS_GNU_ASM 0
#endif
#if defined(__x86_64__) || defined(_M_X64)
#define CBRNG_ARCH_X86_64 1
#else
#define CBRNG_ARCH_X86_64 0
#endif
#if defined(__aarch64__) || defined(_M_ARM64)
#define CBRNG_ARCH_AARCH64 1
#else
#define CBRNG_ARCH_AARCH64 0
#endif

// -ffast-math and -Ofast (GCC and Clang define __FAST_MATH__ for both) let
// the compiler reassociate, contract and approximate floating-point
// arithmetic and flush subnormals, which changes the outputs of every
// distribution that computes in floating point. Sampling one of those in such
// a translation unit is a compile-time error (detail/fast_math.hpp) unless the
// user defines CBRNG_ALLOW_FAST_MATH (then its outputs are not the frozen
// ones). nvcc's --use_fast_math defines no macro (checked with CUDA 13.0: not
// __FAST_MATH__, __USE_FAST_MATH__, __CUDA_FTZ or __CUDA_PREC_DIV, in either
// pass), so it cannot be detected; docs/cuda.md says not to use it.
#if defined(__FAST_MATH__)
#define CBRNG_FAST_MATH 1
#else
#define CBRNG_FAST_MATH 0
#endif
#if CBRNG_FAST_MATH && !defined(CBRNG_ALLOW_FAST_MATH)
#define CBRNG_REJECT_FAST_MATH 1
#else
#define CBRNG_REJECT_FAST_MATH 0
#endif

// Clang proper (also clang-cl): its diagnostic pragmas silence, push/pop
// scoped, the few deliberate constructs that -Weverything flags in headers.
#if defined(__clang__)
#define CBRNG_CLANG 1
#else
#define CBRNG_CLANG 0
#endif

// The SIMD configuration of this translation unit, as a namespace name. The
// run-time dispatch (detail/cpu.hpp, detail/transform.hpp, fill.hpp) and the
// kernels compile to different bodies where x86 SIMD is off (nvcc's host
// pass, other architectures) or tuned per compiler; each configuration lives
// in its own inline namespace, so a program mixing such translation units
// (a .cu and a .cpp file, g++ and clang++ objects) gets distinct entities
// rather than an ODR violation.
#if !CBRNG_HAS_X86_SIMD
#define CBRNG_SIMD_ABI simd_off
#elif CBRNG_CLANG
#define CBRNG_SIMD_ABI simd_x86_clang
#else
#define CBRNG_SIMD_ABI simd_x86_gnu
#endif

#if CBRNG_GPU_COMPILER
#define CBRNG_FORCEINLINE __forceinline__
#elif defined(__GNUC__) || defined(__clang__)
#define CBRNG_FORCEINLINE inline __attribute__((always_inline))
#elif defined(_MSC_VER)
#define CBRNG_FORCEINLINE __forceinline
#else
#define CBRNG_FORCEINLINE inline
#endif

#if defined(__GNUC__) || defined(__clang__)
#define CBRNG_LIKELY(x) __builtin_expect(!!(x), 1)
#define CBRNG_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define CBRNG_NOINLINE __attribute__((noinline))
#else
#define CBRNG_LIKELY(x) (x)
#define CBRNG_UNLIKELY(x) (x)
#define CBRNG_NOINLINE
#endif

// The bulk kernels' optimisation level, whatever the build's. Their state
// lives in small arrays of vectors or words indexed by constant-trip loops
// (K vectors in lockstep, G groups of blocks, the N words of a block), which
// only a complete unroll puts in registers; GCC's -O2 does not unroll a loop
// completely when that grows the code, and a plain -O2 build ran the SIMD
// fill kernels and batch transforms 2.5x to 3.5x slower than -O3 (callgrind:
// 1.6x to 3.5x the instructions; docs/performance-fill.md has the -O2
// column). -fpeel-loops alone closes most of it; optimize("O3") makes the
// kernels the very code of an -O3 build. Every function of a kernel's call
// chain that carries its own attributes must carry this one too (the target
// macros below do), since GCC inlines an always_inline helper only into a
// caller with the same optimisation level. Clang unrolls these loops at -O2
// already and has no such attribute; device code has its own compiler.
#if defined(__GNUC__) && !defined(__clang__) && !CBRNG_GPU_COMPILER
#define CBRNG_KERNEL_OPTIMIZE __attribute__((optimize("O3")))
#else
#define CBRNG_KERNEL_OPTIMIZE
#endif

// Function attributes for the run-time-selected x86 back ends. Code inside
// such a function may use the tier's instructions; callers check
// detail::active_isa() (detail/cpu.hpp) first. Every function of a back end
// (kernels, transforms, their helpers) is declared with its tier's macro,
// which includes CBRNG_KERNEL_OPTIMIZE.
#if CBRNG_HAS_X86_SIMD
#define CBRNG_TARGET_AVX2 __attribute__((target("avx2,fma"))) CBRNG_KERNEL_OPTIMIZE
#define CBRNG_TARGET_AVX512 \
    __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma"))) CBRNG_KERNEL_OPTIMIZE
#else
#define CBRNG_TARGET_AVX2
#define CBRNG_TARGET_AVX512
#endif

/// Opens the versioned namespace. `cbrng::v2` is inline, so users write `cbrng::`.
#define CBRNG_NAMESPACE_BEGIN \
    namespace cbrng {         \
    inline namespace v2 {
#define CBRNG_NAMESPACE_END \
    }                       \
    }

#endif  // CBRNG_CONFIG_HPP
