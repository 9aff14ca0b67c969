// Fuzz target: operator>> of cbrng::stream for every stream generator. Input:
// a formatting byte (see cbrng_fuzz::out_flags), a type byte, then the text.
// Accepted text must name a valid id and position (a stream that then draws
// or reports the documented end-of-stream error); anything else sets failbit
// and leaves the stream untouched.
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "fuzz_common.hpp"

namespace {

template <class S>
typename S::result_type draw_or_end(S& s, bool& ended) {
    ended = false;
    try {
        return s();
    } catch (const std::out_of_range&) {
        ended = true;
        return 0;
    }
}

template <class B>
void check(const std::string& text, unsigned flags) {
    using S = cbrng::stream<B>;
    S sentinel{cbrng::stream_id{0x0123456789abcdefu, S::max_process, 42}, 7};
    cbrng_fuzz::check_parse(text, sentinel, flags, [](S a, S b) {
        FUZZ_CHECK(a.id() == b.id());
        FUZZ_CHECK(a.id().process <= S::max_process);
        FUZZ_CHECK(a.position() <= S::capacity);
        FUZZ_CHECK(a.remaining() == S::capacity - a.position());
        for (int i = 0; i < 9; ++i) {
            const bool at_end = a.position() == S::capacity;
            bool end_a = false, end_b = false;
            const auto x = draw_or_end(a, end_a);
            const auto y = draw_or_end(b, end_b);
            FUZZ_CHECK(end_a == at_end);  // the documented error exactly at the end
            FUZZ_CHECK(end_b == at_end);
            FUZZ_CHECK(x == y);
            FUZZ_CHECK(a == b);
        }
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
            check<cbrng::philox4x32_10>(text, flags);
            break;
        case 1:
            check<cbrng::philox2x64_10>(text, flags);
            break;
        case 2:
            check<cbrng::philox4x64_10>(text, flags);
            break;
        case 3:
            check<cbrng::threefry4x32_20>(text, flags);
            break;
        case 4:
            check<cbrng::threefry2x64_20>(text, flags);
            break;
        default:
            check<cbrng::threefry4x64_20>(text, flags);
            break;
    }
    return 0;
}
