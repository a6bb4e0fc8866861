# Widget tests (QTest, offscreen) and checks on the spinepath executable.
spinepath_add_qtest(test_MainWindow gui/test_MainWindow.cpp)
spinepath_add_qtest(test_PatientFlow gui/test_PatientFlow.cpp)
spinepath_add_qtest(test_ChoiceQuestions gui/test_ChoiceQuestions.cpp)
spinepath_add_qtest(test_SectionPage gui/test_SectionPage.cpp)
spinepath_add_qtest(test_ArticleView gui/test_ArticleView.cpp)
spinepath_add_qtest(test_ResultsPage gui/test_ResultsPage.cpp)
# At home: "Take your answers to your visit" (issue 22).
spinepath_add_qtest(test_TakeToVisit gui/test_TakeToVisit.cpp)
# The database checked in a worker thread while the patient starts.
spinepath_add_qtest(test_DatabaseStartup gui/test_DatabaseStartup.cpp)
spinepath_add_qtest(test_ValueQuestions gui/test_ValueQuestions.cpp)
spinepath_add_qtest(test_TypedDate gui/test_TypedDate.cpp)
spinepath_add_qtest(test_QuestionnaireView gui/test_QuestionnaireView.cpp)
spinepath_add_qtest(test_KeyboardOnly gui/test_KeyboardOnly.cpp)
spinepath_add_qtest(test_AccessibleNames gui/test_AccessibleNames.cpp)
# Contrast and text size on every patient page, measured on rendered pixels.
spinepath_add_qtest(test_LowVision gui/test_LowVision.cpp)

# Every patient page on the screens a clinic and its patients have: the
# offscreen platform is given each screen by a config file, at scale 1 and 1.5.
spinepath_add_qtest_executable(test_ScreenFit gui/test_ScreenFit.cpp)
foreach(_screen 1024x768 1920x1080)
    foreach(_scale 1 1.5)
        add_test(NAME test_ScreenFit_${_screen}_scale${_scale} COMMAND test_ScreenFit)
        set_tests_properties(test_ScreenFit_${_screen}_scale${_scale} PROPERTIES ENVIRONMENT
            "QT_QPA_PLATFORM=offscreen:configfile=${CMAKE_CURRENT_SOURCE_DIR}/gui/screens/${_screen}.json;QT_SCALE_FACTOR=${_scale}")
    endforeach()
endforeach()

# Answers the session refuses are shown beside their question, never thrown.
spinepath_add_qtest(test_AnswerProblems gui/test_AnswerProblems.cpp)
# The box for broken content fits the screen and names each path once.
spinepath_add_qtest(test_ContentProblemBox gui/test_ContentProblemBox.cpp)

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

# --help, --version and a mistyped option answer with no display at all: an
# empty environment (no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM), as
# on a build server or over ssh. QApplication would abort there.
add_test(NAME app_help_headless COMMAND env -i $<TARGET_FILE:spinepath> --help)
set_tests_properties(app_help_headless PROPERTIES PASS_REGULAR_EXPRESSION "--kiosk.*")
add_test(NAME app_help_headless_exit_code COMMAND env -i $<TARGET_FILE:spinepath> --help)
add_test(NAME app_version_headless COMMAND env -i $<TARGET_FILE:spinepath> --version)
set_tests_properties(app_version_headless PROPERTIES PASS_REGULAR_EXPRESSION "spinepath ${_spinepath_version_regex}")
add_test(NAME app_version_headless_exit_code COMMAND env -i $<TARGET_FILE:spinepath> --version)
add_test(NAME app_bad_option_headless COMMAND env -i $<TARGET_FILE:spinepath> --no-such-option)
set_tests_properties(app_bad_option_headless PROPERTIES PASS_REGULAR_EXPRESSION "no-such-option")
# Exit code 2, not an abort: a non-zero code is expected, a signal is not.
add_test(NAME app_bad_option_headless_exit_code
    COMMAND sh -c "env -i \"$1\" --no-such-option 2>/dev/null; test $? -eq 2" sh $<TARGET_FILE:spinepath>)

# Items nested under a question: shown beneath it once answered, required, exported.
spinepath_add_qtest(test_NestedQuestions gui/test_NestedQuestions.cpp)
spinepath_add_qtest(test_RepeatingGroupView gui/test_RepeatingGroupView.cpp)
spinepath_add_qtest(test_RepeatingValueQuestion gui/test_RepeatingValueQuestion.cpp)
spinepath_add_qtest(test_OpenChoice gui/test_OpenChoice.cpp)
spinepath_add_qtest(test_ChoiceOrientation gui/test_ChoiceOrientation.cpp)
spinepath_add_qtest(test_QuestionnairePreview gui/test_QuestionnairePreview.cpp)
# initial, prefix, readOnly, hidden, minLength, regex, entryFormat, questionnaire-unit.
spinepath_add_qtest(test_ItemHints gui/test_ItemHints.cpp)
# Public R4 questionnaires others wrote, in tests/data/questionnaire/public
# (PUBLIC-CORPUS.md there), or the folder SPINEPATH_FHIR_CORPUS names.
spinepath_add_qtest(test_PublicQuestionnaires gui/test_PublicQuestionnaires.cpp)
target_compile_definitions(test_PublicQuestionnaires PRIVATE SPINEPATH_CLI_PATH="$<TARGET_FILE:spinepath-cli>")
add_dependencies(test_PublicQuestionnaires spinepath-cli)
set_tests_properties(test_PublicQuestionnaires PROPERTIES TIMEOUT 1800)

# Issue 20: every patient and staff page under a pseudo-translation (marked,
# 40 % longer texts) on the smallest screen: no untranslated text, no clipping.
spinepath_add_qtest_executable(test_PseudoLocalisation gui/test_PseudoLocalisation.cpp)
add_test(NAME test_PseudoLocalisation COMMAND test_PseudoLocalisation)
set_tests_properties(test_PseudoLocalisation PROPERTIES ENVIRONMENT
    "QT_QPA_PLATFORM=offscreen:configfile=${CMAKE_CURRENT_SOURCE_DIR}/gui/screens/1024x768.json")
# Issue 20: the patient chooses Spanish; the program's own words follow.
spinepath_add_qtest(test_SpanishScreens gui/test_SpanishScreens.cpp)
# --lang: the help in the language asked for, and an unknown language refused
# with exit code 2, both with no display.
add_test(NAME app_help_spanish COMMAND env -i $<TARGET_FILE:spinepath> --lang es --help)
set_tests_properties(app_help_spanish PROPERTIES PASS_REGULAR_EXPRESSION "--lang <IDIOMA> +El idioma")
add_test(NAME app_unknown_language COMMAND env -i $<TARGET_FILE:spinepath> --lang xx)
set_tests_properties(app_unknown_language PROPERTIES
    PASS_REGULAR_EXPRESSION "Unknown language: xx\\. Use one of: en, es\\.")
add_test(NAME app_unknown_language_exit_code COMMAND env -i $<TARGET_FILE:spinepath> --lang xx)
set_tests_properties(app_unknown_language_exit_code PROPERTIES WILL_FAIL TRUE)
# A Spanish-reading patient: questionnaire, results and patient copy wholly Spanish in content.
spinepath_add_qtest(test_SpanishPatient gui/test_SpanishPatient.cpp)
# The password of a clinic's server asked for at start-up (its own cluster).
spinepath_add_qtest(test_DatabasePasswordPrompt gui/test_DatabasePasswordPrompt.cpp)
