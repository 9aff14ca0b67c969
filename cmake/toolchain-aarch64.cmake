# Cross-compiles with Debian's g++-aarch64-linux-gnu and runs the results under
# qemu-user (Debian package qemu-user), so that ctest runs the
# cross-built tests as if native. Used by scripts/cross.sh with tests/portable.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(cbrng_sysroot /usr/aarch64-linux-gnu)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH ${cbrng_sysroot})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
find_program(cbrng_qemu NAMES qemu-aarch64 qemu-aarch64-static)
if(NOT cbrng_qemu)
  message(FATAL_ERROR "qemu-aarch64 not found (Debian: apt-get install qemu-user)")
endif()
# -L: where the target's dynamic loader and libraries are.
set(CMAKE_CROSSCOMPILING_EMULATOR ${cbrng_qemu} -L ${cbrng_sysroot})
