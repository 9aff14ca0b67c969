# cmake -DFAST=<exe> -DREFERENCE=<exe> -P compare.cmake: both programs succeed
# and print the same, non-empty output.
foreach(which FAST REFERENCE)
  execute_process(COMMAND ${${which}} RESULT_VARIABLE rc OUTPUT_VARIABLE out_${which})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${${which}} failed (${rc})")
  endif()
endforeach()
string(LENGTH "${out_FAST}" length)
if(length EQUAL 0)
  message(FATAL_ERROR "${FAST} printed nothing")
endif()
if(NOT out_FAST STREQUAL out_REFERENCE)
  message(FATAL_ERROR "-ffast-math build differs from the default-flags build:\n"
                      "--- -ffast-math:\n${out_FAST}\n--- default flags:\n${out_REFERENCE}")
endif()
message(STATUS "${length} bytes of output identical under -ffast-math and default flags")
