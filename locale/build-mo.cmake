# Builds the .mo and fails on any untranslated or fuzzy entry: msgfmt --check
# alone accepts them (tech-notes §5).
foreach(kind --untranslated --only-fuzzy)
  execute_process(COMMAND ${MSGATTRIB} ${kind} ${PO}
    OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "msgattrib failed on ${PO}")
  endif()
  if(NOT out STREQUAL "")
    message(FATAL_ERROR "${PO} has entries that are ${kind}:\n${out}")
  endif()
endforeach()
get_filename_component(dir ${MO} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${MSGFMT} --check -o ${MO} ${PO} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgfmt --check failed on ${PO}")
endif()
