// expect: cbrng: built with -ffast-math or -Ofast \(__FAST_MATH__\): cbrng's floating-point
// flags: -Ofast

// -Ofast implies -ffast-math; a gamma variate through the param overload.
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/stream.hpp>

int main() {
    cbrng::stream<> s{cbrng::stream_id{1, 2, 3}};
    cbrng::gamma_distribution<float> d;
    return d(s, cbrng::gamma_distribution<float>::param_type{2.0f, 1.0f}) > 1.0f ? 1 : 0;
}
