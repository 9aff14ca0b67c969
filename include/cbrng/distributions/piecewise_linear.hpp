// cbrng/distributions/piecewise_linear.hpp: reals with a piecewise linear
// density, identical on every platform. Boundaries b_0 < ... < b_n with
// weights w_i at the boundaries, the density linear between them:
// rho_i = w_i / S, S = sum (w_i + w_{i+1}) / 2 (b_{i+1} - b_i).
//
// std::piecewise_linear_distribution's algorithm is unspecified. This one is
// frozen (docs/design.md §4): the interval by the alias table (one 64-bit draw),
// then the inverse of the quadratic CDF inside it,
// t = u (a + c) / (a + sqrt(a^2 (1 - u) + c^2 u)) with a, c the end weights
// scaled to max 1 (no cancellation; the library's sqrt), in double with every product guarded
// (detail/piecewise.hpp has the exact sequence); float results are the double rounded once. A
// result that would round up to b_{i+1} is the largest value below it, so every variate lies in
// [b_i, b_{i+1}) and the range is [b_0, b_n).
//
// Words consumed per variate, fixed: one 64-bit draw for the interval, then
// one 64-bit (double) or 32-bit (float) draw for the position; hence O(1)
// random access with variate_at().
//
// Same interface as std:: (constructors from boundary and weight iterators,
// from an initializer_list of boundaries and a weight function, from nw, xmin,
// xmax and a weight function; intervals(), densities()), with these
// differences: fewer than two boundaries (or nw = 0) is an error rather than
// the default [0, 1); boundaries must be finite and strictly increasing,
// weights finite and >= 0 with a positive finite total (std:: leaves those
// undefined); at most 2^32 intervals. The parameters own heap arrays, so the
// distribution is host-only.
//
// Example:
//   cbrng::philox4x32 g{4};
//   cbrng::piecewise_linear_distribution<double> tri{
//       {0.0, 1.0, 2.0}, [](double x) { return x < 1 ? x : 2 - x; }};
//   double x = tri(g);   // triangular on [0, 2]
#ifndef CBRNG_DISTRIBUTIONS_PIECEWISE_LINEAR_HPP
#define CBRNG_DISTRIBUTIONS_PIECEWISE_LINEAR_HPP

#include "../config.hpp"
#include "../detail/piecewise.hpp"

CBRNG_NAMESPACE_BEGIN

/// Reals with a piecewise linear density (see the header comment): two
/// fixed-width draws per variate, bit-identical on every platform. Same
/// interface as std::piecewise_linear_distribution; RealType is float or
/// double. Stateless after construction: a const object can generate
/// concurrently. Host only. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class piecewise_linear_distribution
    : public detail::piecewise_distribution<piecewise_linear_distribution<RealType>, RealType,
                                            true> {
    using base =
        detail::piecewise_distribution<piecewise_linear_distribution<RealType>, RealType, true>;

  public:
    using base::base;
    using typename base::param_type;
    using typename base::result_type;
    /// Boundaries {0, 1}, density 1 (the uniform distribution on [0, 1)).
    piecewise_linear_distribution() = default;
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_PIECEWISE_LINEAR_HPP
