// expect: cbrng::poisson_distribution: IntType must be an integer type other than bool
#include <cbrng/distributions/poisson.hpp>

int main() {
    cbrng::poisson_distribution<double> d{2.0};
    return static_cast<int>(d.mean());
}
