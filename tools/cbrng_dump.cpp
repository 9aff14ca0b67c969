// cbrng_dump: writes the raw bytes of cbrng streams to stdout, for statistical
// test batteries (PractRand, TestU01, dieharder) and for eyeballing.
//
//     cbrng_dump [--gen NAME] [--seed S] [--process P] [--task T] [--bytes N]
//                [--interleave-tasks K | --interleave-processes K]
//
// Single-stream mode writes stream {S, P, T} of generator NAME from position 0.
// The interleaved modes write block b of each of K streams in turn (tasks T,
// T+1, ..., T+K-1, or processes P, ..., P+K-1), then block b+1 of each, and so
// on: a battery then sees the K streams side by side, which is the hardest
// test of their mutual independence.
//
// Byte order: every word is written least significant byte first
// (little-endian), whatever the host's byte order, and the words of a block in
// stream order (word 0 first). A 32-bit battery reading the output as
// little-endian words therefore sees exactly the stream's 32-bit words; a
// 64-bit generator's word w appears as the two 32-bit words (w mod 2^32,
// w >> 32). The output is the same on every machine.
//
// Output ends after --bytes N bytes (the last block cut short if needed), when
// the streams run out of positions (an error), or when the reader closes the
// pipe (exit status 0: that is how `dieharder -g 200` and `RNG_test` stop).
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define CBRNG_DUMP_POSIX 1
#else
#define CBRNG_DUMP_POSIX 0
#endif

namespace {

constexpr const char* usage_text =
    "usage: cbrng_dump [options]\n"
    "Writes the raw bytes of cbrng streams to stdout (words little-endian, word 0 of\n"
    "each block first), endlessly or for --bytes N bytes.\n"
    "\n"
    "  --gen NAME                 philox4x32_10 (default), philox2x64_10, philox4x64_10,\n"
    "                             threefry4x32_20, threefry2x64_20, threefry4x64_20\n"
    "  --seed S                   stream seed (default 0)\n"
    "  --process P                process id (default 0)\n"
    "  --task T                   task id (default 0)\n"
    "  --bytes N                  stop after N bytes; suffixes K, M, G, T (powers of\n"
    "                             1024) allowed; default: endless\n"
    "  --interleave-tasks K       one block from each of the K streams with tasks\n"
    "                             T..T+K-1, in turn\n"
    "  --interleave-processes K   one block from each of the K streams with processes\n"
    "                             P..P+K-1, in turn\n"
    "  --help                     this text\n"
    "\n"
    "Numbers are decimal or 0x-prefixed hexadecimal. Exit status: 0 on success or\n"
    "when the reader closes the pipe, 1 on a write error or when the streams run\n"
    "out of positions, 2 on bad arguments.\n";

struct usage_error {
    std::string message;
};

enum class interleave { none, tasks, processes };

struct options {
    std::string gen = "philox4x32_10";
    std::uint64_t seed = 0;
    std::uint64_t process = 0;
    std::uint64_t task = 0;
    bool bounded = false;
    std::uint64_t bytes = 0;
    interleave mode = interleave::none;
    std::uint64_t k = 1;
};

/// Parses a whole unsigned 64-bit number (decimal or 0x hex), with an optional
/// binary-multiple suffix when `suffixes` is set. Throws usage_error naming `arg`.
std::uint64_t parse_u64(std::string_view arg, std::string_view text, bool suffixes = false) {
    const auto fail = [&](const char* why) {
        throw usage_error{std::string(arg) + ": " + why + ", got '" + std::string(text) + "'"};
    };
    std::string_view digits = text;
    unsigned shift = 0;
    if (suffixes && !digits.empty()) {
        switch (digits.back()) {
            case 'K':
                shift = 10;
                break;
            case 'M':
                shift = 20;
                break;
            case 'G':
                shift = 30;
                break;
            case 'T':
                shift = 40;
                break;
            default:
                break;
        }
        if (shift != 0) digits.remove_suffix(1);
    }
    unsigned base = 10;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
        base = 16;
        digits.remove_prefix(2);
    }
    if (digits.empty()) fail("expected an unsigned integer");
    std::uint64_t value = 0;
    for (const char ch : digits) {
        unsigned d = 0;
        if (ch >= '0' && ch <= '9') {
            d = static_cast<unsigned>(ch - '0');
        } else if (base == 16 && ch >= 'a' && ch <= 'f') {
            d = static_cast<unsigned>(ch - 'a') + 10;
        } else if (base == 16 && ch >= 'A' && ch <= 'F') {
            d = static_cast<unsigned>(ch - 'A') + 10;
        } else {
            fail("expected an unsigned integer");
        }
        if (value > (std::numeric_limits<std::uint64_t>::max() - d) / base) {
            fail("does not fit in 64 bits");
        }
        value = value * base + d;
    }
    if (shift != 0) {
        if (value > (std::numeric_limits<std::uint64_t>::max() >> shift)) {
            fail("does not fit in 64 bits");
        }
        value <<= shift;
    }
    return value;
}

