# Tests of src/cli: each runs spinepath-cli as a child process (SPINEPATH_CLI_PATH).
spinepath_add_catch_test(test_LogicCommand cli/test_LogicCommand.cpp)
add_dependencies(test_LogicCommand spinepath-cli)
spinepath_add_catch_test(test_ScreeningCommands cli/test_ScreeningCommands.cpp)
add_dependencies(test_ScreeningCommands spinepath-cli)
# db reset-pin: the reset code and --new-pin (pipe and pseudo-terminal).
spinepath_add_catch_test(test_ResetPinCommand cli/test_ResetPinCommand.cpp)
add_dependencies(test_ResetPinCommand spinepath-cli)
# questionnaire check FILE: a content author's check of any Questionnaire.
spinepath_add_catch_test(test_QuestionnaireCommand cli/test_QuestionnaireCommand.cpp)
add_dependencies(test_QuestionnaireCommand spinepath-cli)
# --lang: the reports' own texts in the language asked for.
spinepath_add_catch_test(test_LangOption cli/test_LangOption.cpp)
add_dependencies(test_LangOption spinepath-cli)
