// expect: cbrng: mulhilo supports word widths 1\.\.64
// Internal guard (cbrng::detail): philox_engine's own check on w fires first
// for users; this pins the inner one.
#include <cbrng/detail/mulhilo.hpp>

#include <cstdint>

int main() {
    const auto p = cbrng::detail::mulhilo<65>(std::uint64_t{3}, std::uint64_t{5});
    return static_cast<int>(p.lo);
}
