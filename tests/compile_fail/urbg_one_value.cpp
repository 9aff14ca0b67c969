// expect: cbrng: the URBG must have at least two values
#include <cbrng/distributions/uniform_real.hpp>

struct constant_urbg {
    using result_type = unsigned;
    static constexpr unsigned min() { return 4; }
    static constexpr unsigned max() { return 4; }
    unsigned operator()() { return 4; }
};

int main() {
    constant_urbg g;
    cbrng::uniform_real_distribution<double> d;
    return d(g) < 0.5 ? 0 : 1;
}
