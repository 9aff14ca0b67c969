# Warning flags for cbrng's own targets (tests, benchmarks, examples); never
# forced on users of the library. -Werror only when CBRNG_WERROR is on (CI).
function(cbrng_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow)
    if(CBRNG_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${CBRNG_WERROR}>:/WX>)
  endif()
endfunction()
