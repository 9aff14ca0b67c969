// expect: cbrng: built with -ffast-math or -Ofast \(__FAST_MATH__\): cbrng's floating-point
// flags: -ffast-math

// Sampling a real distribution (operator()) under -ffast-math.
#include <cbrng/distributions/normal.hpp>
#include <cbrng/stream.hpp>

int main() {
    cbrng::stream<> s{cbrng::stream_id{1, 2, 3}};
    cbrng::normal_distribution<double> d;
    return d(s) > 0.0 ? 1 : 0;
}
