# The install of the header-only library is exactly: the public headers, the
# CMake package and the pkg-config file (no bin/, no lib/). Configures cbrng
# with -DBUILD_TESTING=OFF, as the top-level project (MODE top_level) or
# through add_subdirectory from a project that includes CTest (MODE
# subproject), installs it into a temporary prefix and compares the file list.
#   cmake -DMODE=top_level|subproject -DCBRNG_SOURCE_DIR=<src> -DWORK_DIR=<dir>
#         -DCXX=<c++> -P install_contents.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

if(MODE STREQUAL "top_level")
  set(src ${CBRNG_SOURCE_DIR})
elseif(MODE STREQUAL "subproject")
  set(src ${WORK_DIR}/parent)
  file(WRITE ${src}/CMakeLists.txt
    "cmake_minimum_required(VERSION 3.16)\n"
    "project(parent LANGUAGES CXX)\n"
    "include(CTest)\n"
    "add_subdirectory(\"${CBRNG_SOURCE_DIR}\" cbrng)\n")
else()
  message(FATAL_ERROR "MODE must be top_level or subproject")
endif()
run(${CMAKE_COMMAND} -S ${src} -B ${WORK_DIR}/build -DCMAKE_CXX_COMPILER=${CXX}
    -DBUILD_TESTING=OFF -DCBRNG_BUILD_CUDA=OFF)
run(${CMAKE_COMMAND} --install ${WORK_DIR}/build --prefix ${WORK_DIR}/prefix)

file(GLOB_RECURSE installed LIST_DIRECTORIES false RELATIVE ${WORK_DIR}/prefix
     ${WORK_DIR}/prefix/*)
file(GLOB_RECURSE headers LIST_DIRECTORIES false RELATIVE ${CBRNG_SOURCE_DIR}
     ${CBRNG_SOURCE_DIR}/include/cbrng/*)
set(expected ${headers} share/cmake/cbrng/cbrngConfig.cmake
    share/cmake/cbrng/cbrngConfigVersion.cmake share/cmake/cbrng/cbrngTargets.cmake
    share/pkgconfig/cbrng.pc)
list(SORT installed)
list(SORT expected)
if(NOT installed STREQUAL expected)
  set(extra ${installed})
  list(REMOVE_ITEM extra ${expected})
  set(missing ${expected})
  list(REMOVE_ITEM missing ${installed})
  message(FATAL_ERROR "install (${MODE}, BUILD_TESTING=OFF) differs from headers + CMake "
                      "package + pkg-config file:\n  extra: ${extra}\n  missing: ${missing}")
endif()
list(LENGTH installed n)
message(STATUS "${MODE}: ${n} files, headers + CMake package + pkg-config file")
