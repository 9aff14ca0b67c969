// cuda_fill_bench: filling a large device buffer with random numbers, cbrng
// against cuRAND's Philox4_32_10 device API, in one binary on one GPU.
//
//     cuda_fill_bench [MiB [repetitions]]      default 256 MiB, 20 repetitions
//
// Each kernel fills the whole buffer with a grid-stride loop, one generator
// per thread, created inside the kernel (the creation is timed: it is part of
// using a generator in a kernel):
//
//   cbrng    cbrng::stream<>{seed, 0, thread} (philox4x32_10), four words per
//            16-byte store; the "block" variant stores stream::block(j) directly;
//            uniform/normal floats through cbrng::uniform_real_distribution /
//            cbrng::normal_distribution, which equal the host's bit for bit,
//            drawn from the stream (d(s)) or from one block per 16-byte store
//            (block_words: the same variates, as consumption is fixed).
//   cuRAND   curand_init(seed, thread, 0, &state) (Philox4_32_10, subsequence
//            = thread), then curand4 / curand_uniform4 / curand_normal4 (and
//            the *2_double forms for doubles).
//
// Throughput is bytes written per second (GB/s, 10^9 bytes), from the median
// of the repetitions timed with CUDA events; a cudaMemset of the same buffer
// gives the write-bandwidth ceiling. Every cbrng kernel's output is checked
// against the host for a sample of threads (all of their words), so the table
// only shows kernels that produced the host's numbers. The output is a
// Markdown table.
//
// Without a CUDA device it prints "skipped: no CUDA device" and exits 0.
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/stream.hpp>

#include <cuda_runtime.h>
#include <curand_kernel.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr std::uint64_t seed = 0x5eed;

// ---------------------------------------------------------------------------
// Kernels. `n` counts 16-byte vectors; thread t writes vectors t, t + T, ...

using cbrng_stream = cbrng::stream<>;

__device__ std::uint64_t thread_index() {
    return std::uint64_t{blockIdx.x} * blockDim.x + threadIdx.x;
}
__device__ std::uint64_t thread_count() {
    return std::uint64_t{gridDim.x} * blockDim.x;
}

__global__ void cbrng_raw(uint4* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    cbrng_stream s{cbrng::stream_id{seed, 0, t}};
    for (std::uint64_t i = t; i < n; i += stride) {
        uint4 v;
        v.x = s();
        v.y = s();
        v.z = s();
        v.w = s();
        out[i] = v;
    }
}

__global__ void cbrng_raw_block(uint4* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    const cbrng_stream s{cbrng::stream_id{seed, 0, t}};
    std::uint64_t j = 0;
    for (std::uint64_t i = t; i < n; i += stride, ++j) {
        const auto b = s.block(j);
        out[i] = make_uint4(b[0], b[1], b[2], b[3]);
    }
}

/// A URBG over the four words of one block, in order. Called exactly four
/// times per block with the index known at compile time (after inlining), so
/// the words stay in registers.
struct block_words {
    using result_type = std::uint32_t;
    __host__ __device__ static constexpr result_type min() { return 0; }
    __host__ __device__ static constexpr result_type max() { return ~result_type{0}; }
    cbrng_stream::counter_type words;
    unsigned next = 0;
    __device__ result_type operator()() { return words[next++]; }
};

/// One 16-byte vector (float4 or double2) of variates d(g), in order.
template <class Vec, class Dist, class G>
__device__ Vec variates16(Dist& d, G& g) {
    using R = typename Dist::result_type;
    static_assert(sizeof(Vec) == 16 && 16 % sizeof(R) == 0, "16 bytes of variates");
    R r[16 / sizeof(R)];
#pragma unroll
    for (std::size_t k = 0; k < 16 / sizeof(R); ++k) r[k] = d(g);
    Vec v;
    std::memcpy(&v, r, 16);
    return v;
}

