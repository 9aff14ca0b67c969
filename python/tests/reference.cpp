// The C++ side of the Python tests (python/tests/test_bit_identity.py): for
// each stream generator and a few ids, prints the stream's words and the
// frozen distributions' variates as cbrng::fill computes them, one line each:
//
//   <generator> <seed> <process> <task> <kind> <value>...
//
// kinds: words (the first 40 words), at1000 (the word at position 1000),
// uniform01, uniform_m1_1 (uniform_real<double> on [0,1) and [-1,1)), normal
// (normal<double>(0,1)), normal_10_2, exponential_2 (exponential<double>(2)),
// integers (uniform_int<int64_t>(-1000, 1000)); 20 values each, doubles as
// the hex of their IEEE bits, integers in decimal.
//
// With the argument "frozen" it prints instead the C++ side of
// python/tests/test_frozen.py (cbrng.Generator's frozen methods), one line per
// generator, id and case:
//
//   frozen <generator> <seed> <process> <task> <case> <hex>...
//
// 40 variates each (hex of the IEEE bits of doubles and floats, of the 64-bit
// two's complement of integers): cbrng::fill with fixed parameters, or, for
// the *_loop cases, dist(param_i)(stream) with parameters cycling per variate
// (what a Python call with array parameters does); shuffle/sample/discrete
// as cbrng.Generator's permutation and choice define them.
#include <cbrng/algorithm.hpp>
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
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <vector>

namespace {

constexpr std::size_t count = 20;

void print_doubles(const char* head, const char* kind, const std::vector<double>& v) {
    std::printf("%s %s", head, kind);
    for (double d : v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        std::printf(" %016" PRIx64, bits);
    }
    std::printf("\n");
}

template <class B>
void emit(const char* name, const cbrng::stream_id& id) {
    using S = cbrng::stream<B>;
    char head[160];
    std::snprintf(head, sizeof head, "%s %" PRIu64 " %" PRIu64 " %" PRIu64, name, id.seed,
                  id.process, id.task);
    {
        S s{id};
        std::vector<typename S::result_type> w(40);
        cbrng::fill(s, w.data(), w.data() + w.size());
        std::printf("%s words", head);
        for (auto x : w) std::printf(" %" PRIu64, static_cast<std::uint64_t>(x));
        std::printf("\n");
        S t{id, 1000};
        std::printf("%s at1000 %" PRIu64 "\n", head, static_cast<std::uint64_t>(t()));
    }
    std::vector<double> v(count);
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::uniform_real_distribution<double>{});
        print_doubles(head, "uniform01", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count,
                    cbrng::uniform_real_distribution<double>{-1.0, 1.0});
        print_doubles(head, "uniform_m1_1", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::normal_distribution<double>{});
        print_doubles(head, "normal", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::normal_distribution<double>{10.0, 2.0});
        print_doubles(head, "normal_10_2", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::exponential_distribution<double>{2.0});
        print_doubles(head, "exponential_2", v);
    }
    {
        S s{id};
        std::vector<std::int64_t> k(count);
        cbrng::fill(s, k.data(), k.data() + count,
                    cbrng::uniform_int_distribution<std::int64_t>{-1000, 1000});
        std::printf("%s integers", head);
        for (auto x : k) std::printf(" %" PRId64, x);
        std::printf("\n");
    }
}

template <class B>
void emit_all(const char* name) {
    const std::uint64_t max_process = cbrng::stream<B>::max_process;
    emit<B>(name, {0, 0, 0});
    emit<B>(name, {42, 1, 2});
    emit<B>(name, {~std::uint64_t{0}, max_process, ~std::uint64_t{0}});
}

// ------------------------------------------------------------ frozen mode

constexpr std::size_t frozen_count = 40;

template <class T>
std::uint64_t bits_of(T v) {
    if constexpr (std::is_same_v<T, float>) {
        std::uint32_t b = 0;
        std::memcpy(&b, &v, sizeof b);
        return b;
    } else if constexpr (std::is_same_v<T, double>) {
        std::uint64_t b = 0;
        std::memcpy(&b, &v, sizeof b);
        return b;
    } else {
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
    }
}

