// The device test: cbrng in CUDA kernels gives the host's results, bit for bit.
//
// Every check computes the same thing twice, in a kernel and on the host (the
// same CBRNG_HOST_DEVICE code, compiled by nvcc's device and host passes), and
// compares the two word for word; where a frozen answer exists (Random123's
// known-answer vectors, the stream golden values, the C++26 engine values) both
// must also equal it. Covered: every bijection shape (KAT file plus random
// inputs), counter_engine and philox_engine, every stream generator (golden
// values, positions, discard, block access), every distribution in float and
// double with ordinary and extreme parameters, from 32-bit and 64-bit URBGs
// and from edge-case words (0, all ones, halfway...), the float normal's
// float math over 4.3 million inputs, and the trap that replaces exceptions in
// device code.
//
// Floating point: the test is compiled with nvcc's default --fmad=true on
// purpose. The library passes every inexact product through fp_mul
// (__fmul_rn / __dmul_rn on the device), which nvcc never fuses into an FMA,
// so its results must not depend on that flag; this test proves it, and
// fp_contract_audit checks the generated PTX for FMAs.
//
// Without a CUDA device (CI) the host half still runs; the device half prints
// "skipped: no CUDA device" and the test exits 0 (CTest marks it skipped).
//
//     device_test [path/to/kat_vectors.txt]
#include <cbrng/cbrng.hpp>
#include <cbrng/detail/fp.hpp>
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/beta.hpp>
#include <cbrng/distributions/binomial.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/fisher_f.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/geometric.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/negative_binomial.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/distributions/weibull.hpp>

#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "../support/golden_distributions.hpp"
#include "../support/golden_streams.hpp"

#ifndef CBRNG_TEST_DATA_DIR
#define CBRNG_TEST_DATA_DIR "tests"
#endif

namespace {

using u64 = std::uint64_t;

// ---------------------------------------------------------------------------
// Plumbing: CUDA errors, device buffers, failure accounting.

/// Thrown for a CUDA API failure: the device half cannot go on.
struct cuda_failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void cuda_check(cudaError_t e, const char* what) {
    if (e != cudaSuccess) {
        throw cuda_failure(std::string(what) + ": " + cudaGetErrorName(e) + " (" +
                           cudaGetErrorString(e) + ")");
    }
}

/// Device copy of a host vector; copy_out() brings it back.
template <class T>
class device_vector {
  public:
    explicit device_vector(const std::vector<T>& host) : n_(host.size()) {
        cuda_check(cudaMalloc(&p_, bytes()), "cudaMalloc");
        cuda_check(cudaMemcpy(p_, host.data(), bytes(), cudaMemcpyHostToDevice), "cudaMemcpy");
    }
    explicit device_vector(std::size_t n) : n_(n) {
        cuda_check(cudaMalloc(&p_, bytes()), "cudaMalloc");
        cuda_check(cudaMemset(p_, 0xff, bytes()), "cudaMemset");
    }
    ~device_vector() { cudaFree(p_); }
    device_vector(const device_vector&) = delete;
    device_vector& operator=(const device_vector&) = delete;

    [[nodiscard]] T* get() const noexcept { return p_; }
    [[nodiscard]] std::vector<T> copy_out() const {
        std::vector<T> host(n_);
        cuda_check(cudaMemcpy(host.data(), p_, bytes(), cudaMemcpyDeviceToHost), "cudaMemcpy");
        return host;
    }

  private:
    [[nodiscard]] std::size_t bytes() const noexcept { return (n_ == 0 ? 1 : n_) * sizeof(T); }
    T* p_ = nullptr;
    std::size_t n_;
};

void sync_after_launch(const char* kernel) {
    cuda_check(cudaGetLastError(), kernel);
    cuda_check(cudaDeviceSynchronize(), kernel);
}

unsigned grid_for(std::size_t n, unsigned block) {
    return static_cast<unsigned>((n + block - 1) / block);
}

int failures = 0;

/// Compares device and host words; prints the first few differences.
bool same_words(const char* what, const std::vector<u64>& device, const std::vector<u64>& host) {
    if (device.size() != host.size()) {
        std::printf("FAIL %s: %zu device words, %zu host words\n", what, device.size(),
                    host.size());
        ++failures;
        return false;
    }
    std::size_t shown = 0, bad = 0;
    for (std::size_t i = 0; i < host.size(); ++i) {
        if (device[i] == host[i]) continue;
        ++bad;
        if (shown++ < 5) {
            std::printf("FAIL %s: word %zu: device %llu, host %llu\n", what, i,
                        static_cast<unsigned long long>(device[i]),
                        static_cast<unsigned long long>(host[i]));
        }
    }
    if (bad != 0) {
        std::printf("FAIL %s: %zu of %zu words differ\n", what, bad, host.size());
        ++failures;
    }
    return bad == 0;
}

void expect(bool ok, const std::string& what) {
    if (!ok) {
        std::printf("FAIL %s\n", what.c_str());
        ++failures;
    }
}

// ---------------------------------------------------------------------------
// Bijections: Random123's known-answer vectors, then random inputs.

/// One (counter, key) -> expected block case of any shape; unused words are 0.
struct bijection_case {
    u64 ctr[4];
    u64 key[4];
    u64 expect[4];
};

/// The probe: the same function runs on the host and in the kernel.
template <class Gen>
CBRNG_HOST_DEVICE void bijection_probe(const bijection_case& c, u64* out) {
    using word = typename Gen::word_type;
    typename Gen::counter_type x{};
    typename Gen::key_type k{};
    for (std::size_t j = 0; j < x.size(); ++j) x[j] = static_cast<word>(c.ctr[j]);
    for (std::size_t j = 0; j < k.size(); ++j) k[j] = static_cast<word>(c.key[j]);
    const auto y = Gen{}(x, k);
    for (std::size_t j = 0; j < 4; ++j) out[j] = j < y.size() ? y[j] : 0;
}

template <class Gen>
__global__ void bijection_kernel(const bijection_case* cases, u64* out, unsigned n) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) bijection_probe<Gen>(cases[i], out + 4 * std::size_t{i});
}

/// Runs `cases` through Gen in a kernel (when `device`) and on the host;
/// returns false on any difference from each other or from c.expect.
template <class Gen>
bool run_bijection_cases(const std::string& what, const std::vector<bijection_case>& cases,
                         bool device) {
    std::vector<u64> host(4 * cases.size()), expected(4 * cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        bijection_probe<Gen>(cases[i], &host[4 * i]);
        for (std::size_t j = 0; j < 4; ++j) expected[4 * i + j] = cases[i].expect[j];
    }
    bool ok = same_words((what + " host vs expected").c_str(), host, expected);
    if (!device) return ok;
    const device_vector<bijection_case> d_cases(cases);
    device_vector<u64> d_out(host.size());
    const auto n = static_cast<unsigned>(cases.size());
    bijection_kernel<Gen><<<grid_for(n, 128), 128>>>(d_cases.get(), d_out.get(), n);
    sync_after_launch("bijection_kernel");
    return same_words((what + " device vs host").c_str(), d_out.copy_out(), host) && ok;
}

struct kat_line {
    std::string name;
    unsigned rounds = 0;
    bijection_case c{};
    bool checked = false;
};

std::vector<kat_line> read_kat(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::vector<kat_line> lines;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ss(line);
        kat_line k;
        if (!(ss >> k.name) || k.name[0] == '#') continue;
        if (k.name.rfind("philox", 0) != 0 && k.name.rfind("threefry", 0) != 0) continue;
        ss >> k.rounds;
        std::vector<u64> w;
        std::string tok;
        while (ss >> tok) w.push_back(std::stoull(tok, nullptr, 16));
        const std::size_t n = k.name.find("4x") != std::string::npos ? 4 : 2;
        const std::size_t nk = k.name[0] == 'p' ? n / 2 : n;
        if (w.size() != 2 * n + nk) throw std::runtime_error("malformed KAT line: " + line);
        for (std::size_t j = 0; j < n; ++j) k.c.ctr[j] = w[j];
        for (std::size_t j = 0; j < nk; ++j) k.c.key[j] = w[n + j];
        for (std::size_t j = 0; j < n; ++j) k.c.expect[j] = w[n + nk + j];
        lines.push_back(k);
    }
    return lines;
}

