// Built twice: with -ffast-math (no CBRNG_ALLOW_FAST_MATH) and with default
// flags; tests/fast_math/compare.cmake checks the two print the same. The
// umbrella header must compile under -ffast-math, and everything here is
// integer arithmetic (or exact, for bernoulli), so no flag may change it.
#include <cbrng/cbrng.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>

namespace {

template <class T>
void print(const char* what, const std::vector<T>& v) {
    std::printf("%s:", what);
    for (const T& x : v) std::printf(" %llu", static_cast<unsigned long long>(x));
    std::printf("\n");
}

}  // namespace

int main() {
    cbrng::stream<> s{cbrng::stream_id{42, 3, 17}};
    std::vector<std::uint32_t> words(8);
    for (auto& w : words) w = s();
    print("stream", words);

    cbrng::stream<cbrng::threefry4x64_20> t{cbrng::stream_id{1, 2, 3}, 5};
    std::vector<std::uint64_t> wide(5);
    for (auto& w : wide) w = t();
    print("threefry stream", wide);

    cbrng::philox4x32 e;
    e.discard(9999);
    print("philox4x32 10000th", std::vector<std::uint64_t>{e()});

    const auto block = cbrng::philox4x32_10{}({{0, 0, 0, 0}}, {{0, 0}});
    print("bijection", std::vector<std::uint32_t>{block[0], block[1], block[2], block[3]});

    std::vector<std::uint32_t> raw(1000);  // the SIMD fill kernels
    cbrng::fill(s, raw.begin(), raw.end());
    print("fill tail", std::vector<std::uint32_t>(raw.end() - 4, raw.end()));

    cbrng::uniform_int_distribution<int> die{1, 6};
    std::vector<int> rolls(12);
    for (auto& r : rolls) r = die(s);
    print("uniform_int", rolls);
    cbrng::uniform_int_distribution<std::uint64_t> full{0, ~std::uint64_t{0}};
    print("uniform_int full", std::vector<std::uint64_t>{full(s), full(s)});
    std::vector<long> filled(300);
    cbrng::fill(s, filled.begin(), filled.end(), cbrng::uniform_int_distribution<long>{-5, 5});
    print("fill uniform_int tail", std::vector<long>(filled.end() - 6, filled.end()));

    cbrng::bernoulli_distribution coin{0.3};
    std::vector<int> flips(16);
    for (auto& f : flips) f = coin(s) ? 1 : 0;
    print("bernoulli", flips);
    print("bernoulli at", std::vector<int>{cbrng::variate_at(s, coin, 1000) ? 1 : 0});

    std::vector<int> deck(20);
    std::iota(deck.begin(), deck.end(), 0);
    cbrng::shuffle(deck.begin(), deck.end(), s);
    print("shuffle", deck);
    std::vector<int> hand(5);
    cbrng::sample(deck.begin(), deck.end(), hand.begin(), 5, s);
    print("sample", hand);

    std::vector<std::uint32_t> par(1 << 12);
    cbrng::fill(cbrng::parallel{2, 64}, s, par.begin(), par.end());
    print("parallel fill tail", std::vector<std::uint32_t>(par.end() - 3, par.end()));
    print("position", std::vector<std::uint64_t>{s.position()});
    return 0;
}
