// expect: cbrng::variate_at: this URBG's range is not a power of two
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/uniform_real.hpp>

#include <random>

int main() {
    const std::minstd_rand g;  // values 1 .. 2^31 - 2
    cbrng::uniform_real_distribution<double> d;
    return cbrng::variate_at(g, d, 10) < 0.5 ? 0 : 1;
}
