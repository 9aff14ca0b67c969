# Include hygiene (docs/performance.md, "Compile time"): preprocesses a TU
# that includes one public header and fails if a costly standard header it
# must not pull in appears among the files it includes (the preprocessor's
# line markers). The text I/O operators are templates on the stream type
# (detail/io.hpp), so no header needs <istream>, <ostream>, <sstream> or
# <locale>; the distributions run no SIMD kernel, so they need no
# <immintrin.h>.
#   cmake -DCXX=<c++> -DINCLUDE_DIR=<include> -DWORK_DIR=<dir> -P header_hygiene.cmake
file(MAKE_DIRECTORY ${WORK_DIR})
set(iostreams istream ostream sstream fstream iostream locale)
file(GLOB distributions RELATIVE ${INCLUDE_DIR} ${INCLUDE_DIR}/cbrng/distributions/*.hpp)
set(checks)  # header|forbidden;forbidden...
foreach(h cbrng/cbrng.hpp cbrng/stream.hpp cbrng/engine.hpp cbrng/philox.hpp cbrng/threefry.hpp
          cbrng/fill.hpp cbrng/ambient.hpp cbrng/algorithm.hpp)
  list(APPEND checks "${h}|${iostreams}")
endforeach()
foreach(h ${distributions})
  list(APPEND checks "${h}|${iostreams};immintrin.h")
endforeach()
list(APPEND checks "cbrng/philox.hpp|immintrin.h" "cbrng/threefry.hpp|immintrin.h"
     "cbrng/engine.hpp|immintrin.h")

set(failures "")
foreach(check ${checks})
  string(REPLACE "|" ";" parts "${check}")
  list(GET parts 0 header)
  list(REMOVE_AT parts 0)
  string(MAKE_C_IDENTIFIER ${header} id)
  file(WRITE ${WORK_DIR}/${id}.cpp "#include <${header}>\n")
  execute_process(COMMAND ${CXX} -std=c++17 -E -I${INCLUDE_DIR} ${WORK_DIR}/${id}.cpp
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "preprocessing <${header}> failed (${rc}):\n${err}")
  endif()
  string(REGEX MATCHALL "\n# [0-9]+ \"[^\"]*\"" markers "${out}")
  list(REMOVE_DUPLICATES markers)
  foreach(forbidden ${parts})
    string(REPLACE "." "\\." pattern "${forbidden}")
    foreach(m ${markers})
      if(m MATCHES "/${pattern}\"$")
        string(APPEND failures "  <${header}> includes <${forbidden}>\n")
        break()
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "costly headers pulled in (docs/performance.md, \"Compile time\"):\n"
                      "${failures}")
endif()
list(LENGTH checks n)
message(STATUS "${n} headers checked: no forbidden standard header included")
