# Sources of ui/signin: the staff PIN prompt and the first-start PIN setup.
target_sources(spinepath_ui PRIVATE
)
