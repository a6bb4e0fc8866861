# Tests of src/core/security: the staff PIN, its throttle and its audit trail.
spinepath_add_catch_test(test_StaffPin security/test_StaffPin.cpp)
