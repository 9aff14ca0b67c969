// expect: cbrng::variate_at: the distribution's consumption per variate is variable
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/engine.hpp>

int main() {
    cbrng::philox4x32 g;
    cbrng::poisson_distribution<int> d{3.0};
    return cbrng::variate_at(g, d, 5);
}
