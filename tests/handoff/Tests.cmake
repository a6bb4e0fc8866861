# Tests of src/core/handoff: answers from home carried to the clinic.
spinepath_add_catch_test(test_Base45 handoff/test_Base45.cpp)
spinepath_add_catch_test(test_HandoffPayload handoff/test_HandoffPayload.cpp)
spinepath_add_catch_test(test_HandoffCommands handoff/test_HandoffCommands.cpp)
add_dependencies(test_HandoffCommands spinepath-cli)
