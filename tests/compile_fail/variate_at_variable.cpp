// expect: cbrng::variate_at: the distribution's consumption per variate is variable
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/stream.hpp>

int main() {
    const cbrng::stream<> s;
    cbrng::uniform_int_distribution<int> d{1, 6};
    return cbrng::variate_at(s, d, 10);
}
