// Baselines of fill_bench (see fill_baselines.hpp), compiled with
// -march=native by benchmarks/CMakeLists.txt.
#include "fill_baselines.hpp"

#include <Random123/philox.h>  // first: the others need its feature macros
#include <Random123/threefry.h>
#include <Random123/uniform.hpp>

#include <random>

namespace fill_baselines {

void random123_philox4x32(std::uint32_t* out, std::size_t n, std::uint32_t (&ctr)[4],
                          const std::uint32_t (&key)[2]) {
    const r123::Philox4x32 f;
    const r123::Philox4x32::key_type k = {{key[0], key[1]}};
    r123::Philox4x32::ctr_type c = {{ctr[0], ctr[1], ctr[2], ctr[3]}};
    for (std::size_t i = 0; i < n; i += 4) {
        const r123::Philox4x32::ctr_type y = f(c, k);
        out[i] = y.v[0];
        out[i + 1] = y.v[1];
        out[i + 2] = y.v[2];
        out[i + 3] = y.v[3];
        ++c.v[0];  // the usual plain loop (no carry into word 1)
    }
    for (int j = 0; j < 4; ++j) ctr[j] = c.v[j];
}

void random123_threefry4x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[4],
                            const std::uint64_t (&key)[4]) {
    r123::Threefry4x64 f;  // Random123's Threefry operator() is not const
    const r123::Threefry4x64::key_type k = {{key[0], key[1], key[2], key[3]}};
    r123::Threefry4x64::ctr_type c = {{ctr[0], ctr[1], ctr[2], ctr[3]}};
    for (std::size_t i = 0; i < n; i += 4) {
        const r123::Threefry4x64::ctr_type y = f(c, k);
        out[i] = y.v[0];
        out[i + 1] = y.v[1];
        out[i + 2] = y.v[2];
        out[i + 3] = y.v[3];
        ++c.v[0];  // the usual plain loop (no carry into word 1)
    }
    for (int j = 0; j < 4; ++j) ctr[j] = c.v[j];
}

namespace {

/// The plain loop over any Random123 bijection G with N words and key words.
template <class G, class Word, std::size_t N, std::size_t K>
void random123_loop(Word* out, std::size_t n, Word (&ctr)[N], const Word (&key)[K]) {
    G f;  // Random123's Threefry operator() is not const
    typename G::key_type k;
    for (std::size_t j = 0; j < K; ++j) k.v[j] = key[j];
    typename G::ctr_type c;
    for (std::size_t j = 0; j < N; ++j) c.v[j] = ctr[j];
    for (std::size_t i = 0; i < n; i += N) {
        const typename G::ctr_type y = f(c, k);
        for (std::size_t j = 0; j < N; ++j) out[i + j] = y.v[j];
        ++c.v[0];  // the usual plain loop (no carry into word 1)
    }
    for (std::size_t j = 0; j < N; ++j) ctr[j] = c.v[j];
}

}  // namespace

void random123_philox2x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[2],
                          const std::uint64_t (&key)[1]) {
    random123_loop<r123::Philox2x64>(out, n, ctr, key);
}
void random123_philox4x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[4],
                          const std::uint64_t (&key)[2]) {
    random123_loop<r123::Philox4x64>(out, n, ctr, key);
}
void random123_threefry4x32(std::uint32_t* out, std::size_t n, std::uint32_t (&ctr)[4],
                            const std::uint32_t (&key)[4]) {
    random123_loop<r123::Threefry4x32>(out, n, ctr, key);
}
void random123_threefry2x64(std::uint64_t* out, std::size_t n, std::uint64_t (&ctr)[2],
                            const std::uint64_t (&key)[2]) {
    random123_loop<r123::Threefry2x64>(out, n, ctr, key);
}

void random123_philox4x32_u01_double(double* out, std::size_t n, std::uint32_t (&ctr)[4],
                                     const std::uint32_t (&key)[2]) {
    const r123::Philox4x32 f;
    const r123::Philox4x32::key_type k = {{key[0], key[1]}};
    r123::Philox4x32::ctr_type c = {{ctr[0], ctr[1], ctr[2], ctr[3]}};
    for (std::size_t i = 0; i < n; i += 2) {
        const r123::Philox4x32::ctr_type y = f(c, k);
        out[i] = r123::u01<double>(std::uint64_t{y.v[0]} | (std::uint64_t{y.v[1]} << 32));
        out[i + 1] = r123::u01<double>(std::uint64_t{y.v[2]} | (std::uint64_t{y.v[3]} << 32));
        ++c.v[0];  // the usual plain loop (no carry into word 1)
    }
    for (int j = 0; j < 4; ++j) ctr[j] = c.v[j];
}

struct std_state {
    std::mt19937_64 engine;
    std::uniform_real_distribution<double> uniform{0.0, 1.0};
    std::normal_distribution<double> normal{0.0, 1.0};
    std::extreme_value_distribution<double> extreme_value{0.0, 1.0};
    std::lognormal_distribution<double> lognormal{0.0, 1.0};
    std::cauchy_distribution<double> cauchy{0.0, 1.0};
    std::weibull_distribution<double> weibull{1.5, 1.0};
};

std_state* std_state_new(std::uint64_t seed) {
    return new std_state{std::mt19937_64{seed}, {}, {}};
}
void std_state_delete(std_state* s) {
    delete s;
}

void std_mt19937_64_uniform_double(std_state& s, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = s.uniform(s.engine);
}

void std_mt19937_64_normal_double(std_state& s, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = s.normal(s.engine);
}
void std_mt19937_64_extreme_value_double(std_state& s, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = s.extreme_value(s.engine);
}
void std_mt19937_64_lognormal_double(std_state& s, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = s.lognormal(s.engine);
}
void std_mt19937_64_cauchy_double(std_state& s, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = s.cauchy(s.engine);
}
void std_mt19937_64_weibull_double(std_state& s, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = s.weibull(s.engine);
}

}  // namespace fill_baselines
