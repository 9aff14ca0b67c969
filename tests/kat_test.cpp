// Known-answer tests: every Philox and Threefry vector of Random123's
// kat_vectors file (tests/kat_vectors.txt, see NOTICE) through cbrng's
// bijections, plus a few pinned at compile time.
#include <catch2/catch.hpp>

#include <cbrng/philox.hpp>
#include <cbrng/threefry.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_util.hpp"

namespace {

// Compile-time known answers (the all-zero and pi vectors of the KAT file).
static_assert(cbrng::philox4x32_10{}({0, 0, 0, 0}, {0, 0}) ==
              cbrng::philox4x32_10::counter_type{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
static_assert(cbrng::philox2x64_10{}({0, 0}, {0}) ==
              cbrng::philox2x64_10::counter_type{0xca00a0459843d731, 0x66c24222c9a845b5});
static_assert(cbrng::threefry4x64_20{}({0, 0, 0, 0}, {0, 0, 0, 0}) ==
              cbrng::threefry4x64_20::counter_type{0x09218ebde6c85537, 0x55941f5266d86105,
                                                   0x4bd25e16282434dc, 0xee29ec846bd2e40b});
static_assert(cbrng::threefry2x32_20{}({0x243f6a88, 0x85a308d3}, {0x13198a2e, 0x03707344}) ==
              cbrng::threefry2x32_20::counter_type{0xc4923a9c, 0x483df7a0});

struct kat_line {
    std::string name;
    unsigned rounds = 0;
    std::vector<std::uint64_t> words;
};

std::vector<kat_line> read_kat() {
    std::ifstream in(CBRNG_TEST_DATA_DIR "/kat_vectors.txt");
    REQUIRE(in);
    std::vector<kat_line> lines;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ss(line);
        kat_line k;
        if (!(ss >> k.name) || k.name[0] == '#') continue;
        if (k.name.rfind("philox", 0) != 0 && k.name.rfind("threefry", 0) != 0) continue;
        ss >> k.rounds;
        std::string w;
        while (ss >> w) k.words.push_back(std::stoull(w, nullptr, 16));
        lines.push_back(k);
    }
    return lines;
}

template <class Gen>
bool check(const kat_line& k) {
    typename Gen::counter_type c{};
    typename Gen::key_type key{};
    typename Gen::counter_type expect{};
    constexpr std::size_t n = c.size(), nk = key.size();
    REQUIRE(k.words.size() == 2 * n + nk);
    using w = typename Gen::word_type;
    for (std::size_t i = 0; i < n; ++i) c[i] = static_cast<w>(k.words[i]);
    for (std::size_t i = 0; i < nk; ++i) key[i] = static_cast<w>(k.words[n + i]);
    for (std::size_t i = 0; i < n; ++i) expect[i] = static_cast<w>(k.words[n + nk + i]);
    return Gen{}(c, key) == expect;
}

template <template <std::size_t, std::size_t, unsigned> class G, std::size_t N, std::size_t W,
          unsigned MaxR>
bool dispatch(const kat_line& k) {
    bool ok = false;
    const bool known = cbrng_test::with_rounds<MaxR>(
        k.rounds, [&](auto r) { ok = check<G<N, W, decltype(r)::value>>(k); });
    return known && ok;
}

}  // namespace

TEST_CASE("every Philox and Threefry known-answer vector of Random123 matches", "[kat]") {
    const auto lines = read_kat();
    std::size_t philox = 0, threefry = 0;
    for (const auto& k : lines) {
        INFO(k.name << " R=" << k.rounds);
        bool ok = false;
        if (k.name == "philox2x32")
            ok = dispatch<cbrng::philox, 2, 32, 16>(k);
        else if (k.name == "philox4x32")
            ok = dispatch<cbrng::philox, 4, 32, 16>(k);
        else if (k.name == "philox2x64")
            ok = dispatch<cbrng::philox, 2, 64, 16>(k);
        else if (k.name == "philox4x64")
            ok = dispatch<cbrng::philox, 4, 64, 16>(k);
        else if (k.name == "threefry2x32")
            ok = dispatch<cbrng::threefry, 2, 32, 32>(k);
        else if (k.name == "threefry4x32")
            ok = dispatch<cbrng::threefry, 4, 32, 72>(k);
        else if (k.name == "threefry2x64")
            ok = dispatch<cbrng::threefry, 2, 64, 32>(k);
        else if (k.name == "threefry4x64")
            ok = dispatch<cbrng::threefry, 4, 64, 72>(k);
        else
            FAIL("unknown generator " << k.name);
        CHECK(ok);
        (k.name[0] == 'p' ? philox : threefry) += 1;
    }
    // Philox: 4 shapes x 2 round counts x 3 inputs; Threefry: 4 shapes x 3 x 3.
    CHECK(philox == 24);
    CHECK(threefry == 36);
    WARN("checked " << philox << " Philox and " << threefry << " Threefry vectors");
}
