// expect: does not consume a fixed number of words per variate
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>

#include <vector>

int main() {
    cbrng::stream<> s;
    std::vector<int> v(100);
    cbrng::fill(cbrng::parallel{2}, s, v.begin(), v.end(),
                cbrng::uniform_int_distribution<int>{1, 6});
    return v[0];
}
