// expect: cbrng::discrete_distribution: IntType must be an integer type other than bool
#include <cbrng/distributions/discrete.hpp>

int main() {
    cbrng::discrete_distribution<bool> d{1.0, 1.0};
    return static_cast<int>(d.min());
}
