// expect: cbrng::uniform_int_distribution: IntType must be an integer type other than bool
#include <cbrng/distributions/uniform_int.hpp>

int main() {
    cbrng::uniform_int_distribution<bool> d;
    return d.b() ? 0 : 1;
}
