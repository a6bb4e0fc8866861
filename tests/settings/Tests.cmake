# Widget tests of the staff console's settings and audit log pages.
spinepath_add_qtest(test_SettingsPage settings/test_SettingsPage.cpp)
spinepath_add_qtest(test_AuditLogPage settings/test_AuditLogPage.cpp)
