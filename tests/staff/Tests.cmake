# The staff console, its documents and the storage queries they stand on.
spinepath_add_qtest(test_StaffConsole staff/test_StaffConsole.cpp)
# Reads the PDFs back with pdftotext and pdfinfo (poppler-utils).
set_tests_properties(test_StaffConsole PROPERTIES TIMEOUT 300)
# The emergency chime plugin: loaded from the build tree, and a missing one survived.
spinepath_add_qtest(test_AlertSoundLoader staff/test_AlertSoundLoader.cpp)
target_compile_definitions(test_AlertSoundLoader PRIVATE
    SPINEPATH_ALERTSOUND_FILE="$<TARGET_FILE_NAME:spinepath_alertsound>"
    SPINEPATH_BUILD_PLUGIN_DIR="$<TARGET_FILE_DIR:spinepath_alertsound>")
# The file dialog's remembered folders (QtProject.conf) stay private and empty.
spinepath_add_qtest(test_StaffFileChooser staff/test_StaffFileChooser.cpp)
# The console's queue watcher: its own thread and connection, reads only on a change.
spinepath_add_qtest(test_QueueWatcher staff/test_QueueWatcher.cpp)
# "Import answers": typed scanner input, a photo through the file button, duplicates.
spinepath_add_qtest(test_ImportAnswersDialog staff/test_ImportAnswersDialog.cpp)
# Issue 20: the staff pages follow a change of language while open.
spinepath_add_qtest(test_LiveRetranslation staff/test_LiveRetranslation.cpp)
# Kiosks whose answers are not on the server yet (a clinic network's outbox).
spinepath_add_qtest(test_UnsentAnswersBanner staff/test_UnsentAnswersBanner.cpp)