template <class Vec, class Dist>
__global__ void cbrng_variates(Vec* out, std::uint64_t n, Dist d) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    cbrng_stream s{cbrng::stream_id{seed, 0, t}};
    for (std::uint64_t i = t; i < n; i += stride) out[i] = variates16<Vec>(d, s);
}

// The same variates as cbrng_variates (a fixed one word per float variate,
// two per double), one block per 16-byte vector: thread t's vector j takes
// block j of its stream, i.e. words 4j .. 4j + 3, which is where the
// sequential d(s) calls would find them.
template <class Vec, class Dist>
__global__ void cbrng_variates_block(Vec* out, std::uint64_t n, Dist d) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    const cbrng_stream s{cbrng::stream_id{seed, 0, t}};
    std::uint64_t j = 0;
    for (std::uint64_t i = t; i < n; i += stride, ++j) {
        block_words g{s.block(j)};
        out[i] = variates16<Vec>(d, g);
    }
}

__global__ void curand_fill_raw(uint4* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    curandStatePhilox4_32_10_t st;
    curand_init(seed, t, 0, &st);
    for (std::uint64_t i = t; i < n; i += stride) out[i] = curand4(&st);
}

__global__ void curand_fill_uniform_float(float4* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    curandStatePhilox4_32_10_t st;
    curand_init(seed, t, 0, &st);
    for (std::uint64_t i = t; i < n; i += stride) out[i] = curand_uniform4(&st);
}

__global__ void curand_fill_normal_float(float4* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    curandStatePhilox4_32_10_t st;
    curand_init(seed, t, 0, &st);
    for (std::uint64_t i = t; i < n; i += stride) out[i] = curand_normal4(&st);
}

__global__ void curand_fill_uniform_double(double2* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    curandStatePhilox4_32_10_t st;
    curand_init(seed, t, 0, &st);
    for (std::uint64_t i = t; i < n; i += stride) out[i] = curand_uniform2_double(&st);
}

__global__ void curand_fill_normal_double(double2* out, std::uint64_t n) {
    const std::uint64_t t = thread_index(), stride = thread_count();
    curandStatePhilox4_32_10_t st;
    curand_init(seed, t, 0, &st);
    for (std::uint64_t i = t; i < n; i += stride) out[i] = curand_normal2_double(&st);
}

// ---------------------------------------------------------------------------
// Host side: timing, checking, the table.

bool cuda_ok(cudaError_t e, const char* what) {
    if (e == cudaSuccess) return true;
    std::printf("%s: %s\n", what, cudaGetErrorString(e));
    return false;
}

struct launch_shape {
    unsigned grid;
    unsigned block;
    [[nodiscard]] std::uint64_t threads() const { return std::uint64_t{grid} * block; }
};

