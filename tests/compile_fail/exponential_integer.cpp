// expect: cbrng::exponential_distribution: RealType must be float or double
#include <cbrng/distributions/exponential.hpp>

int main() {
    cbrng::exponential_distribution<int> d;
    return static_cast<int>(d.lambda());
}
