# fp_contract_audit: fails if the PTX of device_test's kernels contains a
# floating-point fused multiply-add.
#
#   cmake -DPTX=<file.ptx> -P fp_contract_audit.cmake
#
# nvcc contracts a*b+c into one FMA by default (--fmad=true), which rounds
# once instead of twice and so changes results. The library routes every
# inexact product through detail::fp_mul (__fmul_rn / __dmul_rn on the device:
# PTX mul.rn, which is never fused), so its device code must contain no fma
# at all. This is the CPU-only evidence, checked in CI, that device floats
# equal host floats whatever --fmad a user compiles with; device_test checks
# the values themselves where a GPU is present. (An fma of an exact product,
# e.g. by a power of two, would be harmless; if one ever appears, check it and
# teach this script to allow it.)
if(NOT PTX OR NOT EXISTS "${PTX}")
  message(FATAL_ERROR "fp_contract_audit: PTX file '${PTX}' not found")
endif()
file(READ "${PTX}" ptx)
string(REGEX MATCHALL "fma\\.[a-z.]*f(16|32|64)" fused "${ptx}")
string(REGEX MATCHALL "mul\\.rn\\.f(32|64)" guarded "${ptx}")
list(LENGTH fused n_fused)
list(LENGTH guarded n_guarded)
if(n_fused GREATER 0)
  list(REMOVE_DUPLICATES fused)
  message(FATAL_ERROR "fp_contract_audit: ${n_fused} fused multiply-adds (${fused}) in ${PTX}: "
                      "a product escaped detail::fp_mul, so device floats may differ from the host")
endif()
if(n_guarded EQUAL 0)
  message(FATAL_ERROR "fp_contract_audit: no guarded products (mul.rn) in ${PTX}: "
                      "the distributions' kernels are missing from the audited PTX")
endif()
message(STATUS "fp_contract_audit: no FMA in the device PTX; ${n_guarded} guarded products (mul.rn)")
