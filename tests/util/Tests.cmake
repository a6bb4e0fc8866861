# Tests of src/core/util.
spinepath_add_catch_test(test_Logging util/test_Logging.cpp)
spinepath_add_catch_test(test_Translator util/test_Translator.cpp)
target_compile_definitions(test_Translator PRIVATE SPINEPATH_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
spinepath_add_catch_test(test_ContentPaths util/test_ContentPaths.cpp)
