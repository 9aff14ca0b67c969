// cbrng/ambient.hpp: the ambient stream, numpy.random's global generator
// without the lock.
//
// Some code cannot take a generator argument: a user callback, a legacy
// function that "just wants random numbers". numpy serves it with one global
// generator behind a lock, which a fork() from another thread can leave locked
// forever in the child (numpy issue 9248). Here each thread has its own
// current stream, held in a thread_local; a worker names the task's stream for
// the duration of the task:
//
//     { cbrng::task_scope scope{cbrng::stream_id{seed, 0, task}};
//       user_code();   // cbrng::current_stream() is that task's stream
//     }
//
// Nothing is shared between threads, nothing is locked, so a child forked from
// any thread state of the parent finds nothing half-locked. A scoped stream is
// exactly what its id says, before and after fork, in any worker.
//
// Outside any scope a thread uses its default stream, default_stream_id =
// {0x63626e72672d3031, 0, 0} ("cbrng-01"), from position 0: deterministic, and
// the same in every thread of the starting process, so threads that draw
// unscoped get the SAME numbers; give each task a task_scope. In a process
// created by fork() the default stream is re-keyed on its first unscoped use
// to process = that process's pid (see default_stream_for), so a child never
// replays what its parent (or a sibling) draws unscoped. Detecting the fork
// costs one getpid() per unscoped current_stream() call; scoped calls pay
// nothing.
#ifndef CBRNG_AMBIENT_HPP
#define CBRNG_AMBIENT_HPP

#include <cstdint>
#include <type_traits>

#include "config.hpp"
#include "stream.hpp"

#if CBRNG_HAS_FORK
#include <unistd.h>
#endif

CBRNG_NAMESPACE_BEGIN

/// The id of every thread's unscoped default stream in the starting process.
inline constexpr stream_id default_stream_id{0x63626e72672d3031u, 0, 0};

namespace detail {

#if CBRNG_HAS_FORK
/// The pid of the starting process, read once during static initialisation.
/// Immutable afterwards: not mutable static state.
#if CBRNG_CLANG
#pragma clang diagnostic push
// A global constructor on purpose: a function-local static would be
// initialised under a lock (__cxa_guard_acquire), which fork() can inherit held.
#pragma clang diagnostic ignored "-Wglobal-constructors"
#endif
inline const std::uint64_t initial_pid = static_cast<std::uint64_t>(::getpid());
#if CBRNG_CLANG
#pragma clang diagnostic pop
#endif
#endif

struct ambient_state {
    stream<> current{default_stream_id};
    unsigned depth = 0;           // number of live task_scopes in this thread
    std::uint64_t owner_pid = 0;  // process the default stream was last checked in; 0: never
};

[[nodiscard]] inline ambient_state& ambient() noexcept {
    thread_local ambient_state state;
    return state;
}

}  // namespace detail

/// The unscoped default stream id for a process: default_stream_id in the
/// starting process, {default_stream_id.seed, pid, 0} in a forked child.
[[nodiscard]] inline stream_id default_stream_for(std::uint64_t pid) noexcept {
#if CBRNG_HAS_FORK
    if (pid != detail::initial_pid) {
        return {default_stream_id.seed, pid & stream<>::max_process, 0};
    }
#else
    (void)pid;
#endif
    return default_stream_id;
}

/// This thread's current stream: the innermost live task_scope's stream, or
/// the thread's default stream outside any scope. Thread-local, lock-free,
/// safe to call in a child right after fork() whatever the parent's threads
/// were doing. The reference stays valid for the thread's lifetime; what it
/// refers to changes when scopes open and close.
[[nodiscard]] inline stream<>& current_stream() noexcept {
    detail::ambient_state& st = detail::ambient();
#if CBRNG_HAS_FORK
    if (st.depth == 0) {
        const auto pid = static_cast<std::uint64_t>(::getpid());
        if (CBRNG_UNLIKELY(pid != st.owner_pid)) {
            // First unscoped use in this thread, or first after a fork.
            if (pid != detail::initial_pid || st.owner_pid != 0) {
                st.current = stream<>(default_stream_for(pid));
            }
            st.owner_pid = pid;
        }
    }
#endif
    return st.current;
}

/// Installs stream `id` (at position 0) as this thread's current stream for
/// the scope's lifetime, then restores the previous one exactly (including
/// its position). Scopes nest. Not copyable or movable; create and destroy it
/// on the same thread.
class task_scope {
  public:
    /// Throws std::out_of_range if id.process does not fit (stream<>::max_process).
    explicit task_scope(const stream_id& id) : saved_(detail::ambient().current) {
        detail::ambient_state& st = detail::ambient();
        st.current = stream<>(id);
        ++st.depth;
    }
    /// task_scope(stream_id{seed, process, task}): any integer types, as stream_id.
    template <class Seed, class Process, class Task,
              std::enable_if_t<detail::is_integer_argument<Seed> &&
                                   detail::is_integer_argument<Process> &&
                                   detail::is_integer_argument<Task>,
                               int> = 0>
    task_scope(Seed seed, Process process, Task task)
        : task_scope(stream_id{seed, process, task}) {}
    ~task_scope() {
        detail::ambient_state& st = detail::ambient();
        st.current = saved_;
        --st.depth;
    }
    task_scope(const task_scope&) = delete;
    task_scope& operator=(const task_scope&) = delete;

  private:
    stream<> saved_;
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_AMBIENT_HPP
