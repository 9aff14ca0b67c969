# Checks that the library cannot be misused quietly (docs/design.md §10), included from
# tests/CMakeLists.txt:
#   audit_no_locks, audit_no_locks_selftest   no mutex, lock-based atomic or static
#                                             mutable state in any header
#   compile_fail_<name>                       every static_assert fires with its message
#   fuzz_<target>_corpus                      (CBRNG_BUILD_FUZZERS) each libFuzzer target
#                                             replays its committed corpus

find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME audit_no_locks
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/audit_no_locks.py
                 ${PROJECT_SOURCE_DIR}/include)
add_test(NAME audit_no_locks_selftest
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/audit_no_locks.py --self-test)
set_tests_properties(audit_no_locks audit_no_locks_selftest PROPERTIES LABELS audit TIMEOUT 60)

# Compile-failure tests: tests/compile_fail/<name>.cpp must NOT compile, and the
# compiler's output must match the regular expression on its "// expect:" line
# (the static_assert's message). A "// std: <dialect>" line overrides -std=c++17;
# a "// flags: <flags>" line adds compiler flags (-ffast-math, -D...).
# Only the front end runs (-fsyntax-only), so each costs a fraction of a second.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  file(GLOB cbrng_compile_fail_sources CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/*.cpp)
  foreach(src ${cbrng_compile_fail_sources})
    get_filename_component(name ${src} NAME_WE)
    file(STRINGS ${src} expect REGEX "^// expect: " LIMIT_COUNT 1)
    string(REGEX REPLACE "^// expect: " "" expect "${expect}")
    if(expect STREQUAL "")
      message(FATAL_ERROR "${src}: no '// expect: <regex>' line")
    endif()
    file(STRINGS ${src} dialect REGEX "^// std: " LIMIT_COUNT 1)
    string(REGEX REPLACE "^// std: " "" dialect "${dialect}")
    if(dialect STREQUAL "")
      set(dialect c++17)
    endif()
    file(STRINGS ${src} extra REGEX "^// flags: " LIMIT_COUNT 1)
    string(REGEX REPLACE "^// flags: " "" extra "${extra}")
    separate_arguments(extra UNIX_COMMAND "${extra}")
    add_test(NAME compile_fail_${name}
             COMMAND ${CMAKE_CXX_COMPILER} -std=${dialect} -fsyntax-only ${extra}
                     -I${PROJECT_SOURCE_DIR}/include ${src})
    # The message must appear; a clean compile prints nothing and so fails.
    set_tests_properties(compile_fail_${name} PROPERTIES
      PASS_REGULAR_EXPRESSION "${expect}" LABELS compile_fail TIMEOUT 120)
  endforeach()
endif()

# Tests to compile at -O0 whatever the tree's flags: the sanitizer stage names
# tests that are costly to optimise under instrumentation (every Threefry and
# Philox round count inlined; every SIMD transform) yet run in a second.
# (CBRNG_TESTS_AT_O0 is declared in tests/CMakeLists.txt: those tests do not
# share the precompiled header, built with the tree's flags.)
foreach(t ${CBRNG_TESTS_AT_O0})
  if(TARGET ${t})
    target_compile_options(${t} PRIVATE -O0)
  endif()
endforeach()

# libFuzzer targets (clang only; off by default): tests/fuzz/.
option(CBRNG_BUILD_FUZZERS "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)
if(CBRNG_BUILD_FUZZERS)
  add_subdirectory(fuzz)
endif()
