# Sources of src/core/report: the physician summary and the patient copy.
target_sources(spinepath_core PRIVATE
    report/ClinicalLabels.cpp
    report/ReportStrings.cpp
    report/ReportBuilder.cpp
)
