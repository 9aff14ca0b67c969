// expect: cbrng: built with -ffast-math or -Ofast \(__FAST_MATH__\): cbrng's floating-point
// flags: -ffast-math

// variate_at of a real distribution under -ffast-math.
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/engine.hpp>

int main() {
    cbrng::philox4x32 g;
    cbrng::exponential_distribution<double> d{2.0};
    return cbrng::variate_at(g, d, 1000) > 1.0 ? 1 : 0;
}
