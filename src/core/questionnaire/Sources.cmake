# Sources of src/core/questionnaire
target_sources(spinepath_core PRIVATE
)
