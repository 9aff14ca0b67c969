// Tests include/cbrng/distributions/piecewise_constant.hpp: the tests of
// tests/support/piecewise_test_body.hpp (KS against the exact CDF with a computed
// failure budget, range, fixed consumption and variate_at, std constructors
// and accessors, errors and text I/O) for piecewise_constant_distribution.
#include <cbrng/distributions/piecewise_constant.hpp>

#define CBRNG_PIECEWISE_NAME "piecewise_constant"

namespace {
constexpr bool linear = false;
template <class R>
using dist = cbrng::piecewise_constant_distribution<R>;
}  // namespace

#include "support/piecewise_test_body.hpp"
