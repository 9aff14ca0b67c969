# The pkg-config consumer: installs this build tree into a temporary prefix,
# moves the prefix (cbrng.pc must locate the headers relative to itself), then
# compiles tests/consumers/project/main.cpp with the flags `pkg-config --cflags
# cbrng` prints, runs it and checks its output.
#   cmake -DCBRNG_BINARY_DIR=<build> -DCONSUMER_SOURCE_DIR=<project> -DWORK_DIR=<dir>
#         -DCXX=<c++> -DPKG_CONFIG=<pkg-config> -P run_pkgconfig.cmake
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found (Debian: apt-get install pkgconf; scripts/deps.sh)")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

run(${CMAKE_COMMAND} --install ${CBRNG_BINARY_DIR} --prefix ${WORK_DIR}/prefix)
file(RENAME ${WORK_DIR}/prefix ${WORK_DIR}/moved)
set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/moved/share/pkgconfig)
set(ENV{PKG_CONFIG_LIBDIR} ${WORK_DIR}/moved/share/pkgconfig)  # no system .pc files

run(${PKG_CONFIG} --modversion cbrng)
string(STRIP "${run_output}" version)
if(NOT version STREQUAL CBRNG_VERSION)
  message(FATAL_ERROR "pkg-config --modversion cbrng: '${version}', expected '${CBRNG_VERSION}'")
endif()
run(${PKG_CONFIG} --cflags cbrng)
string(STRIP "${run_output}" cflags)
if(NOT cflags MATCHES "^-I${WORK_DIR}/moved/")
  message(FATAL_ERROR "pkg-config --cflags cbrng: '${cflags}', expected -I into ${WORK_DIR}/moved")
endif()
if(NOT EXISTS "${WORK_DIR}/moved/include/cbrng/cbrng.hpp")
  message(FATAL_ERROR "the install has no include/cbrng/cbrng.hpp")
endif()
separate_arguments(cflags UNIX_COMMAND "${cflags}")
run(${CXX} -std=c++17 ${cflags} ${CONSUMER_SOURCE_DIR}/main.cpp -o ${WORK_DIR}/consumer)
run(${WORK_DIR}/consumer)
set(output "${run_output}")
if(NOT output STREQUAL "philox4x32 10000th output: 1955073260\n")
  message(FATAL_ERROR "the pkg-config consumer printed '${output}'")
endif()
message(STATUS "pkg-config ${version}, ${cflags}: ${output}")
