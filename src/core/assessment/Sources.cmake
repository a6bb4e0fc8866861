# Sources of src/core/assessment: small value types that describe one
# assessment, shared by storage, reports, the session and the GUI.
target_sources(spinepath_core PRIVATE
    assessment/AssessmentMode.cpp
    assessment/PatientIdentity.cpp
)