/// Runs the KAT lines of generator `name` whose round count is one of R...
/// (the counts the file uses; instantiating all of 1..72 would only slow the
/// build). A line with a round count outside the list stays unchecked, and
/// main() fails on it.
template <template <std::size_t, std::size_t, unsigned> class G, std::size_t N, std::size_t W,
          unsigned... R>
void run_kat(std::vector<kat_line>& lines, const char* name, bool device) {
    const auto run_rounds = [&](auto rounds) {
        constexpr unsigned r = decltype(rounds)::value;
        std::vector<bijection_case> cases;
        for (auto& k : lines) {
            if (k.name == name && k.rounds == r) {
                cases.push_back(k.c);
                k.checked = true;
            }
        }
        if (cases.empty()) return;
        run_bijection_cases<G<N, W, r>>(std::string("kat ") + name + " R=" + std::to_string(r),
                                        cases, device);
    };
    (run_rounds(std::integral_constant<unsigned, R>{}), ...);
}

void test_kat(const std::string& path, bool device) {
    auto lines = read_kat(path);
    run_kat<cbrng::philox, 2, 32, 7, 10>(lines, "philox2x32", device);
    run_kat<cbrng::philox, 4, 32, 7, 10>(lines, "philox4x32", device);
    run_kat<cbrng::philox, 2, 64, 7, 10>(lines, "philox2x64", device);
    run_kat<cbrng::philox, 4, 64, 7, 10>(lines, "philox4x64", device);
    run_kat<cbrng::threefry, 2, 32, 13, 20, 32>(lines, "threefry2x32", device);
    run_kat<cbrng::threefry, 4, 32, 13, 20, 72>(lines, "threefry4x32", device);
    run_kat<cbrng::threefry, 2, 64, 13, 20, 32>(lines, "threefry2x64", device);
    run_kat<cbrng::threefry, 4, 64, 13, 20, 72>(lines, "threefry4x64", device);
    std::size_t checked = 0;
    for (const auto& k : lines) {
        if (k.checked) {
            ++checked;
        } else {
            expect(false, "kat " + k.name + " R=" + std::to_string(k.rounds) +
                              ": round count not in the device test's list (add it to run_kat)");
        }
    }
    expect(checked == 60, "kat: expected 60 Philox/Threefry vectors, found " +
                              std::to_string(checked) + " in " + path);
    std::printf("kat: %zu known-answer vectors checked (%s)\n", checked,
                device ? "device == host == Random123" : "host == Random123");
}

/// Random counters and keys through the default-round shapes: device vs host.
template <class Gen>
void random_bijection(const char* name, bool device) {
    std::mt19937_64 rng(0x6362726e67u);  // fixed: the test is deterministic
    std::vector<bijection_case> cases(4096);
    for (auto& c : cases) {
        for (auto& w : c.ctr) w = rng();
        for (auto& w : c.key) w = rng();
        if (Gen::word_size == 32) {
            for (auto& w : c.ctr) w &= 0xffffffffu;
            for (auto& w : c.key) w &= 0xffffffffu;
        }
        bijection_probe<Gen>(c, c.expect);  // the host is the reference here
    }
    run_bijection_cases<Gen>(std::string("random ") + name, cases, device);
}

void test_random_bijections(bool device) {
    random_bijection<cbrng::philox2x32_10>("philox2x32_10", device);
    random_bijection<cbrng::philox4x32_10>("philox4x32_10", device);
    random_bijection<cbrng::philox2x64_10>("philox2x64_10", device);
    random_bijection<cbrng::philox4x64_10>("philox4x64_10", device);
    random_bijection<cbrng::threefry2x32_20>("threefry2x32_20", device);
    random_bijection<cbrng::threefry4x32_20>("threefry4x32_20", device);
    random_bijection<cbrng::threefry2x64_20>("threefry2x64_20", device);
    random_bijection<cbrng::threefry4x64_20>("threefry4x64_20", device);
    std::printf("bijections: 8 shapes x 4096 random inputs checked (%s)\n",
                device ? "device == host" : "host only");
}

// ---------------------------------------------------------------------------
// Engines: the C++26 values, and counter_engine over every bijection.

constexpr std::size_t engine_words = 24;

template <class Engine>
CBRNG_HOST_DEVICE void engine_probe(const Engine& start, u64* out) {
    std::size_t o = 0;
    Engine g;  // default seed 20111115: out[0] is the C++26 10000th-output value
    g.discard(9999);
    out[o++] = g();
    Engine e = start;
    for (int i = 0; i < 6; ++i) out[o++] = e();
    e.discard(3);
    out[o++] = e();
    e.discard(1000001);
    out[o++] = e();
    Engine f = e;
    out[o++] = f == e ? 1 : 0;
    out[o++] = f();
    out[o++] = f != e ? 1 : 0;
    out[o++] = e.key()[0];
    out[o++] = e.counter()[0];
    out[o++] = Engine::max();
    e.seed(12345u);
    out[o++] = e();
    e.seed(typename Engine::key_type{});
    out[o++] = e();
    while (o < engine_words) out[o++] = 0;
}

template <class Engine>
__global__ void engine_kernel(Engine start, u64* out) {
    engine_probe(start, out);
}

template <class Engine>
std::vector<u64> run_engine(const char* name, const Engine& e, bool device) {
    std::vector<u64> host(engine_words);
    engine_probe(e, host.data());
    if (device) {
        device_vector<u64> d_out(engine_words);
        engine_kernel<<<1, 1>>>(e, d_out.get());
        sync_after_launch("engine_kernel");
        same_words((std::string("engine ") + name + " device vs host").c_str(), d_out.copy_out(),
                   host);
    }
    return host;
}

void test_engines(bool device) {
    // The standard's required values: the 10000th output of a default engine.
    const auto p32 = run_engine("philox4x32", cbrng::philox4x32{}, device);
    expect(p32[0] == 1955073260u, "philox4x32: 10000th output must be 1955073260");
    const auto p64 = run_engine("philox4x64", cbrng::philox4x64{}, device);
    expect(p64[0] == 3409172418970261260u,
           "philox4x64: 10000th output must be 3409172418970261260");
    // counter_engine<philox4x32_10> with the default seed is philox4x32.
    const auto c32 = run_engine("counter_engine<philox4x32_10>",
                                cbrng::counter_engine<cbrng::philox4x32_10>{}, device);
    expect(c32[0] == 1955073260u, "counter_engine<philox4x32_10>: 10000th output");
    run_engine("counter_engine<philox2x32_10>",
               cbrng::counter_engine<cbrng::philox2x32_10>{{0x9abcdefu}}, device);
    run_engine("counter_engine<philox2x64_10>",
               cbrng::counter_engine<cbrng::philox2x64_10>{{0x123456789abcdefu}}, device);
    run_engine("counter_engine<philox4x64_10>", cbrng::counter_engine<cbrng::philox4x64_10>{{1, 2}},
               device);
    run_engine("counter_engine<threefry2x32_20>",
               cbrng::counter_engine<cbrng::threefry2x32_20>{{3, 4}}, device);
    run_engine("counter_engine<threefry4x32_20>",
               cbrng::counter_engine<cbrng::threefry4x32_20>{{5, 6, 7, 8}}, device);
    run_engine("counter_engine<threefry2x64_20>",
               cbrng::counter_engine<cbrng::threefry2x64_20>{{9, 10}}, device);
    run_engine("counter_engine<threefry4x64_20>",
               cbrng::counter_engine<cbrng::threefry4x64_20>{{11, 12, 13, ~u64{0}}}, device);
    std::printf("engines: philox4x32, philox4x64 and counter_engine over 8 bijections (%s)\n",
                device ? "device == host" : "host only");
}

