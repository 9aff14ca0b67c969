# Cross-compiles with Debian's g++-s390x-linux-gnu and runs the results under
# qemu-user (big-endian, Debian package qemu-user), so that ctest runs the
# cross-built tests as if native. Used by scripts/cross.sh with tests/portable.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(cbrng_sysroot /usr/s390x-linux-gnu)
set(CMAKE_CXX_COMPILER s390x-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH ${cbrng_sysroot})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
find_program(cbrng_qemu NAMES qemu-s390x qemu-s390x-static)
if(NOT cbrng_qemu)
  message(FATAL_ERROR "qemu-s390x not found (Debian: apt-get install qemu-user)")
endif()
# -L: where the target's dynamic loader and libraries are.
set(CMAKE_CROSSCOMPILING_EMULATOR ${cbrng_qemu} -L ${cbrng_sysroot})
