// cbrng/cbrng.hpp: the umbrella header. Includes every public header and
// nothing else.
#ifndef CBRNG_CBRNG_HPP
#define CBRNG_CBRNG_HPP

#include "algorithm.hpp"
#include "ambient.hpp"
#include "config.hpp"
#include "distributions/bernoulli.hpp"
#include "distributions/beta.hpp"
#include "distributions/binomial.hpp"
#include "distributions/cauchy.hpp"
#include "distributions/chi_squared.hpp"
#include "distributions/discrete.hpp"
#include "distributions/exponential.hpp"
#include "distributions/extreme_value.hpp"
#include "distributions/fisher_f.hpp"
#include "distributions/gamma.hpp"
#include "distributions/geometric.hpp"
#include "distributions/lognormal.hpp"
#include "distributions/negative_binomial.hpp"
#include "distributions/normal.hpp"
#include "distributions/piecewise_constant.hpp"
#include "distributions/piecewise_linear.hpp"
#include "distributions/poisson.hpp"
#include "distributions/random_access.hpp"
#include "distributions/student_t.hpp"
#include "distributions/uniform_int.hpp"
#include "distributions/uniform_real.hpp"
#include "distributions/weibull.hpp"
#include "engine.hpp"
#include "fill.hpp"
#include "philox.hpp"
#include "stream.hpp"
#include "threefry.hpp"
#include "word_array.hpp"

#endif  // CBRNG_CBRNG_HPP
