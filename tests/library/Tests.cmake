# The patient education library: its bounded search on a worker thread.
spinepath_add_qtest(test_LibraryPage library/test_LibraryPage.cpp)
