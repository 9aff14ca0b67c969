// expect: cbrng::shuffle: requires random access iterators
#include <cbrng/algorithm.hpp>
#include <cbrng/engine.hpp>

#include <list>

int main() {
    std::list<int> v{1, 2, 3};
    cbrng::philox4x32 g;
    cbrng::shuffle(v.begin(), v.end(), g);
    return v.front();
}