// ---------------------------------------------------------------------------
// Streams: golden values, then positions, discard and block access.

struct stream_case {
    u64 id[3];
    u64 position;
};

constexpr std::size_t stream_words = 24;

/// Golden layout (first four words, word 1000) then positions, discard and
/// block access from c.position.
template <class B>
CBRNG_HOST_DEVICE void stream_probe(const stream_case& c, u64* out) {
    using S = cbrng::stream<B>;
    const cbrng::stream_id id{c.id[0], c.id[1], c.id[2]};
    std::size_t o = 0;
    S g{id};
    for (int i = 0; i < 4; ++i) out[o++] = g();
    g.set_position(1000);
    out[o++] = g();
    S s{id, c.position};
    for (int i = 0; i < 7; ++i) out[o++] = s();
    s.discard(5);
    out[o++] = s();
    out[o++] = s.position();
    out[o++] = s.remaining();
    const auto blk = s.block(c.position / S::word_count);
    out[o++] = blk[0];
    out[o++] = blk[S::word_count - 1];
    S t{c.id[0], c.id[1], c.id[2]};
    t.discard(c.position);
    out[o++] = t == S{id, c.position} ? 1 : 0;
    out[o++] = t();
    out[o++] = S::make_key(id)[0];
    out[o++] = S::make_counter(id, 7)[S::word_count - 1];
    while (o < stream_words) out[o++] = 0;
}

template <class B>
__global__ void stream_kernel(const stream_case* cases, u64* out, unsigned n) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) stream_probe<B>(cases[i], out + stream_words * std::size_t{i});
}

template <class B>
void run_stream(const char* name, bool device) {
    using S = cbrng::stream<B>;
    std::vector<stream_case> cases;
    std::vector<const cbrng_test::golden_stream*> golden;
    for (const auto& g : cbrng_test::golden_streams) {
        if (std::strcmp(g.generator, name) != 0) continue;
        // Positions: block starts and middles, far out, and near the end.
        for (u64 pos : {u64{0}, u64{1}, u64{3}, u64{4}, u64{1000}, u64{123457}, S::capacity - 32}) {
            cases.push_back({{g.id[0], g.id[1], g.id[2]}, pos});
            golden.push_back(&g);
        }
    }
    expect(cases.size() == 21, std::string("stream ") + name + ": 3 golden streams expected");
    std::vector<u64> host(stream_words * cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        u64* out = &host[stream_words * i];
        stream_probe<B>(cases[i], out);
        const auto& g = *golden[i];
        expect(
            out[0] == g.first[0] && out[1] == g.first[1] && out[2] == g.first[2] &&
                out[3] == g.first[3] && out[4] == g.at_1000,
            std::string("stream ") + name + ": host differs from tests/support/golden_streams.hpp");
    }
    if (!device) return;
    const device_vector<stream_case> d_cases(cases);
    device_vector<u64> d_out(host.size());
    const auto n = static_cast<unsigned>(cases.size());
    stream_kernel<B><<<grid_for(n, 64), 64>>>(d_cases.get(), d_out.get(), n);
    sync_after_launch("stream_kernel");
    same_words((std::string("stream ") + name + " device vs host").c_str(), d_out.copy_out(), host);
}

void test_streams(bool device) {
    run_stream<cbrng::philox4x32_10>("philox4x32_10", device);
    run_stream<cbrng::philox2x64_10>("philox2x64_10", device);
    run_stream<cbrng::philox4x64_10>("philox4x64_10", device);
    run_stream<cbrng::threefry4x32_20>("threefry4x32_20", device);
    run_stream<cbrng::threefry2x64_20>("threefry2x64_20", device);
    run_stream<cbrng::threefry4x64_20>("threefry4x64_20", device);
    std::printf("streams: 6 generators x 3 golden ids x 7 positions (%s)\n",
                device ? "device == host == golden" : "host == golden");
}

// ---------------------------------------------------------------------------
// Distributions: every one, float and double, ordinary and extreme
// parameters, from a 32-bit URBG (stream<>), a 64-bit URBG (philox4x64) and
// a URBG that cycles through edge-case words. Distributions are built on the
// host and passed to the kernel by value.

/// One of each distribution; three parameter sets below.
struct dist_set {
    cbrng::uniform_real_distribution<float> uf;
    cbrng::uniform_real_distribution<double> ud;
    cbrng::normal_distribution<float> nf;
    cbrng::normal_distribution<double> nd;
    cbrng::exponential_distribution<float> ef;
    cbrng::exponential_distribution<double> ed;
    cbrng::bernoulli_distribution b;
    cbrng::uniform_int_distribution<int> ui;
    cbrng::uniform_int_distribution<std::int8_t> ui8;
    cbrng::uniform_int_distribution<std::uint32_t> u32;
    cbrng::uniform_int_distribution<std::int64_t> i64;
    cbrng::uniform_int_distribution<std::uint64_t> u64;
};
constexpr std::size_t dist_words = 12;  // variates per dist_probe call

std::vector<dist_set> dist_sets() {
    using urf = cbrng::uniform_real_distribution<float>;
    using urd = cbrng::uniform_real_distribution<double>;
    using nf = cbrng::normal_distribution<float>;
    using nd = cbrng::normal_distribution<double>;
    using ef = cbrng::exponential_distribution<float>;
    using ed = cbrng::exponential_distribution<double>;
    using bern = cbrng::bernoulli_distribution;
    using ui = cbrng::uniform_int_distribution<int>;
    using ui8 = cbrng::uniform_int_distribution<std::int8_t>;
    using u32 = cbrng::uniform_int_distribution<std::uint32_t>;
    using i64 = cbrng::uniform_int_distribution<std::int64_t>;
    using u64d = cbrng::uniform_int_distribution<std::uint64_t>;
    constexpr double dmax = 1.7976931348623157e308;
    constexpr float fmax = 3.40282347e38f;
    constexpr std::int64_t i64min = -9223372036854775807 - 1;
    constexpr std::uint64_t top = std::uint64_t{1} << 63;
    return {
        // Defaults.
        {urf(), urd(), nf(), nd(), ef(), ed(), bern(), ui(), ui8(), u32(), i64(), u64d()},
        // Ordinary parameters.
        {urf(-1.0f, 2.5f), urd(-3.0, 1e-3), nf(1.5f, 0.25f), nd(-1e3, 7.0), ef(0.5f), ed(2.5),
         bern(0.3), ui(-5, 1000), ui8(-3, 7), u32(10, 4000000000u), i64(-7, std::int64_t{1} << 40),
         u64d(1, ~std::uint64_t{0} - 7)},
        // Extremes: spans that overflow, huge and tiny scales, a p near 0,
        // full-range integers.
        {urf(-fmax, fmax), urd(-dmax, 0.75 * dmax), nf(1e30f, 1e25f), nd(0.0, 1e-300), ef(1e-30f),
         ed(1e300), bern(1e-12), ui(-2147483647 - 1, 2147483647), ui8(-128, 127),
         u32(0, 0xffffffffu), i64(i64min, 9223372036854775807), u64d(0, ~std::uint64_t{0})},
        // Subnormal ranges and scales, a == b, p = 1, single-value integer ranges.
        {urf(0.0f, 1e-40f), urd(5e-324, 5e-324), nf(-0.0f, 1.0f), nd(0.0, 5e-324), ef(3e38f),
         ed(5e-324), bern(1.0), ui(7, 7), ui8(0, 0), u32(0, 0x80000000u), i64(0, 2),
         u64d(top, top + 2)},
    };
}

