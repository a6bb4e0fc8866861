# Tests of src/core/scoring: one executable per class, and the data-driven
# screening cases of tests/data/screening/cases (the clinical contract).
spinepath_add_catch_test(test_ScreeningCases scoring/test_ScreeningCases.cpp)
