# Tests of src/core/handoff: answers from home carried to the clinic.
spinepath_add_catch_test(test_Base45 handoff/test_Base45.cpp)
spinepath_add_catch_test(test_HandoffPayload handoff/test_HandoffPayload.cpp)
# Prints 100 patient copies, renders them with pdftoppm (poppler-utils) and
# reads them with zbarimg (zbar-tools): `make test` installs both.
spinepath_add_catch_test(test_HandoffAcceptance handoff/test_HandoffAcceptance.cpp)
# About 200 pdftoppm and zbarimg runs: 5-7 minutes were measured on a busy 2-core machine.
set_tests_properties(test_HandoffAcceptance PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 900)
spinepath_add_catch_test(test_HandoffCommands handoff/test_HandoffCommands.cpp)
add_dependencies(test_HandoffCommands spinepath-cli)
