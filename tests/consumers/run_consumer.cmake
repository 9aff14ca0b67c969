# Builds and runs the consumer project against cbrng in one of three modes.
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

set(args -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build -DCMAKE_CXX_COMPILER=${CXX}
    -DCBRNG_CONSUME=${MODE} -DCBRNG_SOURCE_DIR=${CBRNG_SOURCE_DIR})
if(MODE STREQUAL "find_package")
  # A fresh install of this build tree into a temporary prefix.
  set(prefix ${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} --install ${CBRNG_BINARY_DIR} --prefix ${prefix})
  list(APPEND args -DCMAKE_PREFIX_PATH=${prefix})
endif()
run(${CMAKE_COMMAND} ${args})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
message(STATUS "${run_output}")
