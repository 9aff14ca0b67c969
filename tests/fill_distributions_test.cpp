// Tests include/cbrng/fill.hpp with every distribution added after the first
// five: fill(g, first, last, d) writes exactly the values of the
// scalar calls d(g), bit for bit, and leaves g (and d) exactly where they
// leave them, for every length 0..300, every start offset within a block,
// output misalignments within a 64-byte line, and each SIMD back end forced
// in turn; also through a non-pointer iterator. Distributions with batch
// transforms run every path and every misalignment at every length; the
// others (fill is the loop of scalar calls on every path) run the scalar path
// and cycle the misalignment with the length, which covers each one many
// times in a fraction of the time.
//
// New distributions go in the list in TEST_CASE "fill equals the scalar
// calls for every new distribution".
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/beta.hpp>
#include <cbrng/distributions/binomial.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/discrete.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/fisher_f.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/geometric.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/negative_binomial.hpp>
#include <cbrng/distributions/piecewise_constant.hpp>
#include <cbrng/distributions/piecewise_linear.hpp>
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using cbrng::detail::isa;

/// Runs f() with each back end forced in turn (only the scalar one when
/// `all` is false); warns for those this CPU lacks.
template <class F>
void for_each_path(bool all, F&& f) {
    for (const isa p : {isa::scalar, isa::avx2, isa::avx512}) {
        if (!all && p != isa::scalar) continue;
        cbrng::detail::scoped_isa forced{p};
        if (!forced.ok()) {
            WARN("this CPU cannot run the " << cbrng::detail::isa_name(p)
                                            << " path: skipped (compiled only)");
            continue;
        }
        INFO("path " << cbrng::detail::isa_name(p));
        f();
    }
}

template <class T>
bool same_bits(const T* a, const T* b, std::size_t n) {
    return n == 0 || std::memcmp(a, b, n * sizeof(T)) == 0;
}

/// fill(g, out, out + len, d) equals len calls of d(g) from every start
/// offset within a block, for len = 0..300: the same bits, the same
/// generator state, the same next variates, and nothing written outside the
/// range.
template <class G, class D>
void check_fill(const G& start, const D& d, const std::string& name) {
    INFO(name);
    using T = typename D::result_type;
    constexpr std::size_t N = G::word_count;
    constexpr std::size_t max_len = 300;
    constexpr std::size_t per_line = 64 / sizeof(T);
    const bool every_misalignment = cbrng::detail::batch_distribution<D>::value;
    T poison;
    std::memset(&poison, 0xA5, sizeof poison);
    // Without a batch transform fill is the loop of d(g) whatever the path, so
    // one path suffices; a distribution that gains a transform (listed in
    // batch_distribution) is run on every path automatically.
    for_each_path(every_misalignment, [&] {
        for (std::size_t offset = 0; offset < N; ++offset) {
            G g0 = start;
            for (std::size_t i = 0; i < offset; ++i) (void)g0();
            std::vector<T> ref;
            std::vector<G> state{g0};
            G r = g0;
            for (std::size_t i = 0; i < max_len + 4; ++i) {
                ref.push_back(d(r));
                state.push_back(r);
            }
            // 64-byte aligned storage with a guard line on each side.
            std::vector<T> storage(max_len + 4 * per_line + 64 / sizeof(T), poison);
            const auto addr = reinterpret_cast<std::uintptr_t>(storage.data());
            T* line = storage.data() + ((64 - addr % 64) % 64) / sizeof(T) + per_line;
            std::size_t failures = 0;
            for (std::size_t len = 0; len <= max_len; ++len) {
                for (std::size_t mis = every_misalignment ? 0 : len % per_line; mis < per_line;
                     mis += every_misalignment ? 1 : per_line) {
                    T* out = line + mis;
                    G g = g0;
                    D e = d;
                    cbrng::fill(g, out, out + len, e);
                    bool ok = g == state[len] && e == d && same_bits(out, ref.data(), len);
                    for (T* p = out - per_line; p != out; ++p) ok = ok && same_bits(p, &poison, 1);
                    for (T* p = out + len; p != out + len + per_line; ++p)
                        ok = ok && same_bits(p, &poison, 1);
                    for (std::size_t i = 0; ok && i < 4; ++i) {
                        const T next = e(g);
                        ok = same_bits(&next, &ref[len + i], 1);
                    }
                    std::fill(out - per_line, out + len + per_line, poison);
                    if (!ok && ++failures <= 3) {
                        FAIL_CHECK("fill differs from scalar calls: offset "
                                   << offset << ", length " << len << ", misalignment " << mis);
                    }
                }
            }
            CHECK(failures == 0);
        }
        // Through an iterator that is not a pointer (the stack-buffer path).
        G g = start;
        G h = start;
        std::deque<T> q(137);
        cbrng::fill(g, q.begin(), q.end(), d);
        bool ok = true;
        for (const T x : q) {
            const T y = d(h);
            ok = ok && same_bits(&x, &y, 1);
        }
        CHECK(ok);
        CHECK(g == h);
    });
}

