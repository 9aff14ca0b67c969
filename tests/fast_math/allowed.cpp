// Built with -ffast-math and CBRNG_ALLOW_FAST_MATH: the floating-point
// distributions compile (operator(), the param overload, fill's batch path,
// variate_at) and run. Their outputs are not the frozen ones in such a build,
// so only sanity is checked: finite values with about the right mean.
#include <cbrng/cbrng.hpp>

#include <cstdio>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    if (!ok) {
        std::printf("FAILED: %s\n", what);
        ++failures;
    }
}

double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return sum / static_cast<double>(v.size());
}

}  // namespace

int main() {
    cbrng::stream<> s{cbrng::stream_id{7, 0, 1}};
    std::vector<double> x(20000);

    cbrng::fill(s, x.begin(), x.end(), cbrng::normal_distribution<double>{10.0, 1.0});
    check(mean(x) > 9.9 && mean(x) < 10.1, "normal via fill: mean 10");

    cbrng::gamma_distribution<double> gamma{2.0, 1.0};
    for (auto& v : x) v = gamma(s);
    check(mean(x) > 1.9 && mean(x) < 2.1, "gamma: mean 2");

    cbrng::poisson_distribution<int> poisson{4.0};
    for (auto& v : x) v = poisson(s);
    check(mean(x) > 3.9 && mean(x) < 4.1, "poisson: mean 4");

    cbrng::discrete_distribution<int> loaded{1.0, 3.0};
    for (auto& v : x) v = loaded(s);
    check(mean(x) > 0.7 && mean(x) < 0.8, "discrete: mean 0.75");

    cbrng::exponential_distribution<double> expo{2.0};
    const double at = cbrng::variate_at(s, expo, 123);
    check(at >= 0.0 && at < 50.0, "exponential via variate_at");
    check(expo(s, cbrng::exponential_distribution<double>::param_type{1.0}) >= 0.0,
          "exponential with params");

    if (failures == 0) std::printf("floating-point distributions ran under -ffast-math\n");
    return failures == 0 ? 0 : 1;
}