template <class T>
void print_case(const char* head, const char* name, const std::vector<T>& v) {
    std::printf("frozen %s %s", head, name);
    for (T x : v) std::printf(" %" PRIx64, bits_of(x));
    std::printf("\n");
}

/// cbrng::fill of frozen_count variates of d from a fresh stream.
template <class T, class S, class D>
void fill_case(const char* head, const char* name, const cbrng::stream_id& id, D d) {
    S s{id};
    std::vector<T> v(frozen_count);
    cbrng::fill(s, v.data(), v.data() + v.size(), d);
    print_case(head, name, v);
}

/// out[i] = make(i)(stream): per-variate parameters, in order.
template <class T, class S, class Make>
void loop_case(const char* head, const char* name, const cbrng::stream_id& id, Make make) {
    S s{id};
    std::vector<T> v(frozen_count);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<T>(make(i)(s));
    print_case(head, name, v);
}

template <class B>
void emit_frozen(const char* name, const cbrng::stream_id& id) {
    using S = cbrng::stream<B>;
    using std::int64_t;
    char head[160];
    std::snprintf(head, sizeof head, "%s %" PRIu64 " %" PRIu64 " %" PRIu64, name, id.seed,
                  id.process, id.task);
    fill_case<double, S>(head, "uniform", id, cbrng::uniform_real_distribution<double>(-2.0, 3.0));
    fill_case<float, S>(head, "random_f32", id,
                        cbrng::uniform_real_distribution<float>(0.0f, 1.0f));
    fill_case<double, S>(head, "normal", id, cbrng::normal_distribution<double>(1.5, 2.0));
    fill_case<float, S>(head, "standard_normal_f32", id,
                        cbrng::normal_distribution<float>(0.0f, 1.0f));
    fill_case<double, S>(head, "exponential", id, cbrng::exponential_distribution<double>(2.0));
    fill_case<float, S>(head, "standard_exponential_f32", id,
                        cbrng::exponential_distribution<float>(1.0f));
    fill_case<int64_t, S>(head, "integers", id,
                          cbrng::uniform_int_distribution<int64_t>(-1000, 999));
    fill_case<int64_t, S>(head, "integers_wide", id,
                          cbrng::uniform_int_distribution<int64_t>(-5, 3 * (int64_t{1} << 30)));
    fill_case<int64_t, S>(head, "integers_2p32", id,
                          cbrng::uniform_int_distribution<int64_t>(7, 6 + (int64_t{1} << 32)));
    fill_case<int64_t, S>(head, "integers_2p33", id,
                          cbrng::uniform_int_distribution<int64_t>(0, int64_t{1} << 33));
    fill_case<std::uint8_t, S>(head, "integers_u8", id,
                               cbrng::uniform_int_distribution<std::uint8_t>(0, 199));
    fill_case<double, S>(head, "gamma_lt1", id, cbrng::gamma_distribution<double>(0.3, 2.0));
    fill_case<double, S>(head, "gamma_eq1", id, cbrng::gamma_distribution<double>(1.0, 1.0));
    fill_case<double, S>(head, "gamma_gt1", id, cbrng::gamma_distribution<double>(4.5, 0.5));
    fill_case<float, S>(head, "standard_gamma_f32", id,
                        cbrng::gamma_distribution<float>(0.5f, 1.0f));
    fill_case<double, S>(head, "beta_small", id, cbrng::beta_distribution<double>(0.5, 2.0));
    fill_case<double, S>(head, "beta_large", id, cbrng::beta_distribution<double>(3.0, 4.0));
    fill_case<double, S>(head, "chisquare", id, cbrng::chi_squared_distribution<double>(3.0));
    fill_case<double, S>(head, "standard_t", id, cbrng::student_t_distribution<double>(5.0));
    fill_case<double, S>(head, "f", id, cbrng::fisher_f_distribution<double>(3.0, 7.0));
    fill_case<double, S>(head, "standard_cauchy", id, cbrng::cauchy_distribution<double>(0.0, 1.0));
    fill_case<double, S>(head, "lognormal", id, cbrng::lognormal_distribution<double>(0.5, 0.25));
    fill_case<double, S>(head, "weibull", id, cbrng::weibull_distribution<double>(1.5, 1.0));
    fill_case<double, S>(head, "gumbel", id, cbrng::extreme_value_distribution<double>(1.0, 2.0));
    fill_case<int64_t, S>(head, "geometric_failures", id,
                          cbrng::geometric_distribution<int64_t>(0.2));
    fill_case<int64_t, S>(head, "poisson_small", id, cbrng::poisson_distribution<int64_t>(3.5));
    fill_case<int64_t, S>(head, "poisson_large", id, cbrng::poisson_distribution<int64_t>(250.0));
    fill_case<int64_t, S>(head, "binomial_inversion", id,
                          cbrng::binomial_distribution<int64_t>(20, 0.2));
    fill_case<int64_t, S>(head, "binomial_btrd", id,
                          cbrng::binomial_distribution<int64_t>(1000, 0.4));
    fill_case<int64_t, S>(head, "negative_binomial", id,
                          cbrng::negative_binomial_distribution<int64_t>(5, 0.3));
    fill_case<int64_t, S>(head, "choice_p", id,
                          cbrng::discrete_distribution<int64_t>({0.1, 0.2, 0.3, 0.0, 0.4}));
    fill_case<int64_t, S>(head, "choice", id, cbrng::uniform_int_distribution<int64_t>(0, 999));
    {
        S s{id};
        std::vector<int64_t> v(frozen_count);
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int64_t>(i);
        cbrng::shuffle(v.begin(), v.end(), s);
        print_case(head, "permutation", v);
    }
    {
        S s{id};
        std::vector<int64_t> pop(1000), v(frozen_count);
        for (std::size_t i = 0; i < pop.size(); ++i) pop[i] = static_cast<int64_t>(i);
        cbrng::sample(pop.begin(), pop.end(), v.begin(), v.size(), s);
        print_case(head, "choice_noreplace_ordered", v);
        cbrng::shuffle(v.begin(), v.end(), s);
        print_case(head, "choice_noreplace", v);
    }
    const double shapes[] = {0.3, 1.0, 2.5, 7.0};
    loop_case<double, S>(head, "gamma_loop", id, [&](std::size_t i) {
        return cbrng::gamma_distribution<double>(shapes[i % 4], 1.5);
    });
    const double means[] = {0.5, 5.0, 50.0, 5000.0};
    loop_case<int64_t, S>(head, "poisson_loop", id, [&](std::size_t i) {
        return cbrng::poisson_distribution<int64_t>(means[i % 4]);
    });
    const int64_t trials[] = {5, 50, 5000};
    loop_case<int64_t, S>(head, "binomial_loop", id, [&](std::size_t i) {
        return cbrng::binomial_distribution<int64_t>(trials[i % 3], 0.3);
    });
    loop_case<int64_t, S>(head, "integers_loop", id, [&](std::size_t i) {
        return cbrng::uniform_int_distribution<int64_t>(-static_cast<int64_t>(i), 99);
    });
    loop_case<double, S>(head, "normal_loop", id, [&](std::size_t i) {
        return cbrng::normal_distribution<double>(static_cast<double>(i), 0.5);
    });
}

template <class B>
void emit_frozen_all(const char* name) {
    emit_frozen<B>(name, {42, 1, 2});
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "frozen") == 0) {
        emit_frozen_all<cbrng::philox4x32_10>("philox4x32_10");
        emit_frozen_all<cbrng::philox2x64_10>("philox2x64_10");
        emit_frozen_all<cbrng::philox4x64_10>("philox4x64_10");
        emit_frozen_all<cbrng::threefry4x32_20>("threefry4x32_20");
        emit_frozen_all<cbrng::threefry2x64_20>("threefry2x64_20");
        emit_frozen_all<cbrng::threefry4x64_20>("threefry4x64_20");
        return 0;
    }
    emit_all<cbrng::philox4x32_10>("philox4x32_10");
    emit_all<cbrng::philox2x64_10>("philox2x64_10");
    emit_all<cbrng::philox4x64_10>("philox4x64_10");
    emit_all<cbrng::threefry4x32_20>("threefry4x32_20");
    emit_all<cbrng::threefry2x64_20>("threefry2x64_20");
    emit_all<cbrng::threefry4x64_20>("threefry4x64_20");
    return 0;
}
