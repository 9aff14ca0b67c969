# Include hygiene (docs/performance.md, "Compile time"): preprocesses a TU
# that includes one public header and fails if a costly standard header it
# must not pull in appears among the files it includes (the include tree the
# preprocessor prints with -H). The text I/O operators are templates on the stream type
# (detail/io.hpp), so no header needs <istream>, <ostream>, <sstream> or
# <locale>; the SIMD kernels and transforms are written with GCC/clang vector
# extensions (detail/simd/), so no header needs <immintrin.h>.
#   cmake -DCXX=<c++> -DINCLUDE_DIR=<include> -DWORK_DIR=<dir> -P header_hygiene.cmake
file(MAKE_DIRECTORY ${WORK_DIR})
set(iostreams istream ostream sstream fstream iostream locale)
file(GLOB distributions RELATIVE ${INCLUDE_DIR} ${INCLUDE_DIR}/cbrng/distributions/*.hpp)
set(headers cbrng/cbrng.hpp cbrng/stream.hpp cbrng/engine.hpp cbrng/philox.hpp
    cbrng/threefry.hpp cbrng/fill.hpp cbrng/ambient.hpp cbrng/algorithm.hpp ${distributions})

set(failures "")
foreach(header ${headers})
  set(forbidden ${iostreams} immintrin.h)
  string(MAKE_C_IDENTIFIER ${header} id)
  file(WRITE ${WORK_DIR}/${id}.cpp "#include <${header}>\n")
  execute_process(COMMAND ${CXX} -std=c++17 -E -H -I${INCLUDE_DIR} ${WORK_DIR}/${id}.cpp
                          -o ${WORK_DIR}/${id}.ii
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE tree)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "preprocessing <${header}> failed (${rc}):\n${tree}")
  endif()
  if(NOT tree MATCHES "/cbrng/")
    message(FATAL_ERROR "no include tree from ${CXX} -H for <${header}>:\n${tree}")
  endif()
  foreach(f ${forbidden})
    string(REPLACE "." "\\." pattern "${f}")
    if(tree MATCHES "(^|\n)\\.+ [^\n]*/${pattern}(\n|$)")
      string(APPEND failures "  <${header}> includes <${f}>\n")
    endif()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "costly headers pulled in (docs/performance.md, \"Compile time\"):\n"
                      "${failures}")
endif()
list(LENGTH headers n)
message(STATUS "${n} headers checked: no forbidden standard header included")
