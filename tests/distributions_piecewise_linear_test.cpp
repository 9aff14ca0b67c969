// Tests include/cbrng/distributions/piecewise_linear.hpp: the tests of
// tests/support/piecewise_test_body.hpp (KS against the exact CDF with a computed
// failure budget, range, fixed consumption and variate_at, std constructors
// and accessors, errors and text I/O) for piecewise_linear_distribution.
#include <cbrng/distributions/piecewise_linear.hpp>

#define CBRNG_PIECEWISE_NAME "piecewise_linear"

namespace {
constexpr bool linear = true;
template <class R>
using dist = cbrng::piecewise_linear_distribution<R>;
}  // namespace

#include "support/piecewise_test_body.hpp"
