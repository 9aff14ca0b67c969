// registers_audit: kernels that draw from every stream generator and through
// every distribution. Compiled with ptxas's local-memory warning as an error
// (tests/device/CMakeLists.txt), so the build, and the CTest test that runs
// it, fails if a stream stops living in registers: a run-time index into its
// word buffer puts the whole stream in local memory (a stack frame of 80 to
// 136 bytes), which halved device throughput (docs/cuda.md). Needs no GPU.
#include <cbrng/cbrng.hpp>

#include <cstdint>

template <class B>
__global__ void draw_words(typename B::word_type* out, std::uint64_t n) {
    cbrng::stream<B> s{cbrng::stream_id{1, 0, threadIdx.x}};
    typename B::word_type acc = 0;
    for (std::uint64_t i = 0; i < n; ++i) acc ^= s();
    out[threadIdx.x] = acc;
}

template <class D>
__global__ void draw_variates(typename D::result_type* out, std::uint64_t n, D d) {
    cbrng::stream<> s{cbrng::stream_id{1, 0, threadIdx.x}};
    typename D::result_type acc{};
    for (std::uint64_t i = 0; i < n; ++i) acc = static_cast<typename D::result_type>(acc + d(s));
    out[threadIdx.x] = acc;
}

template __global__ void draw_words<cbrng::philox4x32_10>(std::uint32_t*, std::uint64_t);
template __global__ void draw_words<cbrng::philox2x64_10>(std::uint64_t*, std::uint64_t);
template __global__ void draw_words<cbrng::philox4x64_10>(std::uint64_t*, std::uint64_t);
template __global__ void draw_words<cbrng::threefry4x32_20>(std::uint32_t*, std::uint64_t);
template __global__ void draw_words<cbrng::threefry2x64_20>(std::uint64_t*, std::uint64_t);
template __global__ void draw_words<cbrng::threefry4x64_20>(std::uint64_t*, std::uint64_t);
template __global__ void draw_variates(float*, std::uint64_t,
                                       cbrng::uniform_real_distribution<float>);
template __global__ void draw_variates(double*, std::uint64_t,
                                       cbrng::uniform_real_distribution<double>);
template __global__ void draw_variates(float*, std::uint64_t, cbrng::normal_distribution<float>);
template __global__ void draw_variates(double*, std::uint64_t, cbrng::normal_distribution<double>);
template __global__ void draw_variates(float*, std::uint64_t,
                                       cbrng::exponential_distribution<float>);
template __global__ void draw_variates(double*, std::uint64_t,
                                       cbrng::exponential_distribution<double>);
template __global__ void draw_variates(int*, std::uint64_t, cbrng::uniform_int_distribution<int>);
template __global__ void draw_variates(std::uint64_t*, std::uint64_t,
                                       cbrng::uniform_int_distribution<std::uint64_t>);
