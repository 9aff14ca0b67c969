# Settings shared by cbrng's own CUDA targets (tests/device, examples/cuda_pi,
# benchmarks/cuda_fill_bench). Included only when CBRNG_BUILD_CUDA is on.
#
# Deliberately no --expt-relaxed-constexpr: with it nvcc lets device code call
# any constexpr host function (every constexpr std:: function among them), so
# an accidental std:: call in a device path would compile here and fail in a
# user's build that does not pass the flag. Without it, it fails here.
#
# Host warnings go through -Xcompiler; -Wpedantic is left out because nvcc's
# generated host code uses GCC-style line markers, which it flags.
#
# `cmake --build <dir> --target cbrng_cuda` builds every CUDA target and nothing else.
add_custom_target(cbrng_cuda)

function(cbrng_cuda_target target)
  add_dependencies(cbrng_cuda ${target})
  target_link_libraries(${target} PRIVATE cbrng::cbrng)
  target_compile_features(${target} PRIVATE cuda_std_17)
  set_target_properties(${target} PROPERTIES CUDA_EXTENSIONS OFF)
  set(host_warnings -Wall -Wextra -Wconversion -Wsign-conversion -Wshadow)
  if(CBRNG_WERROR)
    list(APPEND host_warnings -Werror)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:--Werror=all-warnings>)
  endif()
  string(REPLACE ";" "," host_warnings "${host_warnings}")
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CUDA>:-Xcompiler=${host_warnings}>)
endfunction()
