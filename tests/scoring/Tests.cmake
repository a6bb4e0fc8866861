# Tests of src/core/scoring: one executable per class, and the data-driven
# screening cases of tests/data/screening/cases (the clinical contract).
spinepath_add_catch_test(test_ScreeningCases scoring/test_ScreeningCases.cpp)
spinepath_add_catch_test(test_WorkedExamples scoring/test_WorkedExamples.cpp)
spinepath_add_catch_test(test_Scorer scoring/test_Scorer.cpp)
spinepath_add_catch_test(test_RuleAnswers scoring/test_RuleAnswers.cpp)
spinepath_add_catch_test(test_ScreeningContent scoring/test_ScreeningContent.cpp)
spinepath_add_catch_test(test_ScreeningResult scoring/test_ScreeningResult.cpp)
spinepath_add_catch_test(test_Ruleset scoring/test_Ruleset.cpp)
spinepath_add_catch_test(test_RulesetLint scoring/test_RulesetLint.cpp)
