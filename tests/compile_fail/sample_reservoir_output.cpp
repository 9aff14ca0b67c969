// expect: cbrng::sample: with input iterators \(reservoir sampling\) the output must be
#include <cbrng/algorithm.hpp>
#include <cbrng/engine.hpp>

#include <iterator>
#include <list>
#include <sstream>

int main() {
    std::istringstream text{"1 2 3 4"};
    std::list<int> out(2);
    cbrng::philox4x32 g;
    cbrng::sample(std::istream_iterator<int>(text), std::istream_iterator<int>(), out.begin(), 2,
                  g);
    return out.front();
}