template <class T>
CBRNG_HOST_DEVICE u64 bits_of(T x) {
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
        return cbrng::detail::to_bits(x);
    } else {
        return static_cast<u64>(x);
    }
}

template <class URBG>
CBRNG_HOST_DEVICE void dist_probe(const dist_set& d, URBG& g, u64* out) {
    out[0] = bits_of(d.uf(g));
    out[1] = bits_of(d.ud(g));
    out[2] = bits_of(d.nf(g));
    out[3] = bits_of(d.nd(g));
    out[4] = bits_of(d.ef(g));
    out[5] = bits_of(d.ed(g));
    out[6] = bits_of(d.b(g));
    out[7] = bits_of(d.ui(g));
    out[8] = bits_of(d.ui8(g));
    out[9] = bits_of(d.u32(g));
    out[10] = bits_of(d.i64(g));
    out[11] = bits_of(d.u64(g));
}

/// Cycles through 16 edge-case words, starting at `start`.
template <class Word>
struct edge_urbg {
    using result_type = Word;
    Word w[16];
    unsigned i;
    CBRNG_HOST_DEVICE static constexpr Word min() noexcept { return 0; }
    CBRNG_HOST_DEVICE static constexpr Word max() noexcept { return static_cast<Word>(~Word{0}); }
    CBRNG_HOST_DEVICE Word operator()() noexcept { return w[i++ % 16]; }
};

template <class Word>
CBRNG_HOST_DEVICE edge_urbg<Word> make_edge_urbg(unsigned start) {
    constexpr unsigned shift = sizeof(Word) * 8 - 1;
    const Word one = 1, top = static_cast<Word>(one << shift), all = static_cast<Word>(~Word{0});
    return {{0, 1, 2, 3, static_cast<Word>(top - 1), top, static_cast<Word>(top + 1),
             static_cast<Word>(all - 2), static_cast<Word>(all - 1), all, 0xff,
             static_cast<Word>(all << 8), 0x100, static_cast<Word>(all / 3),
             static_cast<Word>(all / 3 * 2), static_cast<Word>(top >> 1)},
            start};
}

constexpr unsigned dist_threads = 64;  // per parameter set
constexpr unsigned dist_rounds = 32;   // probes per URBG per thread
constexpr std::size_t dist_thread_words = 4 * dist_rounds * dist_words;

/// Thread t of set k: stream<>{k, 0, t}, philox4x64 seeded with t, and the
/// two edge-word URBGs starting at word t % 16.
CBRNG_HOST_DEVICE void dist_thread(const dist_set& d, unsigned k, unsigned t, u64* out) {
    cbrng::stream<> s{cbrng::stream_id{0xd157u + k, 0, t}};
    cbrng::philox4x64 e{t};
    auto e32 = make_edge_urbg<std::uint32_t>(t % 16);
    auto e64 = make_edge_urbg<std::uint64_t>(t % 16);
    for (unsigned r = 0; r < dist_rounds; ++r, out += 4 * dist_words) {
        dist_probe(d, s, out);
        dist_probe(d, e, out + dist_words);
        dist_probe(d, e32, out + 2 * dist_words);
        dist_probe(d, e64, out + 3 * dist_words);
    }
}

__global__ void dist_kernel(const dist_set* sets, unsigned n_sets, u64* out) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n_sets * dist_threads) {
        dist_thread(sets[i / dist_threads], i / dist_threads, i % dist_threads,
                    out + dist_thread_words * std::size_t{i});
    }
}

/// Distributions constructed in device code, param() / min() / max() /
/// operator==, and O(1) random access with variate_at.
constexpr std::size_t construct_words = 24;

CBRNG_HOST_DEVICE void dist_construct_probe(unsigned t, u64* out) {
    cbrng::stream<> s{cbrng::stream_id{0xc0de, 1, t}};
    const cbrng::uniform_real_distribution<float> uf(-2.0f, static_cast<float>(t) + 1.0f);
    const cbrng::uniform_real_distribution<double> ud;
    const cbrng::normal_distribution<double> nd(static_cast<double>(t), 3.0);
    const cbrng::normal_distribution<float> nf;
    const cbrng::exponential_distribution<double> ed(0.25);
    const cbrng::exponential_distribution<float> ef;
    const cbrng::bernoulli_distribution b(0.75);
    const cbrng::uniform_int_distribution<int> ui(1, 6);
    const cbrng::uniform_int_distribution<std::uint64_t> u64d;
    std::size_t o = 0;
    out[o++] = bits_of(uf(s));
    out[o++] = bits_of(nd(s));
    out[o++] = bits_of(nf(s, nf.param()));
    out[o++] = bits_of(ed(s));
    out[o++] = bits_of(b(s));
    out[o++] = bits_of(ui(s));
    out[o++] = bits_of(u64d(s));
    out[o++] = bits_of(nd.min());
    out[o++] = bits_of(nd.max());
    out[o++] = bits_of(ef.max());
    out[o++] = bits_of(ui.min()) + bits_of(ui.max());
    out[o++] = bits_of(u64d.max());
    out[o++] = (uf == uf && uf != cbrng::uniform_real_distribution<float>()) ? 1 : 0;
    // variate_at: the i-th variate without drawing the ones before it.
    cbrng::stream<> v{cbrng::stream_id{0xc0de, 2, t}};
    cbrng::philox4x64 e{t};
    auto nd_copy = nd;
    auto ef_copy = ef;
    auto ud_copy = ud;
    auto b_copy = b;
    out[o++] = bits_of(cbrng::variate_at(v, nd_copy, 1000003));
    out[o++] = bits_of(cbrng::variate_at(v, ef_copy, t));
    out[o++] = bits_of(cbrng::variate_at(e, ud_copy, 77));
    out[o++] = bits_of(cbrng::variate_at(e, b_copy, 5));
    for (int i = 0; i < 5; ++i) (void)nd_copy(v);
    out[o++] = bits_of(nd_copy(v));  // variate 5 sequentially...
    out[o++] = bits_of(cbrng::variate_at(cbrng::stream<>{cbrng::stream_id{0xc0de, 2, t}}, nd_copy,
                                         5));  // ...and by random access
    while (o < construct_words) out[o++] = 0;
}

__global__ void dist_construct_kernel(u64* out, unsigned n) {
    const unsigned t = blockIdx.x * blockDim.x + threadIdx.x;
    if (t < n) dist_construct_probe(t, out + construct_words * std::size_t{t});
}

void test_distributions_in_kernel(bool device) {
    constexpr unsigned n = 128;
    std::vector<u64> host(construct_words * n);
    for (unsigned t = 0; t < n; ++t) {
        u64* out = &host[construct_words * t];
        dist_construct_probe(t, out);
        expect(out[17] == out[18], "variate_at(stream, normal, 5) != the 6th sequential variate");
    }
    if (device) {
        device_vector<u64> d_out(host.size());
        dist_construct_kernel<<<grid_for(n, 64), 64>>>(d_out.get(), n);
        sync_after_launch("dist_construct_kernel");
        same_words("distributions built in a kernel, variate_at: device vs host", d_out.copy_out(),
                   host);
    }
    std::printf("distributions built in device code, variate_at (%s)\n",
                device ? "device == host" : "host only");
}

void test_distributions(bool device) {
    const std::vector<dist_set> sets = dist_sets();
    const auto n_sets = static_cast<unsigned>(sets.size());
    std::vector<u64> host(dist_thread_words * n_sets * dist_threads);
    for (unsigned i = 0; i < n_sets * dist_threads; ++i) {
        dist_thread(sets[i / dist_threads], i / dist_threads, i % dist_threads,
                    &host[dist_thread_words * i]);
    }
    if (device) {
        const device_vector<dist_set> d_sets(sets);
        device_vector<u64> d_out(host.size());
        dist_kernel<<<grid_for(n_sets * dist_threads, 64), 64>>>(d_sets.get(), n_sets, d_out.get());
        sync_after_launch("dist_kernel");
        same_words("distributions device vs host", d_out.copy_out(), host);
    }
    std::printf("distributions: 12 kinds x %u parameter sets x %zu variates (%s)\n", n_sets,
                host.size() / dist_words / n_sets, device ? "device == host" : "host only");
}

