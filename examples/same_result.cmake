# Runs one example several ways and fails unless every run prints the same
# "result:" lines: the scheduling-invariance check.
#
#   cmake -DRUN_1=<cmd> -DRUN_2=<cmd> ... -P same_result.cmake
#
# Each RUN_<i> is a command whose arguments are separated by '|' (so that a
# command fits in one -D value); runs are numbered from 1 without gaps.
set(first "")
set(first_cmd "")
set(i 1)
while(DEFINED RUN_${i})
  string(REPLACE "|" ";" cmd "${RUN_${i}}")
  execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 240)
  string(REPLACE ";" " " shown "${cmd}")
  message(STATUS "$ ${shown}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "run ${i} failed (${rc}): ${shown}")
  endif()
  string(REGEX MATCHALL "result:[^\n]*" result "${out}")
  if(NOT result)
    message(FATAL_ERROR "run ${i} printed no 'result:' line: ${shown}")
  endif()
  if(i EQUAL 1)
    set(first "${result}")
    set(first_cmd "${shown}")
  elseif(NOT result STREQUAL first)
    message(FATAL_ERROR "results differ:\n  ${first_cmd}: ${first}\n  ${shown}: ${result}")
  endif()
  math(EXPR i "${i} + 1")
endwhile()
if(i LESS 3)
  message(FATAL_ERROR "same_result.cmake needs at least RUN_1 and RUN_2")
endif()
math(EXPR n "${i} - 1")
message(STATUS "all ${n} runs printed identical results")
