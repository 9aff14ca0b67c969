// The -march=native translation unit of simd_kernels_odr_test (see
// simd_kernels_odr_test.cpp). Built with other -m flags than the rest of the
// test binary, and without the tests' precompiled header.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "simd_kernels_odr.ipp"

std::vector<std::uint64_t> simd_kernels_odr_native(std::size_t& mismatches);
std::vector<std::uint64_t> simd_kernels_odr_native(std::size_t& mismatches) {
    return odr_results(mismatches);
}
