// expect: cbrng::threefry: N \(words per block\) must be 2 or 4
#include <cbrng/threefry.hpp>

int main() {
    return cbrng::threefry<3, 64, 20>::rounds == 20 ? 0 : 1;
}
