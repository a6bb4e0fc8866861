# Sources of src/core/report: the physician summary and the patient copy, laid
# out with QTextDocument and painted on any QPagedPaintDevice (PDF, printer).
# QtGui only: the GUI adds QPrinter and print preview on top.
target_sources(spinepath_core PRIVATE
    report/ClinicalLabels.cpp
    report/ReportStrings.cpp
    report/PatientResult.cpp
    report/ReportBuilder.cpp
    report/PagedDocument.cpp
    report/PhysicianSummary.cpp
    report/PatientCopy.cpp
    report/ReportPdf.cpp
)
target_link_libraries(spinepath_core PUBLIC Qt6::Gui Qt6::Svg)
