// cuda_pi: the pi examples' Monte Carlo on a GPU, one stream per task in the
// kernel, with the same per-task counts as the CPU.
//
//     cuda_pi [tasks]        default 1000 tasks (pi_task.hpp) x 10000 points
//
// Task t draws its points from its own stream cbrng::stream<>{seed, 0, t},
// created inside the kernel by the thread that runs the task: a few register
// moves, no seeding kernel, no generator state array in global memory. A
// stream's numbers depend on its id alone, so the GPU computes exactly the hit
// counts that pi_task.hpp's task_hits computes on the CPU (and threads_pi,
// openmp_pi and mpi_pi print): the program compares every task's count and
// prints the shared "result:" lines, which the example's test compares with
// threads_pi's.
//
// The inside-the-disc test is integer arithmetic (pi_task.hpp). Floating-point
// arithmetic written in a kernel is compiled by nvcc with FMA contraction
// (--fmad=true is its default), so `x*x + y*y < 1.0` could, rarely, round
// differently on the two sides; integer counts are exact by construction.
// cbrng's own distributions guard their arithmetic (docs/cuda.md).
//
// Without a CUDA device it prints the CPU result and "skipped: no CUDA device".
#include <cuda_runtime.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "pi_task.hpp"

namespace {

/// pi_task.hpp's task_hits as a host/device function: the kernel's version.
CBRNG_HOST_DEVICE std::uint64_t device_task_hits(std::uint64_t task) {
    cbrng::stream<> s{cbrng::stream_id{pi_example::seed, 0, task}};
    constexpr std::uint64_t r2 = std::uint64_t{1} << 62;
    std::uint64_t hits = 0;
    for (std::size_t i = 0; i < pi_example::points; ++i) {
        const std::uint64_t x = s() >> 1, y = s() >> 1;
        hits += (x * x + y * y < r2) ? 1u : 0u;
    }
    return hits;
}

__global__ void pi_kernel(std::uint64_t* hits, std::uint64_t tasks) {
    const std::uint64_t stride = std::uint64_t{gridDim.x} * blockDim.x;
    for (std::uint64_t t = std::uint64_t{blockIdx.x} * blockDim.x + threadIdx.x; t < tasks;
         t += stride) {
        hits[t] = device_task_hits(t);
    }
}

bool cuda_ok(cudaError_t e, const char* what) {
    if (e == cudaSuccess) return true;
    std::printf("%s: %s\n", what, cudaGetErrorString(e));
    return false;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void print_estimate(const char* where, std::uint64_t hits, std::uint64_t total, double secs) {
    std::printf("%s: %llu of %llu points inside, pi ~ %.9f (%.3f s)\n", where,
                static_cast<unsigned long long>(hits), static_cast<unsigned long long>(total),
                4.0 * static_cast<double>(hits) / static_cast<double>(total), secs);
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t tasks = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : pi_example::tasks;
    if (tasks < 3) {
        std::printf("usage: cuda_pi [tasks >= 3]\n");
        return 2;
    }
    const std::uint64_t total = tasks * pi_example::points;
    std::printf("cuda_pi: %llu tasks x %zu points\n", static_cast<unsigned long long>(tasks),
                pi_example::points);

    // CPU: the pi examples' own task function.
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::uint64_t> cpu(tasks);
    std::uint64_t cpu_total = 0;
    for (std::uint64_t t = 0; t < tasks; ++t) cpu_total += cpu[t] = pi_example::task_hits(t);
    print_estimate("CPU", cpu_total, total, seconds_since(t0));

    int devices = 0;
    if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
        pi_example::print_result(cpu);
        std::printf("GPU: skipped: no CUDA device\n");
        return 0;
    }

    // GPU: one thread per task.
    std::uint64_t* d_hits = nullptr;
    if (!cuda_ok(cudaMalloc(&d_hits, tasks * sizeof(std::uint64_t)), "cudaMalloc")) return 1;
    cudaEvent_t start, stop;
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    const unsigned block = 128;
    const auto grid = static_cast<unsigned>((tasks + block - 1) / block);
    cudaEventRecord(start);
    pi_kernel<<<grid, block>>>(d_hits, tasks);
    cudaEventRecord(stop);
    if (!cuda_ok(cudaGetLastError(), "pi_kernel") ||
        !cuda_ok(cudaEventSynchronize(stop), "pi_kernel")) {
        return 1;
    }
    float ms = 0;
    cudaEventElapsedTime(&ms, start, stop);
    std::vector<std::uint64_t> gpu(tasks);
    if (!cuda_ok(
            cudaMemcpy(gpu.data(), d_hits, tasks * sizeof(std::uint64_t), cudaMemcpyDeviceToHost),
            "cudaMemcpy")) {
        return 1;
    }
    cudaFree(d_hits);
    std::uint64_t gpu_total = 0, differ = 0;
    for (std::uint64_t t = 0; t < tasks; ++t) {
        gpu_total += gpu[t];
        differ += gpu[t] != cpu[t] ? 1u : 0u;
    }
    print_estimate("GPU", gpu_total, total, static_cast<double>(ms) / 1e3);
    if (differ != 0) {
        std::printf("FAIL: %llu of %llu per-task counts differ between CPU and GPU\n",
                    static_cast<unsigned long long>(differ),
                    static_cast<unsigned long long>(tasks));
        return 1;
    }
    std::printf("CPU and GPU agree on all %llu per-task counts\n",
                static_cast<unsigned long long>(tasks));
    pi_example::print_result(gpu);
    return 0;
}
