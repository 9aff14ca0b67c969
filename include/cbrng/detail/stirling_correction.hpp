// cbrng/detail/stirling_correction.hpp: the remainder of Stirling's formula
// for log k!, as the Poisson and binomial rejection methods use it.
//
//   fc(k) = log(k!) - log(sqrt(2 pi)) - (k + 1/2) log(k + 1) + (k + 1)
//
// For k <= 9 the values are a table (Hörmann, "The generation of binomial
// random variates", J. Stat. Comput. Simul. 46, 1993, Table 1, as published);
// above, the first four terms of Stirling's series in 1/(k+1):
// 1/(12 n) - 1/(360 n^3) + 1/(1260 n^5) - 1/(1680 n^7), n = k + 1, whose
// truncation error is below 1/(1188 n^9) < 4e-13 at k = 10. Every product is
// guarded (detail/fp.hpp), so fc is the same bits everywhere.
#ifndef CBRNG_DETAIL_STIRLING_CORRECTION_HPP
#define CBRNG_DETAIL_STIRLING_CORRECTION_HPP

#include "../config.hpp"
#include "fp.hpp"
#include "math.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// log(sqrt(2 pi)).
inline constexpr double log_sqrt_2pi = 0.91893853320467274178;

/// fc(k) for an integral k >= 0 held in a double (see the header comment).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double stirling_correction(double k) noexcept {
    if (k <= 9.0) {
        switch (static_cast<int>(k)) {
            case 0:
                return 0.08106146679532726;
            case 1:
                return 0.04134069595540929;
            case 2:
                return 0.02767792568499834;
            case 3:
                return 0.02079067210376509;
            case 4:
                return 0.01664469118982119;
            case 5:
                return 0.01387612882307075;
            case 6:
                return 0.01189670994589177;
            case 7:
                return 0.01041126526197209;
            case 8:
                return 0.009255462182712733;
            default:
                return 0.008330563433362871;
        }
    }
    const double n = k + 1.0;
    const double r = 1.0 / fp_mul(n, n);
    const double s =
        1.0 / 12.0 - fp_mul(r, 1.0 / 360.0 - fp_mul(r, 1.0 / 1260.0 - fp_mul(r, 1.0 / 1680.0)));
    return s / n;
}

/// log(k!) for an integral k >= 0 held in a double, from fc(k).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double log_factorial_stirling(
    double k) noexcept {
    return stirling_correction(k) + log_sqrt_2pi + fp_mul(k + 0.5, detail::log(k + 1.0)) -
           (k + 1.0);
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_STIRLING_CORRECTION_HPP
