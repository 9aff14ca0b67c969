// expect: cbrng::normal_distribution: RealType must be float or double
#include <cbrng/distributions/normal.hpp>

int main() {
    cbrng::normal_distribution<long double> d;
    return d.mean() == 0 ? 0 : 1;
}
