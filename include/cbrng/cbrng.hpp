// cbrng/cbrng.hpp: the umbrella header. Includes every public header and
// nothing else.
#ifndef CBRNG_CBRNG_HPP
#define CBRNG_CBRNG_HPP

#include "ambient.hpp"
#include "config.hpp"
#include "engine.hpp"
#include "philox.hpp"
#include "stream.hpp"
#include "threefry.hpp"
#include "word_array.hpp"

#endif  // CBRNG_CBRNG_HPP
