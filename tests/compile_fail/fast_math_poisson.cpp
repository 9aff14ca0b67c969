// expect: cbrng: built with -ffast-math or -Ofast \(__FAST_MATH__\): cbrng's floating-point
// flags: -ffast-math

// An integer distribution that computes in floating point.
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/engine.hpp>

int main() {
    cbrng::philox4x32 g;
    cbrng::poisson_distribution<int> d{3.0};
    return d(g);
}