// ---------------------------------------------------------------------------
// Golden distribution values (tests/support/golden_distributions.hpp), in a kernel.
// Cases on cbrng engines run the engine in the kernel; cases on std::mt19937
// and std::mt19937_64 (host-only engines) replay, in the kernel, the words the
// host engine produced, so the distribution's arithmetic still runs on the
// device.

constexpr std::size_t golden_n = cbrng_golden::values_per_case;
constexpr std::size_t replay_words = 256;  // enough for 16 variates with rejections

/// A URBG of range 2^Bits: a cbrng engine (philox4x32 or philox4x64) seeded
/// with `seed`, or a replay of host-generated words.
template <unsigned Bits>
struct golden_urbg {
    using result_type = std::conditional_t<Bits == 32, std::uint32_t, std::uint64_t>;
    using engine = std::conditional_t<Bits == 32, cbrng::philox4x32, cbrng::philox4x64>;
    engine e;
    const u64* replay;  // null: use e
    unsigned i;
    CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return 0; }
    CBRNG_HOST_DEVICE static constexpr result_type max() noexcept {
        return static_cast<result_type>(~result_type{0});
    }
    CBRNG_HOST_DEVICE result_type operator()() noexcept {
        return static_cast<result_type>(replay != nullptr ? replay[i++ % replay_words] : e());
    }
};

template <class Dist, class URBG>
CBRNG_HOST_DEVICE void draw_golden(const Dist& d, URBG& g, u64* out) {
    for (std::size_t i = 0; i < golden_n; ++i) out[i] = bits_of(d(g));
}

/// Gamma-family golden cases (gamma, chi_squared, student_t, fisher_f, beta):
/// ids gamma_family_first_id + k, k indexing gamma_family_setups below.
constexpr unsigned gamma_family_first_id = 1000;

template <unsigned Bits>
CBRNG_HOST_DEVICE bool golden_probe_gamma_family(unsigned k, golden_urbg<Bits>& g, u64* out) {
    using cbrng::beta_distribution;
    using cbrng::chi_squared_distribution;
    using cbrng::fisher_f_distribution;
    using cbrng::gamma_distribution;
    using cbrng::student_t_distribution;
    switch (k) {
        case 0:
            draw_golden(gamma_distribution<double>(0.5), g, out);
            return true;
        case 1:
            draw_golden(gamma_distribution<double>(1, 2), g, out);
            return true;
        case 2:
            draw_golden(gamma_distribution<double>(2), g, out);
            return true;
        case 3:
            draw_golden(gamma_distribution<double>(30, 0.5), g, out);
            return true;
        case 4:
            draw_golden(gamma_distribution<double>(0.01), g, out);
            return true;
        case 5:
            draw_golden(gamma_distribution<float>(0.5f), g, out);
            return true;
        case 6:
            draw_golden(gamma_distribution<float>(30), g, out);
            return true;
        case 7:
            draw_golden(chi_squared_distribution<double>(0.5), g, out);
            return true;
        case 8:
            draw_golden(chi_squared_distribution<double>(100), g, out);
            return true;
        case 9:
            draw_golden(chi_squared_distribution<float>(3), g, out);
            return true;
        case 10:
            draw_golden(student_t_distribution<double>(0.8), g, out);
            return true;
        case 11:
            draw_golden(student_t_distribution<double>(3), g, out);
            return true;
        case 12:
            draw_golden(student_t_distribution<double>(1000), g, out);
            return true;
        case 13:
            draw_golden(student_t_distribution<float>(5), g, out);
            return true;
        case 14:
            draw_golden(fisher_f_distribution<double>(1, 1), g, out);
            return true;
        case 15:
            draw_golden(fisher_f_distribution<double>(5, 10), g, out);
            return true;
        case 16:
            draw_golden(fisher_f_distribution<float>(30, 50), g, out);
            return true;
        case 17:
            draw_golden(beta_distribution<double>(0.5, 0.5), g, out);
            return true;
        case 18:
            draw_golden(beta_distribution<double>(2, 3), g, out);
            return true;
        case 19:
            draw_golden(beta_distribution<double>(0.2, 5), g, out);
            return true;
        case 20:
            draw_golden(beta_distribution<float>(0.1f, 0.1f), g, out);
            return true;
        case 21:
            draw_golden(beta_distribution<float>(40, 30), g, out);
            return true;
        default:
            return false;
    }
}

/// Discrete-family golden cases (poisson, binomial, negative_binomial): ids
/// discrete_family_first_id + k, k indexing discrete_family_setups below.
/// (discrete, piecewise_*, shuffle and sample are host-only: their parameters
/// or ranges live on the heap.)
constexpr unsigned discrete_family_first_id = 2000;

template <unsigned Bits>
CBRNG_HOST_DEVICE bool golden_probe_discrete_family(unsigned k, golden_urbg<Bits>& g, u64* out) {
    using cbrng::binomial_distribution;
    using cbrng::negative_binomial_distribution;
    using cbrng::poisson_distribution;
    switch (k) {
        case 0:
        case 1:
            draw_golden(poisson_distribution<int>(3), g, out);
            return true;
        case 2:
            draw_golden(poisson_distribution<int>(10), g, out);
            return true;
        case 3:
            draw_golden(poisson_distribution<int>(1000), g, out);
            return true;
        case 4:
            draw_golden(poisson_distribution<std::int64_t>(1e9), g, out);
            return true;
        case 5:
            draw_golden(poisson_distribution<std::uint8_t>(60), g, out);
            return true;
        case 6:
            draw_golden(binomial_distribution<int>(10, 0.3), g, out);
            return true;
        case 7:
            draw_golden(binomial_distribution<int>(40, 0.95), g, out);
            return true;
        case 8:
            draw_golden(binomial_distribution<int>(100, 0.3), g, out);
            return true;
        case 9:
            draw_golden(binomial_distribution<int>(50, 0.8), g, out);
            return true;
        case 10:
            draw_golden(binomial_distribution<std::int64_t>(1000000, 0.5), g, out);
            return true;
        case 11:
            draw_golden(binomial_distribution<std::uint16_t>(60000, 0.001), g, out);
            return true;
        case 12:
            draw_golden(negative_binomial_distribution<int>(3, 0.25), g, out);
            return true;
        case 13:
            draw_golden(negative_binomial_distribution<std::int64_t>(10, 0.01), g, out);
            return true;
        default:
            return false;
    }
}

/// Inversion-family golden cases (extreme_value, cauchy, lognormal, weibull,
/// geometric): ids inversion_family_first_id + k, k indexing
/// inversion_family_setups below.
constexpr unsigned inversion_family_first_id = 3000;

