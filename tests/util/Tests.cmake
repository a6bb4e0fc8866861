# Tests of src/core/util.
spinepath_add_catch_test(test_Logging util/test_Logging.cpp)