options parse(int argc, char** argv) {
    options opt;
    bool seen_interleave = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage_text, stdout);
            std::exit(0);
        }
        // Accept both "--name value" and "--name=value".
        std::string_view name = arg;
        std::string_view value;
        bool has_value = false;
        if (const auto eq = arg.find('='); arg.substr(0, 2) == "--" && eq != arg.npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            has_value = true;
        }
        const auto next = [&]() -> std::string_view {
            if (has_value) return value;
            if (i + 1 >= argc) throw usage_error{std::string(name) + ": missing value"};
            return argv[++i];
        };
        if (name == "--gen") {
            opt.gen = std::string(next());
        } else if (name == "--seed") {
            opt.seed = parse_u64(name, next());
        } else if (name == "--process") {
            opt.process = parse_u64(name, next());
        } else if (name == "--task") {
            opt.task = parse_u64(name, next());
        } else if (name == "--bytes") {
            opt.bytes = parse_u64(name, next(), true);
            opt.bounded = true;
        } else if (name == "--interleave-tasks" || name == "--interleave-processes") {
            if (seen_interleave) {
                throw usage_error{std::string(name) +
                                  ": --interleave-tasks and --interleave-processes are mutually "
                                  "exclusive (and may be given once)"};
            }
            seen_interleave = true;
            opt.mode = name == "--interleave-tasks" ? interleave::tasks : interleave::processes;
            opt.k = parse_u64(name, next());
            if (opt.k == 0) throw usage_error{std::string(name) + ": K must be at least 1"};
        } else {
            throw usage_error{std::string(arg) + ": unknown argument (try --help)"};
        }
    }
    return opt;
}

/// Buffered writer to stdout: 64 KiB writes, EINTR retried, EPIPE reported.
class output {
  public:
    static constexpr std::size_t capacity = 64 * 1024;

    output() : buf_(capacity) {}

    /// Room for n <= capacity more bytes, flushing first if needed; nullptr
    /// when a flush failed.
    unsigned char* claim(std::size_t n) {
        if (used_ + n > capacity && !flush()) return nullptr;
        unsigned char* p = buf_.data() + used_;
        used_ += n;
        return p;
    }

    /// Writes out the buffer; false when the reader went away (EPIPE) or on
    /// an error, which is then remembered in error().
    bool flush() {
        const unsigned char* p = buf_.data();
        std::size_t left = used_;
        while (left > 0) {
#if CBRNG_DUMP_POSIX
            const ssize_t n = ::write(STDOUT_FILENO, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                return fail(errno);
            }
            p += n;
            left -= static_cast<std::size_t>(n);
#else
            const std::size_t n = std::fwrite(p, 1, left, stdout);
            if (n < left && (std::fflush(stdout), std::ferror(stdout))) return fail(errno);
            p += n;
            left -= n;
#endif
        }
        used_ = 0;
#if !CBRNG_DUMP_POSIX
        if (std::fflush(stdout) != 0) return fail(errno);
#endif
        return true;
    }

    /// 0 while all is well; EPIPE when the reader closed; another errno on failure.
    [[nodiscard]] int error() const noexcept {
        return error_;
    }

  private:
    bool fail(int e) {
        error_ = e == 0 ? EIO : e;
        return false;
    }

    std::vector<unsigned char> buf_;
    std::size_t used_ = 0;
    int error_ = 0;
};

