# Checks fork_pool's two claims.
#
#   cmake -DFORK_POOL=<exe> [-DMUTEX=ON] -P fork_pool_check.cmake
#
# Always: the cbrng mode finishes every task with 0 deadlocks, and its digest
# is the same with 2 and with 4 workers. With MUTEX=ON (the demonstration
# test, label "demo"), also: the mutex mode deadlocks at least once within a
# bounded run (each try is bounded by fork_pool's own wait; a few tries
# absorb an unlucky run).
function(run_pool out_var)
  execute_process(COMMAND ${FORK_POOL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err TIMEOUT 60)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "$ fork_pool ${shown}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fork_pool ${shown} failed (${rc})")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

if(MUTEX)
  set(deadlocked OFF)
  foreach(try 1 2 3)
    run_pool(out --mode mutex --workers 4 --tasks 2000 --timeout-ms 1000)
    if(out MATCHES "deadlock after [0-9]+ tasks \\(child pid [0-9]+ stuck on the inherited lock\\)")
      set(deadlocked ON)
      break()
    endif()
  endforeach()
  if(NOT deadlocked)
    message(FATAL_ERROR "the mutex mode did not deadlock in 3 bounded runs")
  endif()
endif()

set(digests "")
foreach(workers 2 4)
  run_pool(out --mode cbrng --workers ${workers} --tasks 500)
  if(NOT out MATCHES "tasks completed: 500 of 500" OR NOT out MATCHES "\n0 deadlocks\n")
    message(FATAL_ERROR "cbrng mode with ${workers} workers did not finish every task cleanly")
  endif()
  if(NOT out MATCHES "digest: ([0-9a-f]+)")
    message(FATAL_ERROR "cbrng mode printed no digest")
  endif()
  list(APPEND digests ${CMAKE_MATCH_1})
endforeach()
list(GET digests 0 d2)
list(GET digests 1 d4)
if(NOT d2 STREQUAL d4)
  message(FATAL_ERROR "digests differ: 2 workers ${d2}, 4 workers ${d4}")
endif()
message(STATUS "cbrng digest ${d2} with 2 and with 4 workers, 0 deadlocks")
