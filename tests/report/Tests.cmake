# Tests of src/core/report and spinepath-cli report. The PDFs are read back
# with poppler-utils (pdftotext, pdfinfo, pdffonts), which `make test` installs.
spinepath_add_catch_test(test_ReportBuilder report/test_ReportBuilder.cpp)
spinepath_add_catch_test(test_PatientResult report/test_PatientResult.cpp)
spinepath_add_catch_test(test_ReportPdf report/test_ReportPdf.cpp)
spinepath_add_catch_test(test_ReportCommand report/test_ReportCommand.cpp)

# The documents need fonts, so a QGuiApplication: offscreen, never a display.
set_tests_properties(test_ReportPdf test_ReportCommand PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
# The child processes are the CLI: build it before these run.
add_dependencies(test_ReportCommand spinepath-cli)
