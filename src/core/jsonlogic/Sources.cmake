# Sources of src/core/jsonlogic
target_sources(spinepath_core PRIVATE
)