/// Median milliseconds of `reps` runs of launch() (after one warm-up run).
template <class Launch>
double median_ms(int reps, Launch&& launch) {
    cudaEvent_t start, stop;
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    launch();
    cudaDeviceSynchronize();
    std::vector<double> ms;
    for (int r = 0; r < reps; ++r) {
        cudaEventRecord(start);
        launch();
        cudaEventRecord(stop);
        cudaEventSynchronize(stop);
        float m = 0;
        cudaEventElapsedTime(&m, start, stop);
        ms.push_back(static_cast<double>(m));
    }
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    if (!cuda_ok(cudaGetLastError(), "kernel")) std::exit(1);
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

/// Checks every word written by a sample of threads against the host's
/// computation of the same thread. `host_thread(t, words)` returns the words
/// (as 32-bit patterns) that thread t writes, in order.
template <class HostThread>
bool check_sample(const void* d_buf, std::uint64_t n_vec, unsigned words_per_vec,
                  const launch_shape& shape, HostThread&& host_thread) {
    const std::uint64_t threads = shape.threads();
    const std::uint64_t sample[] = {0, 1, 31, 32, threads / 2 + 7, threads - 1};
    std::vector<std::uint32_t> dev(words_per_vec);
    for (const std::uint64_t t : sample) {
        if (t >= threads || t >= n_vec) continue;
        const std::uint64_t count = (n_vec - t + threads - 1) / threads;  // vectors of thread t
        const std::vector<std::uint32_t> host = host_thread(t, count * words_per_vec);
        for (std::uint64_t j = 0; j < count; ++j) {
            const std::uint64_t vec = t + j * threads;
            cudaMemcpy(
                dev.data(),
                static_cast<const char*>(d_buf) + vec * words_per_vec * sizeof(std::uint32_t),
                words_per_vec * sizeof(std::uint32_t), cudaMemcpyDeviceToHost);
            if (std::memcmp(dev.data(), &host[j * words_per_vec],
                            words_per_vec * sizeof(std::uint32_t)) != 0) {
                std::printf("MISMATCH: thread %llu, vector %llu differs from the host\n",
                            static_cast<unsigned long long>(t), static_cast<unsigned long long>(j));
                return false;
            }
        }
    }
    return true;
}

/// The words thread t of a cbrng float/double kernel writes, from the host.
template <class Dist>
std::vector<std::uint32_t> host_variates(std::uint64_t t, std::uint64_t words, Dist d) {
    cbrng_stream s{cbrng::stream_id{seed, 0, t}};
    std::vector<std::uint32_t> out(words);
    using R = typename Dist::result_type;
    for (std::uint64_t i = 0; i < words; i += sizeof(R) / 4) {
        const R x = d(s);
        std::memcpy(&out[i], &x, sizeof(R));
    }
    return out;
}

std::vector<std::uint32_t> host_raw(std::uint64_t t, std::uint64_t words) {
    cbrng_stream s{cbrng::stream_id{seed, 0, t}};
    std::vector<std::uint32_t> out(words);
    for (auto& w : out) w = s();
    return out;
}

struct row {
    std::string what;
    double cbrng_gbs;
    double curand_gbs;
    bool identical;
};

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 256;
    const int reps = argc > 2 ? std::atoi(argv[2]) : 20;
    if (mib == 0 || reps <= 0) {
        std::printf("usage: cuda_fill_bench [MiB [repetitions]]\n");
        return 2;
    }
    int devices = 0;
    if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
        std::printf("cuda_fill_bench: skipped: no CUDA device\n");
        return 0;
    }
    cudaDeviceProp prop{};
    cudaGetDeviceProperties(&prop, 0);

    const std::uint64_t bytes = mib << 20;
    const std::uint64_t n4 = bytes / 16;  // 16-byte vectors
    void* d_buf = nullptr;
    if (!cuda_ok(cudaMalloc(&d_buf, bytes), "cudaMalloc")) return 1;
    auto* u4 = static_cast<uint4*>(d_buf);
    auto* f4 = static_cast<float4*>(d_buf);
    auto* d2 = static_cast<double2*>(d_buf);

    // Enough resident threads to saturate memory: 8 blocks of 256 per SM.
    const launch_shape shape{static_cast<unsigned>(prop.multiProcessorCount) * 8u, 256u};
    const auto gbs = [&](double ms) { return static_cast<double>(bytes) / (ms * 1e6); };

    std::printf("# cuda_fill_bench\n\n");
    std::printf("GPU: %s (sm_%d%d, %d SMs)\n", prop.name, prop.major, prop.minor,
                prop.multiProcessorCount);
    std::printf("buffer: %llu MiB, %u x %u threads, median of %d runs\n\n",
                static_cast<unsigned long long>(mib), shape.grid, shape.block, reps);

    const double memset_ms =
        median_ms(reps, [&] { cudaMemsetAsync(d_buf, 0, static_cast<std::size_t>(bytes)); });

    const cbrng::uniform_real_distribution<float> uf;
    const cbrng::normal_distribution<float> nf;
    const cbrng::uniform_real_distribution<double> ud;
    const cbrng::normal_distribution<double> nd;
    std::vector<row> rows;
    bool all_identical = true;
    const auto add = [&](const char* what, double cbrng_ms, double curand_ms, bool identical) {
        rows.push_back({what, gbs(cbrng_ms), curand_ms > 0 ? gbs(curand_ms) : 0.0, identical});
        all_identical = all_identical && identical;
    };

    {
        const double c = median_ms(reps, [&] { cbrng_raw<<<shape.grid, shape.block>>>(u4, n4); });
        const bool ok = check_sample(d_buf, n4, 4, shape, host_raw);
        const double b =
            median_ms(reps, [&] { cbrng_raw_block<<<shape.grid, shape.block>>>(u4, n4); });
        const bool ok_b = check_sample(d_buf, n4, 4, shape, host_raw);
        const double r =
            median_ms(reps, [&] { curand_fill_raw<<<shape.grid, shape.block>>>(u4, n4); });
        add("raw 32-bit words (stream operator())", c, r, ok);
        add("raw 32-bit words (stream::block)", b, r, ok_b);
    }
    // One distribution: cbrng through d(stream), cbrng one block per vector,
    // cuRAND; both cbrng kernels checked against the host's sequential d(s).
    const auto compare = [&](const char* what, auto dist, auto cbrng_kernel, auto block_kernel,
                             auto curand_kernel, auto* buf) {
        const auto host = [&](std::uint64_t t, std::uint64_t w) {
            return host_variates(t, w, dist);
        };
        const double c =
            median_ms(reps, [&] { cbrng_kernel<<<shape.grid, shape.block>>>(buf, n4, dist); });
        const bool ok = check_sample(d_buf, n4, 4, shape, host);
        const double b =
            median_ms(reps, [&] { block_kernel<<<shape.grid, shape.block>>>(buf, n4, dist); });
        const bool ok_b = check_sample(d_buf, n4, 4, shape, host);
        const double r =
            median_ms(reps, [&] { curand_kernel<<<shape.grid, shape.block>>>(buf, n4); });
        add((std::string(what) + " (d(stream))").c_str(), c, r, ok);
        add((std::string(what) + " (d over stream::block)").c_str(), b, r, ok_b);
    };
    compare("uniform float", uf, cbrng_variates<float4, decltype(uf)>,
            cbrng_variates_block<float4, decltype(uf)>, curand_fill_uniform_float, f4);
    compare("normal float", nf, cbrng_variates<float4, decltype(nf)>,
            cbrng_variates_block<float4, decltype(nf)>, curand_fill_normal_float, f4);
    compare("uniform double", ud, cbrng_variates<double2, decltype(ud)>,
            cbrng_variates_block<double2, decltype(ud)>, curand_fill_uniform_double, d2);
    compare("normal double", nd, cbrng_variates<double2, decltype(nd)>,
            cbrng_variates_block<double2, decltype(nd)>, curand_fill_normal_double, d2);
    cudaFree(d_buf);

    std::printf(
        "| fill (%llu MiB) | cbrng GB/s | cuRAND Philox4_32_10 GB/s | cbrng / cuRAND "
        "| cbrng == host |\n",
        static_cast<unsigned long long>(mib));
    std::printf("|---|---:|---:|---:|---|\n");
    for (const row& r : rows) {
        std::printf("| %s | %.1f | %.1f | %.2f | %s |\n", r.what.c_str(), r.cbrng_gbs, r.curand_gbs,
                    r.cbrng_gbs / r.curand_gbs, r.identical ? "yes" : "NO");
    }
    std::printf("| cudaMemset (write ceiling) | %.1f | | | |\n\n", gbs(memset_ms));
    std::printf(
        "cuRAND's floats are not host-reproducible (no host implementation of its "
        "device transforms); cbrng's equal the host's bit for bit (checked above).\n");
    if (!all_identical) {
        std::printf("cuda_fill_bench: FAILED: a cbrng kernel differs from the host\n");
        return 1;
    }
    return 0;
}