/// check_fill over the generators with a raw fast path: a 32-bit-word
/// engine and a 64-bit-word stream.
template <class D>
void check_fill_all_generators(const D& d, const std::string& name) {
    check_fill(cbrng::philox4x32{2024}, d, name + ", philox4x32");
    check_fill(cbrng::stream<cbrng::threefry4x64_20>{cbrng::stream_id{11, 12, 13}}, d,
               name + ", stream<threefry4x64_20>");
}

}  // namespace

TEST_CASE("fill equals the scalar calls for every new distribution", "[fill][dist]") {
    using namespace cbrng;
    // Inversion family.
    check_fill_all_generators(extreme_value_distribution<double>(1.5, 2), "extreme_value<double>");
    check_fill_all_generators(extreme_value_distribution<float>(-1, 0.5f), "extreme_value<float>");
    check_fill_all_generators(cauchy_distribution<double>(1.5, 2), "cauchy<double>");
    check_fill_all_generators(cauchy_distribution<float>(-1, 0.5f), "cauchy<float>");
    check_fill_all_generators(lognormal_distribution<double>(0.5, 0.75), "lognormal<double>");
    check_fill_all_generators(lognormal_distribution<float>(-1, 0.25f), "lognormal<float>");
    check_fill_all_generators(weibull_distribution<double>(1.5, 2), "weibull<double>");
    check_fill_all_generators(weibull_distribution<float>(0.5f, 3), "weibull<float>");
    check_fill_all_generators(geometric_distribution<int>(0.1), "geometric<int>");
    check_fill_all_generators(geometric_distribution<std::uint8_t>(0.01), "geometric<uint8_t>");
    // Gamma family (rejection: variable consumption).
    check_fill_all_generators(gamma_distribution<double>(0.5, 2), "gamma<double>(0.5)");
    check_fill_all_generators(gamma_distribution<double>(30), "gamma<double>(30)");
    check_fill_all_generators(gamma_distribution<float>(2, 1), "gamma<float>(2)");
    check_fill_all_generators(beta_distribution<double>(0.5, 3), "beta<double>");
    check_fill_all_generators(chi_squared_distribution<double>(3), "chi_squared<double>");
    check_fill_all_generators(student_t_distribution<float>(5), "student_t<float>");
    check_fill_all_generators(fisher_f_distribution<double>(4, 7), "fisher_f<double>");
    // Discrete.
    check_fill_all_generators(discrete_distribution<int>({1.0, 2.0, 0.0, 7.0, 0.5}),
                              "discrete<int>");
    const double pb[] = {0.0, 1.0, 2.5, 4.0};
    const double pw[] = {1.0, 3.0, 0.5, 2.0};
    check_fill_all_generators(
        piecewise_constant_distribution<double>(std::begin(pb), std::end(pb), std::begin(pw)),
        "piecewise_constant<double>");
    check_fill_all_generators(
        piecewise_linear_distribution<float>({0.0f, 1.0f, 3.0f}, [](float x) { return 1 + x; }),
        "piecewise_linear<float>");
    // Poisson, binomial, negative binomial (rejection: variable consumption).
    check_fill_all_generators(poisson_distribution<int>(3), "poisson<int>(3)");
    check_fill_all_generators(poisson_distribution<std::int64_t>(50), "poisson<int64_t>(50)");
    check_fill_all_generators(binomial_distribution<int>(20, 0.3), "binomial<int>(20,0.3)");
    check_fill_all_generators(binomial_distribution<unsigned>(200, 0.6),
                              "binomial<unsigned>(200,0.6)");
    check_fill_all_generators(negative_binomial_distribution<int>(2, 0.4),
                              "negative_binomial<int>(2,0.4)");
}

