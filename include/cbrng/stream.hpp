// cbrng/stream.hpp: per-task random streams named by (seed, process, task).
//
// This is the type most programs should use. A stream is a uniform random bit
// generator whose every output is a pure function of
//
//     (seed, process id, task id, position)
//
// through a fixed, documented, injective map onto a bijection's (key,
// counter): the key and the upper counter words hold the id, counter word 0
// holds the block index. Nothing is shared, nothing is locked, creating one is
// a handful of register moves, and a task's numbers are the same whichever
// thread, process, rank or GPU runs it. The layout of every stream generator
// is tabulated in the README ("Stream layout") and frozen by golden tests:
// changing it is an OUTPUT CHANGE (major version and inline namespace bump).
//
// "process" is a logical index chosen by the program (an MPI rank, a replica
// or phase number), never the OS pid, so that a run can be reproduced. In a
// dynamically scheduled pool, name streams by task id alone (process fixed)
// and the results do not depend on which worker ran which task.
//
// Errors are loud: an id that does not fit its field throws std::out_of_range
// naming the field and its limit; drawing past the last position throws
// std::out_of_range instead of silently wrapping into numbers already used.
// In CUDA device code, where there are no exceptions, both trap.
#ifndef CBRNG_STREAM_HPP
#define CBRNG_STREAM_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "config.hpp"
#include "detail/block_pair.hpp"
#include "detail/integer_argument.hpp"
#include "detail/io.hpp"
#include "philox.hpp"
#include "threefry.hpp"
#include "word_array.hpp"

CBRNG_NAMESPACE_BEGIN

/// The name of a stream: a 64-bit seed (the experiment), a logical process id
/// (rank, replica; its width depends on the generator, see stream::max_process)
/// and a 64-bit task id. Compare with ==.
///
/// Built from any integer types, so the int rank, int loop index or
/// std::size_t a program holds needs no cast and raises no narrowing or sign
/// warning: `stream_id{seed, rank, task}`, `stream_id{seed, process}` (task 0),
/// `stream_id{seed}` (explicit), `stream_id{}` ({0, 0, 0}). A negative value
/// throws std::out_of_range naming the field ("cbrng::stream_id: process must
/// be >= 0 (got -3)"; a trap in device code; a compile-time error in a
/// constant expression), never a wrap to 2^64 - 1. bool is refused at compile
/// time. Whether the process id fits a generator's field is checked by the
/// stream (stream::max_process). The fields are plain std::uint64_t members.
/// Trivially copyable; constexpr.
///
///     int rank = 3, task = 17;
///     cbrng::stream<> s{cbrng::stream_id{42, rank, task}};
struct stream_id {
    std::uint64_t seed = 0;
    std::uint64_t process = 0;
    std::uint64_t task = 0;

