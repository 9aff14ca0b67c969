// expect: cbrng: a bool is not an id, thread count or index
#include <cbrng/stream.hpp>

int main() {
    const bool flag = true;
    const cbrng::stream_id id{1, flag, 2};
    return static_cast<int>(id.seed);
}
