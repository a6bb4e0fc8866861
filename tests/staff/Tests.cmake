# The staff console (issue 9), its documents (issue 8) and the storage queries they stand on.
spinepath_add_catch_test(test_StaffQueries storage/test_StaffQueries.cpp)
