# Runs a quick dieharder subset on cbrng_dump output and applies cbrng's
# verdict rule. Invoked by CTest (tests/stat/CMakeLists.txt):
#   cmake -DDUMP=<cbrng_dump> -DDUMP_ARGS="<args>" -DDIEHARDER=<dieharder>
#         -DTESTS="<dieharder test numbers>" [-DSEED=<n>] -P dieharder_quick.cmake
#
# The rule. dieharder grades each p-value: FAILED when p < 1e-6 or p > 1 - 1e-6,
# WEAK when p < 0.005 or p > 0.995, PASSED otherwise. Here:
#   - any FAILED fails the test;
#   - a WEAK line is tolerated only if, when its dieharder test is re-run on
#     fresh data (the same streams under another seed, RERUN_SEED), the same
#     line (test name, ntup and rank among equal lines) comes out PASSED.
# For a good generator each p-value is uniform on (0, 1), so a line is WEAK
# with probability 0.01 and FAILED with probability 2e-6; on independent data
# a line is WEAK-then-not-PASSED with probability about 0.01 * 0.01 = 1e-4. The
# false-failure budget of one run of L lines is therefore about
# L * (1e-4 + 2e-6): about 0.1% for the 9 lines of the default subset, 0.3% for
# the three modes together. The data
# are a pure function of the seeds and dieharder is deterministic on raw
# input, so a given library version passes or fails every time: the budget is
# spent once, when outputs change, never as flakiness.
if(NOT DIEHARDER OR NOT EXISTS "${DIEHARDER}")
  message("dieharder is not installed (Debian: apt-get install dieharder; scripts/deps.sh); skipped")
  return()
endif()
if(NOT DEFINED SEED)
  set(SEED 1)
endif()
math(EXPR RERUN_SEED "${SEED} + 1000003")
separate_arguments(dump_args UNIX_COMMAND "${DUMP_ARGS}")
separate_arguments(tests UNIX_COMMAND "${TESTS}")

# run(<test> <seed> <out-var>): the test's result lines as a list of
# "name:ntup:rank|p-value|verdict".
function(run test seed out_var)
  execute_process(
    COMMAND ${DUMP} ${dump_args} --seed ${seed}
    COMMAND ${DIEHARDER} -g 200 -d ${test}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULTS_VARIABLE rcs)
  list(GET rcs 0 dump_rc)
  list(GET rcs 1 dh_rc)
  if(NOT dump_rc EQUAL 0 OR NOT dh_rc EQUAL 0)
    message(FATAL_ERROR "cbrng_dump ${DUMP_ARGS} --seed ${seed} | dieharder -g 200 -d ${test}: "
                        "exit statuses ${rcs}\n${out}\n${err}")
  endif()
  string(REGEX MATCHALL "[^\n]+\\|[ ]*(PASSED|WEAK|FAILED)[ ]*" lines "${out}")
  if(NOT lines)
    message(FATAL_ERROR "dieharder -d ${test} printed no verdicts:\n${out}\n${err}")
  endif()
  set(result "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "[ ]+" "" line "${line}")
    string(REPLACE "|" ";" f "${line}")  # name;ntup;tsamples;psamples;p;verdict
    list(GET f 0 name)
    list(GET f 1 ntup)
    list(GET f 4 p)
    list(GET f 5 verdict)
    set(rank 0)  # lines with the same name and ntup before this one
    foreach(r IN LISTS result)
      if(r MATCHES "^${name}:${ntup}:")
        math(EXPR rank "${rank} + 1")
      endif()
    endforeach()
    list(APPEND result "${name}:${ntup}:${rank}|${p}|${verdict}")
  endforeach()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

set(summary "")
set(bad "")
foreach(test IN LISTS tests)
  run(${test} ${SEED} first)
  foreach(r IN LISTS first)
    string(REPLACE "|" ";" f "${r}")
    list(GET f 0 key)
    list(GET f 1 p)
    list(GET f 2 verdict)
    string(APPEND summary "  -d ${test}  ${key}  p=${p}  ${verdict}\n")
    if(verdict STREQUAL "FAILED")
      list(APPEND bad "-d ${test} ${key} FAILED (p=${p})")
    elseif(verdict STREQUAL "WEAK")
      run(${test} ${RERUN_SEED} second)
      set(again "missing")
      foreach(r2 IN LISTS second)
        if(r2 MATCHES "^${key}\\|")
          string(REGEX REPLACE ".*\\|([^|]*)\\|([A-Z]+)$" "\\2 (p=\\1)" again "${r2}")
        endif()
      endforeach()
      string(APPEND summary "      re-run with --seed ${RERUN_SEED}: ${again}\n")
      if(NOT again MATCHES "^PASSED")
        list(APPEND bad "-d ${test} ${key} WEAK (p=${p}), then ${again} on re-run")
      endif()
    endif()
  endforeach()
endforeach()

message("cbrng_dump ${DUMP_ARGS} --seed ${SEED} | dieharder -g 200 -d <test>:\n${summary}")
if(bad)
  string(REPLACE ";" "\n  " bad "${bad}")
  message(FATAL_ERROR "statistical failure:\n  ${bad}")
endif()