TEST_CASE("fill of a rejection sampler at the end of a stream stops where the scalar calls do",
          "[fill]") {
    // The prefetched words never run ahead of the stream's end: the variate
    // that needs a word past it throws std::out_of_range, after the same
    // values were written, and the stream is left where the scalar calls
    // leave it.
    using S = cbrng::stream<>;
    const cbrng::gamma_distribution<double> d(2.0);
    for (const std::uint64_t left : {0u, 1u, 7u, 64u, 1000u, 5000u, 100000u}) {
        INFO("words left " << left);
        S g{cbrng::stream_id{3, 0, 0}};
        g.set_position(S::capacity - left);
        S h = g;
        std::vector<double> out(4000, -1.0);
        std::vector<double> ref(4000, -1.0);
        std::size_t written = 0;
        bool threw = false;
        try {
            for (; written < ref.size(); ++written) ref[written] = d(h);
        } catch (const std::out_of_range&) {
            threw = true;
        }
        if (threw) {
            CHECK_THROWS_AS(cbrng::fill(g, out.begin(), out.end(), d), std::out_of_range);
        } else {
            cbrng::fill(g, out.begin(), out.end(), d);
        }
        CHECK(out == ref);
        CHECK(g == h);
        // 4000 gamma(2) variates take about 16,500 words: the last case ends
        // inside the stream, the others past its end.
        CHECK(threw == (left <= 5000));
    }
}

TEST_CASE("fill with a std:: distribution draws the scalar calls' words", "[fill]") {
    // Any URBG-generic distribution goes through the prefetched words too.
    cbrng::stream<> g{cbrng::stream_id{5, 1, 2}};
    cbrng::stream<> h = g;
    std::normal_distribution<double> a(1.0, 2.0);
    std::normal_distribution<double> b = a;
    std::vector<double> out(1001);
    cbrng::fill(g, out.begin(), out.end(), a);
    std::vector<double> ref(out.size());
    for (auto& x : ref) x = b(h);
    CHECK(out == ref);
    CHECK(g == h);
    CHECK(a(g) == b(h));  // the cached second polar variate, too
}

// The set fill computes in SIMD batches is what detail::batch_transform opts
// in (detail/transform_scalar.hpp), exactly the list docs/distributions.md
// ("Batch transforms") states: these seven, float and double, and nothing
// else, not even a class derived from one of them.
namespace batch_set {
using cbrng::detail::batch_distribution;
template <class Real>
constexpr bool all_seven = batch_distribution<cbrng::uniform_real_distribution<Real>>::value&&
    batch_distribution<cbrng::normal_distribution<Real>>::value&&
        batch_distribution<cbrng::exponential_distribution<Real>>::value&&
            batch_distribution<cbrng::extreme_value_distribution<Real>>::value&&
                batch_distribution<cbrng::lognormal_distribution<Real>>::value&&
                    batch_distribution<cbrng::weibull_distribution<Real>>::value&&
                        batch_distribution<cbrng::cauchy_distribution<Real>>::value;
static_assert(all_seven<float> && all_seven<double>, "the seven batch families");
struct derived_normal : cbrng::normal_distribution<double> {};
static_assert(!batch_distribution<derived_normal>::value, "a derived class keeps the loop");
static_assert(!batch_distribution<std::normal_distribution<double>>::value, "std:: keeps the loop");
static_assert(!batch_distribution<cbrng::gamma_distribution<double>>::value &&
                  !batch_distribution<cbrng::student_t_distribution<double>>::value &&
                  !batch_distribution<cbrng::bernoulli_distribution>::value &&
                  !batch_distribution<cbrng::uniform_int_distribution<int>>::value &&
                  !batch_distribution<cbrng::poisson_distribution<int>>::value,
              "the others run call by call");
}  // namespace batch_set