template <class Bijection>
int dump(const options& opt) {
    using stream_type = cbrng::stream<Bijection>;
    using word_type = typename stream_type::result_type;
    constexpr std::size_t words = stream_type::word_count;
    constexpr std::size_t block_bytes = words * sizeof(word_type);

    // Validate the ids up front so that errors name the argument.
    const std::uint64_t last = opt.k - 1;
    if (opt.process > stream_type::max_process) {
        throw usage_error{"--process: " + std::to_string(opt.process) + " exceeds the limit " +
                          std::to_string(stream_type::max_process) + " of " + opt.gen + " streams"};
    }
    if (opt.mode == interleave::tasks && opt.task > ~std::uint64_t{0} - last) {
        throw usage_error{"--interleave-tasks: tasks " + std::to_string(opt.task) + ".." +
                          std::to_string(opt.task) + "+" + std::to_string(last) +
                          " run past 2^64-1"};
    }
    if (opt.mode == interleave::processes && opt.process > stream_type::max_process - last) {
        throw usage_error{"--interleave-processes: processes " + std::to_string(opt.process) +
                          ".." + std::to_string(opt.process) + "+" + std::to_string(last) +
                          " exceed the limit " + std::to_string(stream_type::max_process) + " of " +
                          opt.gen + " streams"};
    }

    const auto id_of = [&](std::uint64_t j) {
        cbrng::stream_id id{opt.seed, opt.process, opt.task};
        if (opt.mode == interleave::tasks) id.task += j;
        if (opt.mode == interleave::processes) id.process += j;
        return id;
    };

    output out;
    std::uint64_t left = opt.bytes;  // when opt.bounded
    // Appends one block; false once output should stop (--bytes reached or a write failed).
    const auto emit = [&](const typename Bijection::counter_type& block) {
        std::size_t bytes = block_bytes;
        if (opt.bounded && left < block_bytes) bytes = static_cast<std::size_t>(left);
        unsigned char* p = out.claim(bytes);
        if (p == nullptr) return false;
        for (std::size_t i = 0; i < bytes; ++i) {  // little-endian, word 0 first
            p[i] = static_cast<unsigned char>(block[i / sizeof(word_type)] >>
                                              (8 * (i % sizeof(word_type))));
        }
        if (!opt.bounded) return true;
        left -= left < block_bytes ? left : block_bytes;
        return left > 0;
    };

    bool running = true;
    for (std::uint64_t b = 0; running && b < stream_type::block_limit; ++b) {
        for (std::uint64_t j = 0; running && j < opt.k; ++j) {
            const cbrng::stream_id id = id_of(j);
            running =
                emit(Bijection{}(stream_type::make_counter(id, b), stream_type::make_key(id)));
        }
    }
    if (out.error() == 0) out.flush();
    if (out.error() == EPIPE) return 0;  // the reader has all it wanted
    if (out.error() != 0) {
        std::fprintf(stderr, "cbrng_dump: write to stdout failed: %s\n",
                     std::strerror(out.error()));
        return 1;
    }
    if (running) {
        std::fprintf(stderr,
                     "cbrng_dump: the streams ran out of positions (%llu blocks each) before "
                     "the requested output was written\n",
                     static_cast<unsigned long long>(stream_type::block_limit));
        return 1;
    }
    return 0;
}

int run(const options& opt) {
    if (opt.gen == "philox4x32_10") return dump<cbrng::philox4x32_10>(opt);
    if (opt.gen == "philox2x64_10") return dump<cbrng::philox2x64_10>(opt);
    if (opt.gen == "philox4x64_10") return dump<cbrng::philox4x64_10>(opt);
    if (opt.gen == "threefry4x32_20") return dump<cbrng::threefry4x32_20>(opt);
    if (opt.gen == "threefry2x64_20") return dump<cbrng::threefry2x64_20>(opt);
    if (opt.gen == "threefry4x64_20") return dump<cbrng::threefry4x64_20>(opt);
    throw usage_error{"--gen: unknown generator '" + opt.gen +
                      "' (philox4x32_10, philox2x64_10, philox4x64_10, threefry4x32_20, "
                      "threefry2x64_20, threefry4x64_20)"};
}

}  // namespace

int main(int argc, char** argv) {
#if defined(SIGPIPE)
    // A closed pipe must surface as EPIPE from write(), not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    try {
        return run(parse(argc, argv));
    } catch (const usage_error& e) {
        std::fprintf(stderr, "cbrng_dump: %s\n", e.message.c_str());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cbrng_dump: %s\n", e.what());
        return 1;
    }
}
