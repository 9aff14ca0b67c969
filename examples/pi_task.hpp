// Shared by the pi examples: one Monte Carlo task, and how results print.
//
// Task t estimates pi from `points` points drawn from the stream
// {seed, 0, t}: named by the task alone, never by the thread, rank or worker
// that runs it, so every task's hit count is the same however the tasks are
// scheduled. Hits are exact integers and are summed exactly, so the printed
// result is bit-identical for every thread or rank count.
#ifndef CBRNG_EXAMPLES_PI_TASK_HPP
#define CBRNG_EXAMPLES_PI_TASK_HPP

#include <cbrng/cbrng.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace pi_example {

inline constexpr std::uint64_t seed = 20240917;
inline constexpr std::uint64_t tasks = 1000;
inline constexpr std::size_t points = 10000;

/// Counts the points (x, y), two 32-bit draws each from `next()`, inside the
/// quarter disc. Integer arithmetic only: x, y < 2^31, so x^2 + y^2 < 2^63.
template <class Next>
std::uint64_t count_hits(Next&& next, std::size_t n) {
    constexpr std::uint64_t r2 = std::uint64_t{1} << 62;
    std::uint64_t hits = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t x = static_cast<std::uint32_t>(next()) >> 1;
        const std::uint64_t y = static_cast<std::uint32_t>(next()) >> 1;
        hits += (x * x + y * y < r2) ? 1u : 0u;
    }
    return hits;
}

/// The hits of task `task`: its own stream, {seed, 0, task}.
inline std::uint64_t task_hits(std::uint64_t task) {
    cbrng::stream<> s{cbrng::stream_id{seed, 0, task}};
    return count_hits([&s] { return s(); }, points);
}

/// FNV-1a (64-bit) over the little-endian bytes of each (task id, hits) pair,
/// in task order.
inline std::uint64_t digest(const std::vector<std::uint64_t>& per_task) {
    std::uint64_t h = 0xcbf29ce484222325u;
    auto mix = [&h](std::uint64_t v) {
        for (unsigned b = 0; b < 8; ++b) {
            h ^= (v >> (8 * b)) & 0xffu;
            h *= 0x100000001b3u;
        }
    };
    for (std::size_t t = 0; t < per_task.size(); ++t) {
        mix(t);
        mix(per_task[t]);
    }
    return h;
}

/// Prints the "result:" lines the scheduling-invariance tests compare.
inline void print_result(const std::vector<std::uint64_t>& per_task) {
    std::uint64_t hits = 0;
    for (const std::uint64_t h : per_task) hits += h;
    const std::uint64_t total = per_task.size() * points;
    std::printf("result: %llu of %llu points in the quarter disc, pi ~ %.10f\n",
                static_cast<unsigned long long>(hits), static_cast<unsigned long long>(total),
                4.0 * static_cast<double>(hits) / static_cast<double>(total));
    std::printf("result: per-task digest %016llx, task 0..2 hits %llu %llu %llu\n",
                static_cast<unsigned long long>(digest(per_task)),
                static_cast<unsigned long long>(per_task.at(0)),
                static_cast<unsigned long long>(per_task.at(1)),
                static_cast<unsigned long long>(per_task.at(2)));
}

}  // namespace pi_example

#endif  // CBRNG_EXAMPLES_PI_TASK_HPP
