// tools/cbrng_dump: its bytes are exactly the streams' words (little-endian,
// word 0 first, interleaved block by block), --bytes cuts anywhere, bad
// arguments fail with status 2 and a message naming the argument, and a
// reader closing the pipe ends it with status 0.
#include <catch2/catch.hpp>

#include <cbrng/stream.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

struct result {
    std::vector<unsigned char> out;
    int status = -1;  // exit status; -1 if it did not exit normally
};

/// Runs cbrng_dump with `args` (shell words), reading at most `limit` bytes
/// of its stdout (then closing the pipe), stderr discarded.
result run(const std::string& args, std::size_t limit = ~std::size_t{0}) {
    const std::string cmd = std::string("'") + CBRNG_DUMP_PATH + "' " + args + " 2>/dev/null";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    result r;
    unsigned char buf[4096];
    while (r.out.size() < limit) {
        const std::size_t want = std::min(sizeof buf, limit - r.out.size());
        const std::size_t n = std::fread(buf, 1, want, p);
        r.out.insert(r.out.end(), buf, buf + n);
        if (n < want) break;
    }
    const int st = ::pclose(p);
    if (st != -1 && WIFEXITED(st)) r.status = WEXITSTATUS(st);
    return r;
}

/// What the dump should write: word w of the sequence is word w % N of block
/// w / (N K) of stream (w / N) % K, little-endian, cut to `bytes`.
template <class B>
std::vector<unsigned char> expected(cbrng::stream_id first, int mode, std::uint64_t k,
                                    std::size_t bytes) {
    using S = cbrng::stream<B>;
    using word = typename S::result_type;
    std::vector<S> streams;
    for (std::uint64_t j = 0; j < k; ++j) {
        cbrng::stream_id id = first;
        if (mode == 1) id.task += j;
        if (mode == 2) id.process += j;
        streams.emplace_back(id);
    }
    std::vector<unsigned char> out;
    for (std::uint64_t j = 0; out.size() < bytes; j = (j + 1) % k) {
        for (std::size_t w = 0; w < S::word_count; ++w) {
            const word x = streams[j]();
            for (std::size_t b = 0; b < sizeof(word); ++b) {
                out.push_back(static_cast<unsigned char>(x >> (8 * b)));
            }
        }
    }
    out.resize(bytes);
    return out;
}

template <class B>
void check_generator(const char* gen) {
    const cbrng::stream_id id{0x0123456789abcdefu, 5, 0xfedcba9876543210u};
    const std::string base = std::string("--gen ") + gen + " --seed 0x0123456789abcdef" +
                             " --process 5 --task 18364758544493064720";
    for (const std::size_t bytes : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{64},
                                    std::size_t{1000}, std::size_t{70001}}) {
        CAPTURE(gen, bytes);
        const std::string n = " --bytes " + std::to_string(bytes);
        result r = run(base + n);
        CHECK(r.status == 0);
        CHECK(r.out == expected<B>(id, 0, 1, bytes));
        r = run(base + " --interleave-tasks 3" + n);
        CHECK(r.status == 0);
        CHECK(r.out == expected<B>(id, 1, 3, bytes));
        r = run(base + " --interleave-processes 5" + n);
        CHECK(r.status == 0);
        CHECK(r.out == expected<B>(id, 2, 5, bytes));
    }
}

}  // namespace

TEST_CASE("cbrng_dump writes exactly the streams' words, little-endian, for every generator") {
    check_generator<cbrng::philox4x32_10>("philox4x32_10");
    check_generator<cbrng::philox2x64_10>("philox2x64_10");
    check_generator<cbrng::philox4x64_10>("philox4x64_10");
    check_generator<cbrng::threefry4x32_20>("threefry4x32_20");
    check_generator<cbrng::threefry2x64_20>("threefry2x64_20");
    check_generator<cbrng::threefry4x64_20>("threefry4x64_20");
}

TEST_CASE("cbrng_dump defaults to philox4x32_10 stream {0, 0, 0}; --name=value works") {
    const result r = run("--bytes=100");
    CHECK(r.status == 0);
    CHECK(r.out == expected<cbrng::philox4x32_10>({0, 0, 0}, 0, 1, 100));
    CHECK(run("--bytes 1K").out.size() == 1024);
}

TEST_CASE("cbrng_dump exits 0 when the reader closes the pipe") {
    const result r = run("", 100000);  // endless; pclose after 100000 bytes
    CHECK(r.out.size() == 100000);
    CHECK(r.status == 0);
    CHECK(r.out == expected<cbrng::philox4x32_10>({0, 0, 0}, 0, 1, 100000));
}

TEST_CASE("cbrng_dump rejects bad arguments with status 2 and no output") {
    for (const char* args :
         {"--gen philox2x32_10", "--seed abc", "--seed -1", "--seed 18446744073709551616", "--task",
          "--bytes 5X", "--bytes 17179869184T", "--interleave-tasks 0",
          "--interleave-tasks 2 --interleave-processes 2", "--process 4294967296",
          "--process 4294967295 --interleave-processes 2",
          "--task 18446744073709551615 --interleave-tasks 2", "--frobnicate"}) {
        CAPTURE(args);
        const result r = run(std::string(args) + " --bytes 16");
        CHECK(r.status == 2);
        CHECK(r.out.empty());
    }
    // 64-bit process fields take any process id.
    CHECK(run("--gen philox4x64_10 --process 18446744073709551615 --bytes 16").status == 0);
}

TEST_CASE("cbrng_dump names the bad argument") {
    const std::string cmd = std::string("'") + CBRNG_DUMP_PATH + "' --seed 12z 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string text;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p) != nullptr) text += buf;
    ::pclose(p);
    CHECK(text.find("--seed") != std::string::npos);
    CHECK(text.find("12z") != std::string::npos);
}
