// expect: cbrng::negative_binomial_distribution: IntType must be an integer type other
#include <cbrng/distributions/negative_binomial.hpp>

int main() {
    cbrng::negative_binomial_distribution<float> d;
    return static_cast<int>(d.p());
}
