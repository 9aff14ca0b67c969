// Fuzz target: operator>> of the engines (philox4x32, philox4x64, and
// counter_engine over Threefry and Philox shapes, plus a philox_engine whose w
// is narrower than its word type). Input: a formatting byte (see
// cbrng_fuzz::out_flags), a type byte, then the text to parse.
#include <cbrng/engine.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

namespace {

// A C++26-style engine with 40-bit words in 64-bit storage: every parsed word
// must be below 2^40.
using narrow_engine = cbrng::philox_engine<std::uint64_t, 40, 2, 7, 0xD2B74407B1u, 0x9E3779B97Fu>;

template <class E>
void check(const std::string& text, unsigned flags) {
    E sentinel{typename E::key_type{}};
    auto key = sentinel.key();
    for (std::size_t j = 0; j < key.size(); ++j) {
        key[j] = static_cast<typename E::result_type>((0x9E3779B97F4A7C15u * (j + 1)) & E::max());
    }
    sentinel.seed(key);
    for (int i = 0; i < 5; ++i) sentinel();  // a buffered block, mid-way
    cbrng_fuzz::check_parse(text, sentinel, flags, [](E a, E b) {
        for (int i = 0; i < 9; ++i) FUZZ_CHECK(a() == b());
        a.discard(1000003);
        b.discard(1000003);
        FUZZ_CHECK(a == b);
        FUZZ_CHECK(a() == b());
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const auto flags = in.ConsumeIntegral<std::uint8_t>();
    const auto type = in.ConsumeIntegral<std::uint8_t>();
    const std::string text = in.ConsumeRemainingBytesAsString();
    switch (type % 6) {
        case 0:
            check<cbrng::philox4x32>(text, flags);
            break;
        case 1:
            check<cbrng::philox4x64>(text, flags);
            break;
        case 2:
            check<cbrng::counter_engine<cbrng::threefry4x64_20>>(text, flags);
            break;
        case 3:
            check<cbrng::counter_engine<cbrng::philox2x64_10>>(text, flags);
            break;
        case 4:
            check<cbrng::counter_engine<cbrng::threefry2x32_20>>(text, flags);
            break;
        default:
            check<narrow_engine>(text, flags);
            break;
    }
    return 0;
}
