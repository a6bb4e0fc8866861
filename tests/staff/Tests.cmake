# The staff console (issue 9), its documents (issue 8) and the storage queries they stand on.
spinepath_add_catch_test(test_StaffQueries storage/test_StaffQueries.cpp)
spinepath_add_qtest(test_StaffConsole staff/test_StaffConsole.cpp)
# Reads the PDFs back with pdftotext and pdfinfo (poppler-utils).
set_tests_properties(test_StaffConsole PROPERTIES TIMEOUT 300)