template <unsigned Bits>
CBRNG_HOST_DEVICE bool golden_probe_inversion_family(unsigned k, golden_urbg<Bits>& g, u64* out) {
    using cbrng::cauchy_distribution;
    using cbrng::extreme_value_distribution;
    using cbrng::geometric_distribution;
    using cbrng::lognormal_distribution;
    using cbrng::weibull_distribution;
    switch (k) {
        case 0:
            draw_golden(extreme_value_distribution<double>(), g, out);
            return true;
        case 1:
            draw_golden(extreme_value_distribution<double>(-2, 3), g, out);
            return true;
        case 2:
        case 3:
            draw_golden(extreme_value_distribution<float>(1, 0.5f), g, out);
            return true;
        case 4:
            draw_golden(cauchy_distribution<double>(), g, out);
            return true;
        case 5:
            draw_golden(cauchy_distribution<double>(5, 0.25), g, out);
            return true;
        case 6:
            draw_golden(cauchy_distribution<float>(), g, out);
            return true;
        case 7:
            draw_golden(cauchy_distribution<float>(-1, 2), g, out);
            return true;
        case 8:
            draw_golden(lognormal_distribution<double>(), g, out);
            return true;
        case 9:
            draw_golden(lognormal_distribution<double>(1, 0.25), g, out);
            return true;
        case 10:
        case 11:
            draw_golden(lognormal_distribution<float>(0, 0.5f), g, out);
            return true;
        case 12:
            draw_golden(weibull_distribution<double>(1.5, 2), g, out);
            return true;
        case 13:
            draw_golden(weibull_distribution<double>(0.5, 1), g, out);
            return true;
        case 14:
            draw_golden(weibull_distribution<float>(2, 1), g, out);
            return true;
        case 15:
            draw_golden(weibull_distribution<float>(0.7f, 3), g, out);
            return true;
        case 16:
            draw_golden(geometric_distribution<int>(0.3), g, out);
            return true;
        case 17:
            draw_golden(geometric_distribution<std::int64_t>(0.001), g, out);
            return true;
        case 18:
            draw_golden(geometric_distribution<std::uint8_t>(0.01), g, out);
            return true;
        case 19:
            draw_golden(geometric_distribution<std::uint64_t>(1e-15), g, out);
            return true;
        default:
            return false;
    }
}

/// Golden case `id` (see golden_names) from g; false for an id of the other word size.
template <unsigned Bits>
CBRNG_HOST_DEVICE bool golden_probe(unsigned id, golden_urbg<Bits>& g, u64* out) {
    using cbrng::bernoulli_distribution;
    using cbrng::exponential_distribution;
    using cbrng::normal_distribution;
    using cbrng::uniform_int_distribution;
    using cbrng::uniform_real_distribution;
    constexpr std::int64_t e12 = 1000000000000;
    switch (id) {
        case 0:
        case 1:
            draw_golden(uniform_int_distribution<int>(1, 6), g, out);
            return true;
        case 2:
        case 3:
            draw_golden(uniform_int_distribution<std::int64_t>(-e12, e12), g, out);
            return true;
        case 4:
            draw_golden(uniform_int_distribution<std::uint32_t>(0, (3u << 30) - 1u), g, out);
            return true;
        case 5:
            draw_golden(uniform_int_distribution<std::int8_t>(-128, 127), g, out);
            return true;
        case 6:
            draw_golden(uniform_int_distribution<std::uint64_t>(), g, out);
            return true;
        case 7:
        case 8:
            draw_golden(uniform_real_distribution<double>(-1, 1), g, out);
            return true;
        case 9:
            draw_golden(uniform_real_distribution<double>(), g, out);
            return true;
        case 10:
        case 11:
            draw_golden(uniform_real_distribution<float>(), g, out);
            return true;
        case 12:
        case 13:
        case 14:
        case 15:
            draw_golden(normal_distribution<double>(), g, out);
            return true;
        case 16:
            draw_golden(normal_distribution<double>(10, 3), g, out);
            return true;
        case 17:
        case 18:
            draw_golden(normal_distribution<float>(), g, out);
            return true;
        case 19:
        case 20:
            draw_golden(exponential_distribution<double>(1.5), g, out);
            return true;
        case 21:
        case 22:
            draw_golden(exponential_distribution<float>(0.5f), g, out);
            return true;
        case 23:
        case 24:
            draw_golden(bernoulli_distribution(0.3), g, out);
            return true;
        default:
            if (id >= inversion_family_first_id) {
                return golden_probe_inversion_family(id - inversion_family_first_id, g, out);
            }
            if (id >= discrete_family_first_id) {
                return golden_probe_discrete_family(id - discrete_family_first_id, g, out);
            }
            return id >= gamma_family_first_id &&
                   golden_probe_gamma_family(id - gamma_family_first_id, g, out);
    }
}

/// The variate_at case: normal<double>() from philox4x32(42) at fixed indices.
CBRNG_HOST_DEVICE void golden_variate_at(u64* out) {
    const u64 at[golden_n] = {0,
                              1,
                              2,
                              3,
                              7,
                              8,
                              100,
                              1000,
                              1000000,
                              1000000000,
                              1000000000000,
                              u64{1} << 40,
                              u64{1} << 50,
                              u64{1} << 60,
                              u64{1} << 62,
                              (u64{1} << 63) - 1};
    const cbrng::philox4x32 g{42};
    cbrng::normal_distribution<double> d;
    for (std::size_t i = 0; i < golden_n; ++i) out[i] = bits_of(cbrng::variate_at(g, d, at[i]));
}

/// How each golden case's generator is made: a cbrng engine of 32 or 64 bits
/// with a seed, or a replay of std::mt19937 (32) / std::mt19937_64 (64).
struct golden_setup {
    const char* name;
    unsigned bits;
    bool replay;
    u64 seed;
};

const golden_setup golden_setups[] = {
    {"uniform_int<int>(1,6) philox4x32(42)", 32, false, 42},
    {"uniform_int<int>(1,6) mt19937_64()", 64, true, 0},
    {"uniform_int<int64_t>(-10^12,10^12) philox4x32(42)", 32, false, 42},
    {"uniform_int<int64_t>(-10^12,10^12) mt19937_64()", 64, true, 0},
    {"uniform_int<uint32_t>(0,3*2^30-1) philox4x32(7)", 32, false, 7},
    {"uniform_int<int8_t>(-128,127) philox4x32(42)", 32, false, 42},
    {"uniform_int<uint64_t>(0,2^64-1) philox4x32(42)", 32, false, 42},
    {"uniform_real<double>(-1,1) philox4x32(42)", 32, false, 42},
    {"uniform_real<double>(-1,1) mt19937_64()", 64, true, 0},
    {"uniform_real<double>(0,1) mt19937()", 32, true, 0},
    {"uniform_real<float>(0,1) philox4x32(42)", 32, false, 42},
    {"uniform_real<float>(0,1) mt19937_64()", 64, true, 0},
    {"normal<double>(0,1) philox4x32(42)", 32, false, 42},
    {"normal<double>(0,1) mt19937_64()", 64, true, 0},
    {"normal<double>(0,1) mt19937()", 32, true, 0},
    {"normal<double>(0,1) philox4x64(42)", 64, false, 42},
    {"normal<double>(10,3) philox4x32(42)", 32, false, 42},
    {"normal<float>(0,1) philox4x32(42)", 32, false, 42},
    {"normal<float>(0,1) mt19937_64()", 64, true, 0},
    {"exponential<double>(1.5) philox4x32(42)", 32, false, 42},
    {"exponential<double>(1.5) mt19937_64()", 64, true, 0},
    {"exponential<float>(0.5) philox4x32(42)", 32, false, 42},
    {"exponential<float>(0.5) mt19937_64()", 64, true, 0},
    {"bernoulli(0.3) philox4x32(42)", 32, false, 42},
    {"bernoulli(0.3) mt19937_64()", 64, true, 0},
};
constexpr unsigned golden_variate_at_id = sizeof(golden_setups) / sizeof(golden_setups[0]);

