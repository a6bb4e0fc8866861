# Widget tests of the staff console's settings and audit log pages, and of
# the settings page's "Change…" of the database.
spinepath_add_qtest(test_SettingsPage settings/test_SettingsPage.cpp)
spinepath_add_qtest(test_AuditLogPage settings/test_AuditLogPage.cpp)
spinepath_add_qtest(test_DatabaseLocationDialog settings/test_DatabaseLocationDialog.cpp)
