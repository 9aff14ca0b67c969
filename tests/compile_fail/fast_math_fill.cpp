// expect: cbrng: built with -ffast-math or -Ofast \(__FAST_MATH__\): cbrng's floating-point
// flags: -ffast-math

// fill's SIMD batch path maps raw words without operator(): checked there too.
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>

#include <vector>

int main() {
    cbrng::stream<> s{cbrng::stream_id{1, 2, 3}};
    std::vector<float> v(64);
    cbrng::fill(s, v.begin(), v.end(), cbrng::uniform_real_distribution<float>{});
    return v[0] > 0.5f ? 1 : 0;
}
