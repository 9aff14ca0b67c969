// Two translation units, one built with -march=native (simd_kernels_odr_native.cpp)
// and this one with the default target, both include every block kernel and
// batch transform and are linked into one binary: the kernels must give the
// same blocks and variates from both (and equal the scalar reference on every
// path), which holds only while the rules at the top of
// include/cbrng/detail/simd/kernels.hpp are kept (per-ISA
// namespaces, explicit targets, no #include inside the per-ISA regions, no
// lambdas in kernels): an inline function whose code depended on the TU's
// flags would be merged by the linker with the other TU's copy.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "simd_kernels_odr.ipp"

std::vector<std::uint64_t> simd_kernels_odr_native(std::size_t& mismatches);

TEST_CASE("kernels and transforms from a -march=native TU and a default TU agree", "[simd][odr]") {
    std::size_t native_bad = 1, default_bad = 1;
    const std::vector<std::uint64_t> native = simd_kernels_odr_native(native_bad);
    const std::vector<std::uint64_t> here = odr_results(default_bad);
    CHECK(native_bad == 0);
    CHECK(default_bad == 0);
    REQUIRE(native.size() == here.size());
    CHECK(native.size() > 10000);
    CHECK((native == here));
}
