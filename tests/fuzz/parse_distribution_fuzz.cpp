// Fuzz target: operator>> of every distribution (uniform_int over several
// integer types, uniform_real / normal / exponential over float and double,
// bernoulli). Input: a formatting byte (see cbrng_fuzz::out_flags), a type
// byte, then the text. Accepted text must give valid parameters (the
// constructor's rules) and round-trip exactly (reals are written as exact
// hexadecimal literals).
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/stream.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_common.hpp"

namespace {

template <class T>
bool same_bits(const T& a, const T& b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

template <class D>
void check(const std::string& text, unsigned flags, const D& sentinel) {
    cbrng_fuzz::check_parse(text, sentinel, flags, [](const D& a, const D& b) {
        // Parameters are valid: rebuilding from them does not throw.
        const D rebuilt{a.param()};
        FUZZ_CHECK(rebuilt == a);
        cbrng::stream<> ga{cbrng::stream_id{1, 2, 3}}, gb{cbrng::stream_id{1, 2, 3}};
        D da = a, db = b;
        for (int i = 0; i < 5; ++i) {
            const auto x = da(ga);
            const auto y = db(gb);
            FUZZ_CHECK(same_bits(x, y));
            FUZZ_CHECK(ga.position() == gb.position());
        }
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const auto flags = in.ConsumeIntegral<std::uint8_t>();
    const auto type = in.ConsumeIntegral<std::uint8_t>();
    const std::string text = in.ConsumeRemainingBytesAsString();
    switch (type % 13) {
        case 0:
            check(text, flags, cbrng::uniform_int_distribution<int>{-5, 9});
            break;
        case 1:
            check(text, flags, cbrng::uniform_int_distribution<std::int8_t>{-128, 3});
            break;
        case 2:
            check(text, flags, cbrng::uniform_int_distribution<std::uint8_t>{7, 200});
            break;
        case 3:
            check(text, flags, cbrng::uniform_int_distribution<std::int64_t>{-1, 1});
            break;
        case 4:
            check(text, flags, cbrng::uniform_int_distribution<std::uint64_t>{1, 2});
            break;
        case 5:
            check(text, flags, cbrng::uniform_real_distribution<float>{-1.5f, 2.0f});
            break;
        case 6:
            check(text, flags, cbrng::uniform_real_distribution<double>{0.25, 1e300});
            break;
        case 7:
            check(text, flags, cbrng::normal_distribution<float>{3.0f, 0.5f});
            break;
        case 8:
            check(text, flags, cbrng::normal_distribution<double>{-1e-300, 7.0});
            break;
        case 9:
            check(text, flags, cbrng::exponential_distribution<float>{0.125f});
            break;
        case 10:
            check(text, flags, cbrng::exponential_distribution<double>{3e5});
            break;
        case 11:
            check(text, flags, cbrng::uniform_int_distribution<unsigned short>{0, 0});
            break;
        default:
            check(text, flags, cbrng::bernoulli_distribution{0.375});
            break;
    }
    return 0;
}