/// The gamma-family cases, in golden_probe_gamma_family's order (ids from
/// gamma_family_first_id).
const golden_setup gamma_family_setups[] = {
    {"gamma<double>(0.5,1) philox4x32(42)", 32, false, 42},
    {"gamma<double>(1,2) mt19937_64()", 64, true, 0},
    {"gamma<double>(2,1) philox4x32(42)", 32, false, 42},
    {"gamma<double>(30,0.5) mt19937_64()", 64, true, 0},
    {"gamma<double>(0.01,1) mt19937()", 32, true, 0},
    {"gamma<float>(0.5,1) philox4x32(42)", 32, false, 42},
    {"gamma<float>(30,1) mt19937_64()", 64, true, 0},
    {"chi_squared<double>(0.5) philox4x32(42)", 32, false, 42},
    {"chi_squared<double>(100) mt19937_64()", 64, true, 0},
    {"chi_squared<float>(3) philox4x32(42)", 32, false, 42},
    {"student_t<double>(0.8) philox4x32(42)", 32, false, 42},
    {"student_t<double>(3) mt19937_64()", 64, true, 0},
    {"student_t<double>(1000) philox4x32(42)", 32, false, 42},
    {"student_t<float>(5) mt19937_64()", 64, true, 0},
    {"fisher_f<double>(1,1) philox4x32(42)", 32, false, 42},
    {"fisher_f<double>(5,10) mt19937_64()", 64, true, 0},
    {"fisher_f<float>(30,50) philox4x32(42)", 32, false, 42},
    {"beta<double>(0.5,0.5) philox4x32(42)", 32, false, 42},
    {"beta<double>(2,3) mt19937_64()", 64, true, 0},
    {"beta<double>(0.2,5) philox4x32(42)", 32, false, 42},
    {"beta<float>(0.1,0.1) mt19937_64()", 64, true, 0},
    {"beta<float>(40,30) philox4x32(42)", 32, false, 42},
};

/// The discrete-family cases, in golden_probe_discrete_family's order (ids
/// from discrete_family_first_id).
const golden_setup discrete_family_setups[] = {
    {"poisson<int>(3) philox4x32(42)", 32, false, 42},
    {"poisson<int>(3) mt19937_64()", 64, true, 0},
    {"poisson<int>(10) philox4x32(42)", 32, false, 42},
    {"poisson<int>(1000) mt19937_64()", 64, true, 0},
    {"poisson<int64_t>(1e9) philox4x32(42)", 32, false, 42},
    {"poisson<uint8_t>(60) mt19937()", 32, true, 0},
    {"binomial<int>(10,0.3) philox4x32(42)", 32, false, 42},
    {"binomial<int>(40,0.95) mt19937_64()", 64, true, 0},
    {"binomial<int>(100,0.3) philox4x32(42)", 32, false, 42},
    {"binomial<int>(50,0.8) mt19937_64()", 64, true, 0},
    {"binomial<int64_t>(10^6,0.5) philox4x32(42)", 32, false, 42},
    {"binomial<uint16_t>(60000,0.001) mt19937()", 32, true, 0},
    {"negative_binomial<int>(3,0.25) philox4x32(42)", 32, false, 42},
    {"negative_binomial<int64_t>(10,0.01) mt19937_64()", 64, true, 0},
};

