# Sources of src/core/clinic: a content folder as a whole. ClinicContent
# loads every part (in two phases) and makes the reports; ContentCheck finds
# every problem in it without loading the program.
target_sources(spinepath_core PRIVATE
    clinic/ClinicContent.cpp
    clinic/ContentCheck.cpp
)