    /// {0, 0, 0}.
    constexpr stream_id() noexcept = default;
    /// {seed, 0, 0}. Explicit, so that stream<>{1, 2} is not read as (id 1, position 2).
    template <class Seed, std::enable_if_t<detail::is_integer_argument<Seed>, int> = 0>
    CBRNG_HOST_DEVICE explicit constexpr stream_id(Seed seed_id)
        : seed(detail::to_unsigned(seed_id, "cbrng::stream_id", "seed must be >= 0")) {}
    /// {seed, process, 0}.
    template <
        class Seed, class Process,
        std::enable_if_t<detail::is_integer_argument<Seed> && detail::is_integer_argument<Process>,
                         int> = 0>
    CBRNG_HOST_DEVICE constexpr stream_id(Seed seed_id, Process process_id)
        : seed(detail::to_unsigned(seed_id, "cbrng::stream_id", "seed must be >= 0")),
          process(detail::to_unsigned(process_id, "cbrng::stream_id", "process must be >= 0")) {}
    /// {seed, process, task}.
    template <class Seed, class Process, class Task,
              std::enable_if_t<detail::is_integer_argument<Seed> &&
                                   detail::is_integer_argument<Process> &&
                                   detail::is_integer_argument<Task>,
                               int> = 0>
    CBRNG_HOST_DEVICE constexpr stream_id(Seed seed_id, Process process_id, Task task_id)
        : seed(detail::to_unsigned(seed_id, "cbrng::stream_id", "seed must be >= 0")),
          process(detail::to_unsigned(process_id, "cbrng::stream_id", "process must be >= 0")),
          task(detail::to_unsigned(task_id, "cbrng::stream_id", "task must be >= 0")) {}

    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(const stream_id& a,
                                                                     const stream_id& b) noexcept {
        return a.seed == b.seed && a.process == b.process && a.task == b.task;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(const stream_id& a,
                                                                     const stream_id& b) noexcept {
        return !(a == b);
    }
};

namespace detail {

[[noreturn]] inline void throw_out_of_range(const std::string& what) {
    throw std::out_of_range(what);
}

/// Where each field of a stream id lives, per generator shape. Every layout
/// keeps the block index in the low block_bits of counter word 0 and nothing
/// else there, so consecutive blocks of one stream are consecutive counters.
template <class Bijection>
struct stream_layout {
    static constexpr bool supported = false;
};

// philox4x32: key = {seed lo, seed hi}; counter = {block, task lo, task hi, process}.
template <unsigned R>
struct stream_layout<philox<4, 32, R>> {
    static constexpr bool supported = true;
    static constexpr const char* name = "philox4x32";
    static constexpr unsigned process_bits = 32;
    static constexpr unsigned block_bits = 32;
    using B = philox<4, 32, R>;
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::key_type key(
        const stream_id& id) noexcept {
        return {{static_cast<std::uint32_t>(id.seed), static_cast<std::uint32_t>(id.seed >> 32)}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::counter_type counter(
        const stream_id& id) noexcept {
        return {{0, static_cast<std::uint32_t>(id.task), static_cast<std::uint32_t>(id.task >> 32),
                 static_cast<std::uint32_t>(id.process)}};
    }
};

// threefry4x32: key = {seed lo, seed hi, 0, 0}; counter = {block, task lo, task hi, process}.
template <unsigned R>
struct stream_layout<threefry<4, 32, R>> {
    static constexpr bool supported = true;
    static constexpr const char* name = "threefry4x32";
    static constexpr unsigned process_bits = 32;
    static constexpr unsigned block_bits = 32;
    using B = threefry<4, 32, R>;
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::key_type key(
        const stream_id& id) noexcept {
        return {
            {static_cast<std::uint32_t>(id.seed), static_cast<std::uint32_t>(id.seed >> 32), 0, 0}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::counter_type counter(
        const stream_id& id) noexcept {
        return {{0, static_cast<std::uint32_t>(id.task), static_cast<std::uint32_t>(id.task >> 32),
                 static_cast<std::uint32_t>(id.process)}};
    }
};

// philox2x64: key = {seed}; counter = {block | process << 32, task}.
template <unsigned R>
struct stream_layout<philox<2, 64, R>> {
    static constexpr bool supported = true;
    static constexpr const char* name = "philox2x64";
    static constexpr unsigned process_bits = 32;
    static constexpr unsigned block_bits = 32;
    using B = philox<2, 64, R>;
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::key_type key(
        const stream_id& id) noexcept {
        return {{id.seed}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::counter_type counter(
        const stream_id& id) noexcept {
        return {{id.process << 32, id.task}};
    }
};

// philox4x64: key = {seed, 0}; counter = {block, task, process, 0}.
template <unsigned R>
struct stream_layout<philox<4, 64, R>> {
    static constexpr bool supported = true;
    static constexpr const char* name = "philox4x64";
    static constexpr unsigned process_bits = 64;
    static constexpr unsigned block_bits = 64;
    using B = philox<4, 64, R>;
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::key_type key(
        const stream_id& id) noexcept {
        return {{id.seed, 0}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::counter_type counter(
        const stream_id& id) noexcept {
        return {{0, id.task, id.process, 0}};
    }
};

// threefry2x64: key = {seed, process}; counter = {block, task}.
template <unsigned R>
struct stream_layout<threefry<2, 64, R>> {
    static constexpr bool supported = true;
    static constexpr const char* name = "threefry2x64";
    static constexpr unsigned process_bits = 64;
    static constexpr unsigned block_bits = 64;
    using B = threefry<2, 64, R>;
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::key_type key(
        const stream_id& id) noexcept {
        return {{id.seed, id.process}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::counter_type counter(
        const stream_id& id) noexcept {
        return {{0, id.task}};
    }
};

// threefry4x64: key = {seed, 0, 0, 0}; counter = {block, task, process, 0}.
template <unsigned R>
struct stream_layout<threefry<4, 64, R>> {
    static constexpr bool supported = true;
    static constexpr const char* name = "threefry4x64";
    static constexpr unsigned process_bits = 64;
    static constexpr unsigned block_bits = 64;
    using B = threefry<4, 64, R>;
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::key_type key(
        const stream_id& id) noexcept {
        return {{id.seed, 0, 0, 0}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr typename B::counter_type counter(
        const stream_id& id) noexcept {
        return {{0, id.task, id.process, 0}};
    }
};

template <class Bijection>
inline constexpr bool is_two_word_32 = Bijection::word_count == 2 && Bijection::word_size == 32;

}  // namespace detail

/// A per-task random stream: a uniform random bit generator whose outputs are
/// a pure function of (seed, process, task, position).
///
/// The words come out block by block, each block's words in order 0..N-1:
/// word p of the stream is word p mod N of
/// `Bijection{}(make_counter(id, p / N), make_key(id))`. Supported generators:
/// philox4x32_10 (the default), philox2x64_10, philox4x64_10,
/// threefry4x32_20, threefry2x64_20, threefry4x64_20 (any round count of those
/// shapes shares its shape's layout). 2x32 generators are refused at compile
/// time: their 64-bit keys and counters cannot hold a 64-bit seed, a task id
/// and a position.
///
/// Cost: construction is a few stores (no heap, no syscall, no seeding
/// ritual); operator() computes two blocks (2N words) at a time, whose
/// dependency chains overlap (for philox4x32 on x86-64, in one AVX2 register
/// where the CPU has it); discard and set_position are O(1). Thread-safety: a trivially copyable
/// value type with no shared state. Stability: the layout and outputs are frozen (README).
///
///     cbrng::stream<> s{cbrng::stream_id{42, rank, task}};
///     std::uint32_t x = s();
template <class Bijection = philox4x32_10>
class stream {
    static_assert(!detail::is_two_word_32<Bijection>,
                  "cbrng::stream: 2x32 generators (64-bit counter and key) are too small to hold a "
                  "64-bit seed, a task id and a position; use philox4x32_10 or a 64-bit generator");
    static_assert(detail::stream_layout<Bijection>::supported,
                  "cbrng::stream: no stream layout for this generator; use philox4x32_10, "
                  "philox2x64_10, philox4x64_10, threefry4x32_20, threefry2x64_20 or "
                  "threefry4x64_20");
    using layout = detail::stream_layout<Bijection>;

  public:
    using bijection_type = Bijection;
    using result_type = typename Bijection::word_type;
    using counter_type = typename Bijection::counter_type;
    using key_type = typename Bijection::key_type;

    /// Words per block.
    static constexpr std::size_t word_count = Bijection::word_count;
    /// Bits available for the process id and for the block index.
    static constexpr unsigned process_bits = layout::process_bits;
    static constexpr unsigned block_bits = layout::block_bits;
    /// The largest process id this generator's layout can hold.
    static constexpr std::uint64_t max_process =
        process_bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << process_bits) - 1;
    /// Number of words in one stream: positions run from 0 to capacity; a
    /// draw at position capacity throws. N * 2^block_bits where that fits in
    /// 64 bits, else 2^64 - N (whole blocks).
    static constexpr std::uint64_t capacity = block_bits + (word_count == 4 ? 2u : 1u) >= 64
                                                  ? ~std::uint64_t{0} - (word_count - 1)
                                                  : std::uint64_t{word_count} << block_bits;
    /// Number of blocks in one stream.
    static constexpr std::uint64_t block_limit = capacity / word_count;

    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return 0; }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept {
        return static_cast<result_type>(~result_type{0});
    }

    /// The key of stream `id` (the documented layout).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr key_type make_key(
        const stream_id& id) noexcept {
        return layout::key(id);
    }
    /// The counter of block `block` of stream `id` (block < block_limit).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr counter_type make_counter(
        const stream_id& id, std::uint64_t block) noexcept {
        counter_type c = layout::counter(id);
        c[0] = static_cast<result_type>(c[0] | block);
        return c;
    }

    /// The stream {0, 0, 0} at position 0.
    CBRNG_HOST_DEVICE constexpr stream() noexcept : stream(stream_id{}, checked{}) {}
    /// Stream `id` at position 0. Throws std::out_of_range if id.process > max_process.
    CBRNG_HOST_DEVICE explicit constexpr stream(const stream_id& id)
        : stream(check(id), checked{}) {}
    /// stream(stream_id{seed, process, task}): any integer types, as stream_id.
    template <class Seed, class Process, class Task,
              std::enable_if_t<detail::is_integer_argument<Seed> &&
                                   detail::is_integer_argument<Process> &&
                                   detail::is_integer_argument<Task>,
                               int> = 0>
    CBRNG_HOST_DEVICE constexpr stream(Seed seed, Process process, Task task)
        : stream(stream_id{seed, process, task}) {}
    /// Stream `id` at `position`. Throws std::out_of_range if the id or the
    /// position (> capacity) does not fit.
    CBRNG_HOST_DEVICE constexpr stream(const stream_id& id, std::uint64_t position) : stream(id) {
        set_position(position);
    }

    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr result_type operator()() {
        if (idx_ == buffer_words) refill();
        return word_at(idx_++);
    }

    /// Number of words drawn so far (the index of the next word).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr std::uint64_t position() const noexcept {
        return next_block_ * word_count - (buffer_words - idx_);
    }
    /// Moves to position p (0 <= p <= capacity) in O(1); throws std::out_of_range otherwise.
    CBRNG_HOST_DEVICE constexpr void set_position(std::uint64_t p) {
        if (CBRNG_UNLIKELY(p > capacity)) position_error("set_position", p);
        next_block_ = p / word_count;
        const auto offset = static_cast<unsigned>(p % word_count);
        if (offset == 0) {
            idx_ = buffer_words;  // nothing buffered; the next draw computes block p / N
        } else {
            set_last_block(block(next_block_++));
            idx_ += offset;
        }
    }
    /// Advances as if by n draws, in O(1); throws std::out_of_range (and does
    /// not move) if that would pass the end of the stream.
    CBRNG_HOST_DEVICE constexpr void discard(std::uint64_t n) {
        if (n <= buffer_words - idx_) {
            idx_ += static_cast<unsigned>(n);
            return;
        }
        const std::uint64_t pos = position();
        if (CBRNG_UNLIKELY(n > capacity - pos)) position_error("discard", n);
        set_position(pos + n);
    }
    /// Words left before the end of the stream.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr std::uint64_t remaining() const noexcept {
        return capacity - position();
    }

    /// Block `b` of this stream (b < block_limit), independent of the position.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr counter_type block(std::uint64_t b) const noexcept {
        return Bijection{}(make_counter(id_, b), key_);
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr stream_id id() const noexcept { return id_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr key_type key() const noexcept { return key_; }

    /// Same id and same position.
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(const stream& a,
                                                                     const stream& b) noexcept {
        return a.id_ == b.id_ && a.position() == b.position();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(const stream& a,
                                                                     const stream& b) noexcept {
        return !(a == b);
    }

    /// Text form: "seed process task position", decimal.
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const stream& s) {
        detail::ostream_state_guard guard{os};
        return os << s.id_.seed << ' ' << s.id_.process << ' ' << s.id_.task << ' ' << s.position();
    }
    /// Reads the text form; malformed or out-of-range text sets failbit and
    /// leaves the stream unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        stream& s) {
        std::uint64_t w[4] = {};
        if (!detail::read_words(is, ~std::uint64_t{0}, w, 4) || w[1] > max_process ||
            w[3] > capacity) {
            is.setstate(is.failbit);
            return is;
        }
        s = stream(stream_id{w[0], w[1], w[2]}, w[3]);
        return is;
    }

  private:
    struct checked {};
    CBRNG_HOST_DEVICE constexpr stream(const stream_id& id, checked) noexcept
        : id_(id), key_(make_key(id)) {}

    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE static constexpr const stream_id& check(
        const stream_id& id) {
        if (CBRNG_UNLIKELY(id.process > max_process)) process_error(id.process);
        return id;
    }

    // The error paths are cold and out of line, and take values, never the
    // stream's address: a stream whose address escapes into a call cannot
    // live in registers.
    [[noreturn]] CBRNG_NOINLINE CBRNG_HOST_DEVICE static void process_error(std::uint64_t process) {
#if CBRNG_DEVICE_PASS
        (void)process;
        __trap();
#else
        detail::throw_out_of_range(std::string("cbrng::stream<") + layout::name + ">: process id " +
                                   std::to_string(process) + " exceeds the process field's limit " +
                                   std::to_string(max_process) + " (" +
                                   std::to_string(process_bits) + " bits)");
#endif
    }

    [[noreturn]] CBRNG_NOINLINE CBRNG_HOST_DEVICE static void position_error(const char* what,
                                                                             std::uint64_t n) {
#if CBRNG_DEVICE_PASS
        (void)what;
        (void)n;
        __trap();
#else
        detail::throw_out_of_range(std::string("cbrng::stream<") + layout::name + ">::" + what +
                                   "(" + std::to_string(n) +
                                   "): past the end of the stream, whose capacity is " +
                                   std::to_string(capacity) + " words");
#endif
    }

    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void refill() {
        if (CBRNG_UNLIKELY(block_limit - next_block_ < 2)) return refill_last();
        detail::block_pair<Bijection>(make_counter(id_, next_block_), key_, buf_);
        next_block_ += 2;
        idx_ = 0;
    }

    // The last block of the stream has no successor to pair with: it goes in
    // the second half of the buffer.
    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void refill_last() {
        if (next_block_ == block_limit) exhausted();
        set_last_block(last_block(id_, key_, next_block_++));
    }
    [[nodiscard]] CBRNG_NOINLINE CBRNG_HOST_DEVICE static constexpr counter_type last_block(
        stream_id id, key_type key, std::uint64_t b) noexcept {
        return Bijection{}(make_counter(id, b), key);
    }

    CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void set_last_block(
        const counter_type& b) noexcept {
        for (std::size_t j = 0; j < word_count; ++j) buf_[word_count + j] = b[j];
        idx_ = word_count;
    }

    // Cold, out of line: keeps operator() small enough to inline everywhere.
    [[noreturn]] CBRNG_NOINLINE CBRNG_HOST_DEVICE static void exhausted() {
#if CBRNG_DEVICE_PASS
        __trap();
#else
        detail::throw_out_of_range(std::string("cbrng::stream<") + layout::name +
                                   ">: ran past the end of the stream (capacity " +
                                   std::to_string(capacity) + " words)");
#endif
    }

    static constexpr unsigned buffer_words = 2 * word_count;

    // buf_[i]. In device code a run-time index into buf_ puts the whole
    // stream in local memory (a stack frame the size of the stream, read once
    // per draw: half the speed, measured in benchmarks/cuda_fill_bench.cu);
    // detail::select_word keeps it in registers (tests/device/registers_audit).
    [[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr result_type word_at(
        unsigned i) const noexcept {
#if CBRNG_DEVICE_PASS
        return detail::select_word(buf_, i);
#else
        return buf_[i];
#endif
    }

    // Invariant: buf_ ends with block next_block_ - 1 (and, when idx_ < N,
    // starts with block next_block_ - 2); idx_ is the next word to return,
    // buffer_words when nothing is buffered.
    stream_id id_;
    key_type key_;
    std::uint64_t next_block_ = 0;  // the first block the next refill computes
    word_array<result_type, buffer_words> buf_{};
    unsigned idx_ = buffer_words;
};

/// A stream with a larger buffer: the same words as stream<Bijection> for the
/// same id, position for position, computed Blocks blocks at a time by the
/// SIMD fill kernels (AVX-512 or AVX2, chosen at run time) where the
/// generator has one (philox4x32_10, threefry4x64_20), else by the bijection
/// in a loop. Host code only.
///
/// When to use which: stream<B> keeps a 2-block buffer, so creating one and
/// drawing a few words costs a handful of nanoseconds, and it lives in
/// registers, also on a GPU. buffered_stream amortises one kernel call over
/// Blocks * N words, so a long run of per-call draws costs less per word,
/// for (Blocks - 2) * N more words of state (568 bytes against 80 for the
/// default philox4x32_10). Its first refill after construction or
/// set_position computes 2 blocks only, so a short-lived one costs little
/// more than a stream<B> (docs/performance.md measures both: creation + 8
/// draws and per-call draws). Everything else is as for stream<B>: the id and position
/// rules, the errors (std::out_of_range naming the field or the end, with
/// "buffered_stream" in the message), O(1) discard and set_position, the
/// text form (a stream's text form reads back as a buffered_stream and the
/// reverse). Thread-safety: a trivially copyable value type with no shared
/// state.
///
///     cbrng::buffered_stream<> s{cbrng::stream_id{42, rank, task}};
///     for (auto& x : v) x = s();   // == the words of cbrng::stream<>{id}
template <class Bijection = philox4x32_10, std::size_t Blocks = 32>
class buffered_stream {
    using base = stream<Bijection>;
    using layout = detail::stream_layout<Bijection>;
    static_assert(Blocks >= 2, "cbrng::buffered_stream: the buffer holds at least 2 blocks");

  public:
    using bijection_type = Bijection;
    using result_type = typename base::result_type;
    using counter_type = typename base::counter_type;
    using key_type = typename base::key_type;

    static constexpr std::size_t word_count = base::word_count;
    static constexpr std::size_t buffer_blocks = Blocks;
    static constexpr unsigned process_bits = base::process_bits;
    static constexpr unsigned block_bits = base::block_bits;
    static constexpr std::uint64_t max_process = base::max_process;
    static constexpr std::uint64_t capacity = base::capacity;
    static constexpr std::uint64_t block_limit = base::block_limit;

    [[nodiscard]] static constexpr result_type min() noexcept { return base::min(); }
    [[nodiscard]] static constexpr result_type max() noexcept { return base::max(); }
    [[nodiscard]] static constexpr key_type make_key(const stream_id& id) noexcept {
        return base::make_key(id);
    }
    [[nodiscard]] static constexpr counter_type make_counter(const stream_id& id,
                                                             std::uint64_t block) noexcept {
        return base::make_counter(id, block);
    }

    /// The stream {0, 0, 0} at position 0.
    buffered_stream() noexcept : id_{}, key_(make_key(id_)) {}
    /// Stream `id` at position 0. Throws std::out_of_range if id.process > max_process.
    explicit buffered_stream(const stream_id& id) : id_(check(id)), key_(make_key(id)) {}
    /// buffered_stream(stream_id{seed, process, task}): any integer types, as stream_id.
    template <class Seed, class Process, class Task,
              std::enable_if_t<detail::is_integer_argument<Seed> &&
                                   detail::is_integer_argument<Process> &&
                                   detail::is_integer_argument<Task>,
                               int> = 0>
    buffered_stream(Seed seed, Process process, Task task)
        : buffered_stream(stream_id{seed, process, task}) {}
    /// Stream `id` at `position`. Throws std::out_of_range if the id or the
    /// position (> capacity) does not fit.
    buffered_stream(const stream_id& id, std::uint64_t position) : buffered_stream(id) {
        set_position(position);
    }
    /// The same id and position as s: the words s would return next.
    explicit buffered_stream(const stream<Bijection>& s) : buffered_stream(s.id(), s.position()) {}

    CBRNG_FORCEINLINE result_type operator()() {
        if (idx_ == buffer_words) refill();
        return buf_[idx_++];
    }

    /// Number of words drawn so far (the index of the next word).
    [[nodiscard]] constexpr std::uint64_t position() const noexcept {
        return next_block_ * word_count - (buffer_words - idx_);
    }
    /// Moves to position p (0 <= p <= capacity) in O(1); throws std::out_of_range otherwise.
    void set_position(std::uint64_t p) {
        if (CBRNG_UNLIKELY(p > capacity)) position_error("set_position", p);
        next_block_ = p / word_count;
        warm_ = false;
        const auto offset = static_cast<std::size_t>(p % word_count);
        idx_ = buffer_words;
        if (offset != 0) {
            const counter_type b = block(next_block_++);
            for (std::size_t j = 0; j < word_count; ++j) buf_[buffer_words - word_count + j] = b[j];
            idx_ = buffer_words - word_count + offset;
        }
    }
    /// Advances as if by n draws, in O(1); throws std::out_of_range (and does
    /// not move) if that would pass the end of the stream.
    void discard(std::uint64_t n) {
        if (n <= buffer_words - idx_) {
            idx_ += static_cast<std::size_t>(n);
            return;
        }
        const std::uint64_t pos = position();
        if (CBRNG_UNLIKELY(n > capacity - pos)) position_error("discard", n);
        set_position(pos + n);
    }
    /// Words left before the end of the stream.
    [[nodiscard]] constexpr std::uint64_t remaining() const noexcept {
        return capacity - position();
    }
    /// Block `b` of this stream (b < block_limit), independent of the position.
    [[nodiscard]] constexpr counter_type block(std::uint64_t b) const noexcept {
        return Bijection{}(make_counter(id_, b), key_);
    }
    [[nodiscard]] constexpr stream_id id() const noexcept { return id_; }
    [[nodiscard]] constexpr key_type key() const noexcept { return key_; }

    /// Same id and same position.
    [[nodiscard]] friend constexpr bool operator==(const buffered_stream& a,
                                                   const buffered_stream& b) noexcept {
        return a.id_ == b.id_ && a.position() == b.position();
    }
    [[nodiscard]] friend constexpr bool operator!=(const buffered_stream& a,
                                                   const buffered_stream& b) noexcept {
        return !(a == b);
    }

    /// Text form: "seed process task position", decimal (as stream's).
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const buffered_stream& s) {
        return os << base(s.id_, s.position());
    }
    /// Reads the text form; malformed or out-of-range text sets failbit and
    /// leaves the stream unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        buffered_stream& s) {
        base b;
        if (is >> b) s = buffered_stream(b);
        return is;
    }

  private:
    static constexpr std::size_t buffer_words = Blocks * word_count;

    static const stream_id& check(const stream_id& id) {
        if (CBRNG_UNLIKELY(id.process > max_process)) process_error(id.process);
        return id;
    }
    [[noreturn]] CBRNG_NOINLINE static void process_error(std::uint64_t process) {
        detail::throw_out_of_range(
            std::string("cbrng::buffered_stream<") + layout::name + ">: process id " +
            std::to_string(process) + " exceeds the process field's limit " +
            std::to_string(max_process) + " (" + std::to_string(process_bits) + " bits)");
    }
    [[noreturn]] CBRNG_NOINLINE static void position_error(const char* what, std::uint64_t n) {
        detail::throw_out_of_range(std::string("cbrng::buffered_stream<") + layout::name +
                                   ">::" + what + "(" + std::to_string(n) +
                                   "): past the end of the stream, whose capacity is " +
                                   std::to_string(capacity) + " words");
    }
    [[noreturn]] CBRNG_NOINLINE static void exhausted() {
        detail::throw_out_of_range(std::string("cbrng::buffered_stream<") + layout::name +
                                   ">: ran past the end of the stream (capacity " +
                                   std::to_string(capacity) + " words)");
    }

    // The refill, out of line so that operator() stays small. The first one
    // after construction or set_position computes 2 blocks (the cost of a
    // stream<B>'s refill), every later one Blocks; either way the new blocks
    // fill the end of the buffer, so position() holds for any refill size.
    CBRNG_NOINLINE void refill() {
        std::uint64_t nb = warm_ ? Blocks : 2;
        warm_ = true;
        if (CBRNG_UNLIKELY(block_limit - next_block_ < nb)) {
            nb = block_limit - next_block_;
            if (nb == 0) exhausted();
        }
        const std::size_t first = buffer_words - static_cast<std::size_t>(nb) * word_count;
        if (nb == 2) {
            word_array<result_type, 2 * word_count> pair{};
            detail::block_pair<Bijection>(make_counter(id_, next_block_), key_, pair);
            for (std::size_t j = 0; j < 2 * word_count; ++j) buf_[first + j] = pair[j];
        } else {
            detail::block_run<Bijection>(make_counter(id_, next_block_), key_, buf_.data() + first,
                                         static_cast<std::size_t>(nb));
        }
        next_block_ += nb;
        idx_ = first;
    }

    // Invariant: buf_[idx_ .. buffer_words) are the next words, the last of
    // them word N * next_block_ - 1; idx_ == buffer_words when none is buffered.
    stream_id id_;
    key_type key_;
    std::uint64_t next_block_ = 0;
    std::size_t idx_ = buffer_words;
    bool warm_ = false;
    // Not value-initialised: zeroing 4 * Blocks * N bytes would double the
    // cost of creating one; a word is read only after a refill wrote it.
    word_array<result_type, buffer_words> buf_;
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_STREAM_HPP
