# Widget tests (QTest, offscreen) and checks on the spinepath executable.
spinepath_add_qtest(test_MainWindow gui/test_MainWindow.cpp)
spinepath_add_qtest(test_PatientFlow gui/test_PatientFlow.cpp)
spinepath_add_qtest(test_ResultsPage gui/test_ResultsPage.cpp)

# --version is answered before QApplication exists. A platform that does not
# exist makes the test fail if that ever changes, since QApplication would abort.
string(REPLACE "." "\\." _spinepath_version_regex "${PROJECT_VERSION}")
add_test(NAME app_version COMMAND spinepath --version)
set_tests_properties(app_version PROPERTIES
    PASS_REGULAR_EXPRESSION "spinepath ${_spinepath_version_regex}"
    ENVIRONMENT "QT_QPA_PLATFORM=no-such-platform")
# PASS_REGULAR_EXPRESSION ignores the exit code, so it is checked on its own.
add_test(NAME app_version_exit_code COMMAND spinepath --version)
set_tests_properties(app_version_exit_code PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=no-such-platform")
