// expect: cbrng::uniform_int_distribution: integers wider than 64 bits are not supported
// std: gnu++17
// __int128 is an integral type in the GNU dialects only.
#include <cbrng/distributions/uniform_int.hpp>

int main() {
    __extension__ typedef __int128 int128;
    cbrng::uniform_int_distribution<int128> d;
    return d.b() > 0 ? 0 : 1;
}
