// expect: cbrng: the URBG's result_type must be an unsigned integer of at most 64 bits
#include <cbrng/distributions/uniform_real.hpp>

struct signed_urbg {
    using result_type = int;
    static constexpr int min() { return 0; }
    static constexpr int max() { return 1000; }
    int operator()() { return 7; }
};

int main() {
    signed_urbg g;
    cbrng::uniform_real_distribution<double> d;
    return d(g) < 0.5 ? 0 : 1;
}
