// expect: cbrng::binomial_distribution: IntType must be an integer type other than bool
#include <cbrng/distributions/binomial.hpp>

int main() {
    cbrng::binomial_distribution<bool> d;
    return static_cast<int>(d.p());
}