/// Golden cases of host-only distributions and algorithms (heap parameters
/// or iterator ranges): not run in a kernel.
bool host_only_golden(const std::string& name) {
    for (const char* prefix :
         {"discrete<", "piecewise_constant<", "piecewise_linear<", "shuffle(", "sample("}) {
        if (name.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

/// Runs case id with its generator (replay: `words`), or the variate_at case.
CBRNG_HOST_DEVICE void golden_case(unsigned id, unsigned bits, bool replay, u64 seed,
                                   const u64* words, u64* out) {
    if (id == golden_variate_at_id) {
        golden_variate_at(out);
    } else if (bits == 32) {
        golden_urbg<32> g{cbrng::philox4x32{seed}, replay ? words : nullptr, 0};
        if (!golden_probe(id, g, out)) out[0] = ~u64{0};
    } else {
        golden_urbg<64> g{cbrng::philox4x64{seed}, replay ? words : nullptr, 0};
        if (!golden_probe(id, g, out)) out[0] = ~u64{0};
    }
}

struct golden_launch {
    unsigned id;
    unsigned bits;
    bool replay;
    u64 seed;
};

__global__ void golden_kernel(const golden_launch* cases, const u64* words, u64* out, unsigned n) {
    const unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        const golden_launch c = cases[i];
        golden_case(c.id, c.bits, c.replay, c.seed, words + replay_words * std::size_t{i},
                    out + golden_n * std::size_t{i});
    }
}

/// The inversion-family cases, in golden_probe_inversion_family's order (ids
/// from inversion_family_first_id).
const golden_setup inversion_family_setups[] = {
    {"extreme_value<double>(0,1) philox4x32(42)", 32, false, 42},
    {"extreme_value<double>(-2,3) mt19937_64()", 64, true, 0},
    {"extreme_value<float>(1,0.5) philox4x32(42)", 32, false, 42},
    {"extreme_value<float>(1,0.5) mt19937_64()", 64, true, 0},
    {"cauchy<double>(0,1) philox4x32(42)", 32, false, 42},
    {"cauchy<double>(5,0.25) mt19937_64()", 64, true, 0},
    {"cauchy<float>(0,1) philox4x32(42)", 32, false, 42},
    {"cauchy<float>(-1,2) mt19937_64()", 64, true, 0},
    {"lognormal<double>(0,1) philox4x32(42)", 32, false, 42},
    {"lognormal<double>(1,0.25) mt19937_64()", 64, true, 0},
    {"lognormal<float>(0,0.5) philox4x32(42)", 32, false, 42},
    {"lognormal<float>(0,0.5) mt19937_64()", 64, true, 0},
    {"weibull<double>(1.5,2) philox4x32(42)", 32, false, 42},
    {"weibull<double>(0.5,1) mt19937_64()", 64, true, 0},
    {"weibull<float>(2,1) philox4x32(42)", 32, false, 42},
    {"weibull<float>(0.7,3) mt19937_64()", 64, true, 0},
    {"geometric<int>(0.3) philox4x32(42)", 32, false, 42},
    {"geometric<int64_t>(0.001) mt19937_64()", 64, true, 0},
    {"geometric<uint8_t>(0.01) philox4x32(42) (saturates at 255)", 32, false, 42},
    {"geometric<uint64_t>(1e-15) mt19937_64()", 64, true, 0},
};

void test_golden_distributions(bool device) {
    std::vector<golden_launch> cases;
    std::vector<u64> words, expected;
    std::vector<bool> covered(std::size(cbrng_golden::distributions), false);
    const auto find = [&](const std::string& name) -> const cbrng_golden::golden_case* {
        for (std::size_t k = 0; k < covered.size(); ++k) {
            if (name == cbrng_golden::distributions[k].name) {
                covered[k] = true;
                return &cbrng_golden::distributions[k];
            }
        }
        expect(false, "golden distributions: no case named \"" + name + "\"");
        return nullptr;
    };
    for (unsigned id = 0; id <= golden_variate_at_id; ++id) {
        const bool va = id == golden_variate_at_id;
        const golden_setup s = va ? golden_setup{nullptr, 32, false, 42} : golden_setups[id];
        const auto* g = va ? nullptr : find(s.name);
        if (va) {
            for (std::size_t k = 0; k < covered.size(); ++k) {
                if (std::string(cbrng_golden::distributions[k].name).rfind("variate_at", 0) == 0) {
                    covered[k] = true;
                    g = &cbrng_golden::distributions[k];
                }
            }
        }
        if (g == nullptr) continue;
        cases.push_back({id, s.bits, s.replay, s.seed});
        std::mt19937 mt32;
        std::mt19937_64 mt64;
        for (std::size_t i = 0; i < replay_words; ++i)
            words.push_back(s.bits == 32 ? mt32() : mt64());
        expected.insert(expected.end(), g->values, g->values + golden_n);
    }
    for (unsigned k = 0; k < std::size(gamma_family_setups); ++k) {
        const golden_setup& s = gamma_family_setups[k];
        const auto* g = find(s.name);
        if (g == nullptr) continue;
        cases.push_back({gamma_family_first_id + k, s.bits, s.replay, s.seed});
        std::mt19937 mt32;
        std::mt19937_64 mt64;
        for (std::size_t i = 0; i < replay_words; ++i)
            words.push_back(s.bits == 32 ? mt32() : mt64());
        expected.insert(expected.end(), g->values, g->values + golden_n);
    }
    for (unsigned k = 0; k < std::size(discrete_family_setups); ++k) {
        const golden_setup& s = discrete_family_setups[k];
        const auto* g = find(s.name);
        if (g == nullptr) continue;
        cases.push_back({discrete_family_first_id + k, s.bits, s.replay, s.seed});
        std::mt19937 mt32;
        std::mt19937_64 mt64;
        for (std::size_t i = 0; i < replay_words; ++i)
            words.push_back(s.bits == 32 ? mt32() : mt64());
        expected.insert(expected.end(), g->values, g->values + golden_n);
    }
    for (unsigned k = 0; k < std::size(inversion_family_setups); ++k) {
        const golden_setup& s = inversion_family_setups[k];
        const auto* g = find(s.name);
        if (g == nullptr) continue;
        cases.push_back({inversion_family_first_id + k, s.bits, s.replay, s.seed});
        std::mt19937 mt32;
        std::mt19937_64 mt64;
        for (std::size_t i = 0; i < replay_words; ++i)
            words.push_back(s.bits == 32 ? mt32() : mt64());
        expected.insert(expected.end(), g->values, g->values + golden_n);
    }
    for (std::size_t k = 0; k < covered.size(); ++k) {
        if (host_only_golden(cbrng_golden::distributions[k].name)) continue;
        expect(covered[k], std::string("golden distributions: case \"") +
                               cbrng_golden::distributions[k].name +
                               "\" is not run by the device test (add it to golden_setups)");
    }
    const auto n = static_cast<unsigned>(cases.size());
    std::vector<u64> host(golden_n * n);
    for (unsigned i = 0; i < n; ++i) {
        golden_case(cases[i].id, cases[i].bits, cases[i].replay, cases[i].seed,
                    &words[replay_words * i], &host[golden_n * i]);
    }
    same_words("golden distributions: host vs tests/support/golden_distributions.hpp", host,
               expected);
    if (device) {
        const device_vector<golden_launch> d_cases(cases);
        const device_vector<u64> d_words(words);
        device_vector<u64> d_out(host.size());
        golden_kernel<<<grid_for(n, 32), 32>>>(d_cases.get(), d_words.get(), d_out.get(), n);
        sync_after_launch("golden_kernel");
        same_words("golden distributions: device vs golden", d_out.copy_out(), expected);
    }
    std::printf("golden distributions: %u cases x %zu values (%s)\n", n, golden_n,
                device ? "device == host == golden" : "host == golden");
}

// ---------------------------------------------------------------------------
// The float math of the float normal (detail/math_float.hpp) over a dense
// sample of 32-bit inputs: every 1021st word and the 2^16 at each end (the
// tails). Each input x gives the float normal variate of x and log_float of
// the float with bits x & 0x7fffffff (zero, subnormals, normals, inf, NaN).

/// The probe: the same function runs on the host and in the kernel.
CBRNG_HOST_DEVICE u64 float_math_probe(std::uint32_t x) {
    namespace d = cbrng::detail;
    const float z = d::normal_float_standard(x);
    const float l = d::log_float(d::float_from_bits(x & 0x7fffffffu));
    return (u64{d::to_bits(z)} << 32) | d::to_bits(l);
}

__global__ void float_math_kernel(const std::uint32_t* in, u64* out, std::size_t n) {
    const std::size_t i = std::size_t{blockIdx.x} * blockDim.x + threadIdx.x;
    if (i < n) out[i] = float_math_probe(in[i]);
}

void test_float_math(bool device) {
    std::vector<std::uint32_t> in;
    for (u64 x = 0; x < (u64{1} << 32); x += 1021) in.push_back(static_cast<std::uint32_t>(x));
    for (std::uint32_t k = 0; k < (1u << 16); ++k) {
        in.push_back(k);
        in.push_back(~k);
    }
    std::vector<u64> host(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) host[i] = float_math_probe(in[i]);
    // Host sanity: the known ends of the float normal.
    const float lo = cbrng::detail::float_from_bits(static_cast<std::uint32_t>(host[0] >> 32));
    expect(lo < -6.3379f && lo > -6.3380f, "float normal of word 0 must be -6.33795...");
    if (device) {
        const device_vector<std::uint32_t> d_in(in);
        device_vector<u64> d_out(in.size());
        float_math_kernel<<<grid_for(in.size(), 256), 256>>>(d_in.get(), d_out.get(), in.size());
        sync_after_launch("float_math_kernel");
        same_words("float normal and log_float: device vs host", d_out.copy_out(), host);
    }
    std::printf("float math: %zu inputs (%s)\n", in.size(),
                device ? "device == host" : "host only");
}

// ---------------------------------------------------------------------------
// Constant evaluation in device code, and the trap that replaces exceptions.

__global__ void constexpr_kernel(u64* out) {
    constexpr auto block = cbrng::philox4x32_10{}({0, 0, 0, 0}, {0, 0});
    constexpr auto tf = cbrng::threefry4x64_20{}({0, 0, 0, 0}, {0, 0, 0, 0});
    out[0] = block[0];
    out[1] = tf[3];
}

void test_constexpr(bool device) {
    if (!device) return;
    device_vector<u64> d_out(2);
    constexpr_kernel<<<1, 1>>>(d_out.get());
    sync_after_launch("constexpr_kernel");
    same_words("constexpr in a kernel", d_out.copy_out(), {0x6627e8d5u, 0xee29ec846bd2e40bu});
}

__global__ void past_the_end_kernel(u64* out) {
    cbrng::stream<> s{cbrng::stream_id{1, 2, 3}, cbrng::stream<>::capacity};
    out[0] = s();  // traps: there is no word at position capacity
}

/// Host: std::out_of_range. Device: a trap, which the launch reports as an
/// error and which poisons the context, so this runs last.
void test_errors(bool device) {
    bool threw = false;
    try {
        cbrng::stream<> s{cbrng::stream_id{1, 2, 3}, cbrng::stream<>::capacity};
        (void)s();
    } catch (const std::out_of_range&) {
        threw = true;
    }
    expect(threw, "host: drawing past the end of a stream must throw std::out_of_range");
    if (!device) return;
    device_vector<u64> d_out(1);
    past_the_end_kernel<<<1, 1>>>(d_out.get());
    const cudaError_t e = cudaDeviceSynchronize();
    expect(e != cudaSuccess, "device: drawing past the end of a stream must trap");
    std::printf("errors: host throws, device traps (%s)\n", cudaGetErrorName(e));
}

/// True when a CUDA device is usable; says why not otherwise.
bool have_device() {
    int count = 0;
    const cudaError_t e = cudaGetDeviceCount(&count);
    if (e != cudaSuccess || count == 0) {
        std::printf("no CUDA device (%s)\n", e != cudaSuccess ? cudaGetErrorString(e) : "0 found");
        return false;
    }
    cudaDeviceProp prop{};
    cuda_check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
    std::printf("device 0: %s (sm_%d%d)\n", prop.name, prop.major, prop.minor);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string kat_path =
        argc > 1 ? argv[1] : std::string(CBRNG_TEST_DATA_DIR) + "/kat_vectors.txt";
    try {
        const bool device = have_device();
        test_kat(kat_path, device);
        test_random_bijections(device);
        test_engines(device);
        test_streams(device);
        test_distributions(device);
        test_distributions_in_kernel(device);
        test_golden_distributions(device);
        test_float_math(device);
        test_constexpr(device);
        test_errors(device);  // last: a device trap poisons the context
        if (failures != 0) {
            std::printf("device_test: %d FAILED\n", failures);
            return 1;
        }
        if (!device) {
            std::printf("device_test: host half passed; skipped: no CUDA device\n");
            return 0;
        }
        std::printf("device_test: all passed, device results equal host results bit for bit\n");
        return 0;
    } catch (const std::exception& e) {
        std::printf("device_test: FAILED: %s\n", e.what());
        return 1;
    }
}
