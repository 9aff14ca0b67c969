# The dump tool writes every word least significant byte first on every host
# (tools/cbrng_dump.cpp, "Byte order"): its first bytes for stream {42, 1, 2}
# must be the golden first four words of tests/support/golden_streams.hpp in
# little-endian order, also on s390x (big-endian).
#   cmake -DDUMP=<cbrng_dump> [-DEMULATOR=qemu|-L|sysroot] -P dump_byte_order.cmake
string(REPLACE "|" ";" emulator "${EMULATOR}")
set(expected
  "philox4x32_10=15748520138cd7f27fcb4572a73c4095"
  "philox2x64_10=2f7ec223c34670d7896da567ca1a7e3d3bd6ef8d1e6b29af53796ab07fbbf800"
  "philox4x64_10=5566239f55e7e3ba9d0c87d31e1318699dae5f8354fea8dfa521b473c783a75b"
  "threefry4x32_20=e30ee7707f8c242bd452d35da0dc9543"
  "threefry2x64_20=9225523e23684a25626bd657034b725e7a06832928a3b0b5df86d262e3753aa3"
  "threefry4x64_20=5152620ee18abb258263a0891ee81d64c6a94bd5438e0330dd0bb36ff0c7d326")
set(out ${CMAKE_CURRENT_BINARY_DIR}/dump_byte_order.bin)
foreach(entry ${expected})
  string(REGEX REPLACE "=.*" "" gen "${entry}")
  string(REGEX REPLACE ".*=" "" hex "${entry}")
  string(LENGTH "${hex}" nhex)
  math(EXPR nbytes "${nhex} / 2")
  execute_process(COMMAND ${emulator} ${DUMP} --gen ${gen} --seed 42 --process 1 --task 2
                          --bytes ${nbytes}
                  OUTPUT_FILE ${out} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${gen}: cbrng_dump failed (${rc})")
  endif()
  file(READ ${out} got HEX)
  if(NOT got STREQUAL hex)
    message(FATAL_ERROR "${gen}: dump bytes ${got}, expected ${hex}")
  endif()
  message(STATUS "${gen}: ${nbytes} bytes, little-endian as documented")
endforeach()
