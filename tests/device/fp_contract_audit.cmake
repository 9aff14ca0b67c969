# fp_contract_audit: fails if the PTX of device_test's kernels contains a
# floating-point fused multiply-add that could change a result.
#
#   cmake -DPTX=<file.ptx> -P fp_contract_audit.cmake
#
# nvcc contracts a*b+c into one FMA by default (--fmad=true), which rounds
# once instead of twice and so can change results. The library's rule
# (detail/fp.hpp) is that every inexact product goes through detail::fp_mul
# (__fmul_rn / __dmul_rn on the device: PTX mul.rn, which is never fused) and
# only products by powers of two, which are exact (barring underflow, which
# the library's uses exclude), are written plainly. An FMA whose product is
# exact rounds like the separate multiply and add, so this audit allows FMAs
# with a power-of-two immediate multiplicand and fails on any other: that
# would be a product that escaped fp_mul.
#
# This is the CPU-only evidence, checked in CI, that device floats equal host
# floats whatever --fmad a user compiles with; device_test checks the values
# themselves where a GPU is present.
cmake_minimum_required(VERSION 3.16)
if(NOT PTX OR NOT EXISTS "${PTX}")
  message(FATAL_ERROR "fp_contract_audit: PTX file '${PTX}' not found")
endif()
file(READ "${PTX}" ptx)
string(REPLACE ";" "" ptx "${ptx}")  # PTX statements end in ';', CMake's list separator
string(REGEX MATCHALL "[ \t]fma\\.[a-z.]*f(16|32|64)(x2)?[ \t][^\n]*" fma_lines "${ptx}")
string(REGEX MATCHALL "mul\\.rn\\.f(32|64)" guarded "${ptx}")
list(LENGTH guarded n_guarded)
if(n_guarded EQUAL 0)
  message(FATAL_ERROR "fp_contract_audit: no guarded products (mul.rn) in ${PTX}: "
                      "the distributions' kernels are missing from the audited PTX")
endif()

# A power of two as a PTX immediate: binary32 0fSEEMMMMM / binary64 0dSEEMMMMMMMMMMMMM
# with a zero significand field and an exponent field that is neither 0 nor all ones.
set(pow2_f32 "^0f[0-9A-F][0-9A-F][08]00000$")
set(pow2_f64 "^0d[0-9A-F][0-9A-F][0-9A-F]0000000000000$")
set(not_pow2 "^0f(00|80|7F8|FF8)|^0d(000|800|7FF|FFF)")

set(allowed 0)
set(bad "")
foreach(line IN LISTS fma_lines)
  string(REGEX REPLACE "^[ \t]*fma[^ \t]*[ \t]+" "" operands "${line}")
  string(REGEX REPLACE "[ \t]" "" operands "${operands}")
  string(REPLACE "," ";" operands "${operands}")
  list(GET operands 1 x)
  list(GET operands 2 y)
  set(exact FALSE)
  foreach(m IN ITEMS "${x}" "${y}")
    if((m MATCHES "${pow2_f32}" OR m MATCHES "${pow2_f64}") AND NOT m MATCHES "${not_pow2}")
      set(exact TRUE)
    endif()
  endforeach()
  if(exact)
    math(EXPR allowed "${allowed} + 1")
  else()
    string(STRIP "${line}" line)
    list(APPEND bad "${line}")
  endif()
endforeach()

if(bad)
  list(LENGTH bad n_bad)
  string(REPLACE ";" "\n  " shown "${bad}")
  message(FATAL_ERROR "fp_contract_audit: ${n_bad} fused multiply-adds of an inexact product in "
                      "${PTX}:\n  ${shown}\na product escaped detail::fp_mul, so device floats "
                      "may differ from the host")
endif()
message(STATUS "fp_contract_audit: ${n_guarded} guarded products (mul.rn); no FMA of an inexact "
               "product (${allowed} FMA(s) by a power of two, exact)")
