// expect: cbrng::uniform_real_distribution: RealType must be float or double
#include <cbrng/distributions/uniform_real.hpp>

int main() {
    cbrng::uniform_real_distribution<int> d;
    return static_cast<int>(d.b());
}
