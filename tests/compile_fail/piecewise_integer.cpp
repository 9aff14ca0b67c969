// expect: cbrng::piecewise_\*_distribution: RealType must be float or double
#include <cbrng/distributions/piecewise_constant.hpp>

int main() {
    cbrng::piecewise_constant_distribution<int> d;
    return static_cast<int>(d.intervals().size());
}
