// cbrng/detail/cpu.hpp: which x86 SIMD back end to run, decided at run time.
//
// The SIMD back ends (bulk word generation in fill.hpp, batch transforms in
// detail/transform.hpp) are compiled with per-function target attributes, so
// a default build without -march still contains them; this header picks one
// from what the CPU and OS support. Nothing is cached in static storage (the
// library has no static mutable state): detect_isa() asks the compiler
// runtime's cpuid table every time, which costs a few loads. Tests force each
// path in turn through force_isa(), a thread_local override.
//
// Tiers: avx2 means AVX2 + FMA (Haswell, Zen); avx512 means AVX-512 F, DQ, BW
// and VL (Skylake-SP, Ice Lake, Zen 4). A back end may use any instruction of
// its tier and nothing above it.
#ifndef CBRNG_DETAIL_CPU_HPP
#define CBRNG_DETAIL_CPU_HPP

#include "../config.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {

/// Instruction-set tiers, ordered: a CPU that supports a tier supports every
/// tier below it.
enum class isa : int { scalar = 0, avx2 = 1, avx512 = 2 };

/// Human-readable name of a tier ("scalar", "avx2", "avx512").
[[nodiscard]] constexpr const char* isa_name(isa i) noexcept {
    return i == isa::avx512 ? "avx512" : i == isa::avx2 ? "avx2" : "scalar";
}

/// The best tier this CPU and OS support; scalar where the x86 back ends are
/// not compiled (other architectures, device code). Not cached.
[[nodiscard]] inline isa detect_isa() noexcept {
#if CBRNG_HAS_X86_SIMD
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return isa::avx512;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return isa::avx2;
#endif
    return isa::scalar;
}

/// True when this CPU can run tier `i`.
[[nodiscard]] inline bool isa_supported(isa i) noexcept {
    return static_cast<int>(i) <= static_cast<int>(detect_isa());
}

/// The calling thread's override: -1 for none, else an isa value.
inline int& forced_isa_slot() noexcept {
    static thread_local int slot = -1;
    return slot;
}

/// Forces the calling thread to use tier `i` (tests, benchmarks). Returns false
/// and changes nothing if the CPU cannot run `i`, so a forced path can never
/// execute an unsupported instruction.
inline bool force_isa(isa i) noexcept {
    if (!isa_supported(i)) return false;
    forced_isa_slot() = static_cast<int>(i);
    return true;
}

/// Removes the calling thread's override; active_isa() is detect_isa() again.
inline void unforce_isa() noexcept {
    forced_isa_slot() = -1;
}

/// The tier the back ends use on this thread: the override if set, else
/// detect_isa().
[[nodiscard]] inline isa active_isa() noexcept {
    const int forced = forced_isa_slot();
    return forced >= 0 ? static_cast<isa>(forced) : detect_isa();
}

/// RAII: forces a tier for a scope and restores the previous override.
/// `ok()` says whether the tier was available (if not, nothing changed).
class scoped_isa {
  public:
    explicit scoped_isa(isa i) noexcept : saved_(forced_isa_slot()), ok_(force_isa(i)) {}
    ~scoped_isa() { forced_isa_slot() = saved_; }
    scoped_isa(const scoped_isa&) = delete;
    scoped_isa& operator=(const scoped_isa&) = delete;
    [[nodiscard]] bool ok() const noexcept { return ok_; }

  private:
    int saved_;
    bool ok_;
};

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_CPU_HPP
