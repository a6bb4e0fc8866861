# Sources of src/core/scoring
target_sources(spinepath_core PRIVATE
    scoring/RuleAnswers.cpp
    scoring/RuleTexts.cpp
    scoring/Ruleset.cpp
    scoring/RulesetLint.cpp
    scoring/AnswerSchema.cpp
    scoring/Scorer.cpp
    scoring/ScreeningContent.cpp
    scoring/ScreeningResult.cpp
)
