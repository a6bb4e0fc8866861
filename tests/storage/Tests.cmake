# Tests of src/core/storage and the store/db commands: one executable per class.
spinepath_add_catch_test(test_StorageFiles storage/test_StorageFiles.cpp)
spinepath_add_catch_test(test_Database storage/test_Database.cpp)
spinepath_add_catch_test(test_DatabaseLocation storage/test_DatabaseLocation.cpp)
spinepath_add_catch_test(test_Migrations storage/test_Migrations.cpp)
spinepath_add_catch_test(test_AssessmentLifecycle storage/test_AssessmentLifecycle.cpp)
spinepath_add_catch_test(test_AssessmentQueries storage/test_AssessmentQueries.cpp)
spinepath_add_catch_test(test_AssessmentRetention storage/test_AssessmentRetention.cpp)
spinepath_add_catch_test(test_ArticleRepository storage/test_ArticleRepository.cpp)
spinepath_add_catch_test(test_AuditLog storage/test_AuditLog.cpp)
spinepath_add_catch_test(test_Settings storage/test_Settings.cpp)
spinepath_add_catch_test(test_ClinicSettings storage/test_ClinicSettings.cpp)
spinepath_add_catch_test(test_AuditQuery storage/test_AuditQuery.cpp)
spinepath_add_catch_test(test_StorageCommands storage/test_StorageCommands.cpp)
spinepath_add_catch_test(test_CrashSafety storage/test_CrashSafety.cpp)
# Full disk, read-only, deleted while open, locked by another process, SIGKILL while migrating.
spinepath_add_catch_test(test_StorageFaults storage/test_StorageFaults.cpp)

# The child processes are the CLI: build it before these run.
add_dependencies(test_StorageCommands spinepath-cli)
add_dependencies(test_CrashSafety spinepath-cli)
add_dependencies(test_StorageFaults spinepath-cli)
# The long crash run (make bench) sets SPINEPATH_CRASH_KILLS; ctest runs three.
set_tests_properties(test_CrashSafety PROPERTIES TIMEOUT 300)

# The test harness's own PostgreSQL cluster (tests/support/PostgresCluster.h).
spinepath_add_catch_test(test_PostgresCluster storage/test_PostgresCluster.cpp)

# The storage suite on PostgreSQL too: the same test cases against a fresh
# database of a throw-away cluster that each test program starts and stops
# (SPINEPATH_TEST_ENGINE=postgresql); cases about SQLite's files and pragmas
# carry the tag [sqlite] and run only on SQLite.
foreach(storage_test test_ArticleRepository test_AssessmentLifecycle test_AssessmentQueries
        test_AssessmentRetention test_AuditLog test_AuditQuery test_ClinicSettings test_Settings)
    add_test(NAME ${storage_test}_postgresql COMMAND ${storage_test} "~[sqlite]~[.]")
    set_tests_properties(${storage_test}_postgresql PROPERTIES ENVIRONMENT "SPINEPATH_TEST_ENGINE=postgresql")
endforeach()
# PostgreSQL itself: URIs, passwords, migrations under a lock, the reader.
spinepath_add_catch_test(test_PostgresStorage storage/test_PostgresStorage.cpp)
set_tests_properties(test_PostgresStorage PROPERTIES ENVIRONMENT "SPINEPATH_TEST_ENGINE=postgresql")
# A clinic network's logins: kiosk rows hidden by row security, export
# refused, three kiosks storing at once with one killed.
spinepath_add_catch_test(test_AccessRules storage/test_AccessRules.cpp)
add_dependencies(test_AccessRules spinepath-cli)
set_tests_properties(test_AccessRules PROPERTIES ENVIRONMENT "SPINEPATH_TEST_ENGINE=postgresql")
# LISTEN/NOTIFY: the announcements, and `db watch` printing an emergency at once.
spinepath_add_catch_test(test_DatabaseEvents storage/test_DatabaseEvents.cpp)
add_dependencies(test_DatabaseEvents spinepath-cli)
set_tests_properties(test_DatabaseEvents PROPERTIES ENVIRONMENT "SPINEPATH_TEST_ENGINE=postgresql")
# Moving a clinic's SQLite file to its server (`db migrate`).
spinepath_add_catch_test(test_DatabaseCopy storage/test_DatabaseCopy.cpp)
add_dependencies(test_DatabaseCopy spinepath-cli)
set_tests_properties(test_DatabaseCopy PROPERTIES ENVIRONMENT "SPINEPATH_TEST_ENGINE=postgresql")
# A kiosk's outbox: the local file, and its delivery when the server is
# pulled away mid-questionnaire and brought back.
spinepath_add_catch_test(test_Outbox storage/test_Outbox.cpp)
spinepath_add_catch_test(test_OutboxDelivery storage/test_OutboxDelivery.cpp)
add_dependencies(test_OutboxDelivery spinepath-cli)
target_link_libraries(test_OutboxDelivery PRIVATE Qt6::Test)
set_tests_properties(test_OutboxDelivery PROPERTIES ENVIRONMENT "SPINEPATH_TEST_ENGINE=postgresql")
