# Sources of ui/staff: the staff console and its documents, the clinic
# settings page (settings/) and the audit log viewer (audit/).
target_sources(spinepath_ui PRIVATE
    staff/AlertSound.h
    staff/AlertSoundLoader.cpp staff/AlertSoundLoader.h
    staff/AssessmentDetail.cpp staff/AssessmentDetail.h staff/AssessmentDetail.ui
    staff/AssessmentListModel.cpp staff/AssessmentListModel.h
    staff/AssessmentSearchBar.cpp staff/AssessmentSearchBar.h
    staff/DatabaseNoticeBanner.cpp staff/DatabaseNoticeBanner.h
    staff/DatabaseReader.cpp staff/DatabaseReader.h
    staff/EmergencyAlert.cpp staff/EmergencyAlert.h
    staff/ExportDialog.cpp staff/ExportDialog.h staff/ExportDialog.ui
    staff/ImportAnswersDialog.cpp staff/ImportAnswersDialog.h
    staff/QueueWatcher.cpp staff/QueueWatcher.h
    staff/ReportActions.cpp staff/ReportActions.h
    staff/SelectionKeeper.cpp staff/SelectionKeeper.h
    staff/StaffConsole.cpp staff/StaffConsole.h
    staff/PageMessage.cpp staff/PageMessage.h
    staff/StaffReport.cpp staff/StaffReport.h
    staff/StaffStorage.h
    staff/StaffTime.cpp staff/StaffTime.h
    staff/UnsentAnswersBanner.cpp staff/UnsentAnswersBanner.h
    staff/audit/AuditActionLabels.cpp staff/audit/AuditActionLabels.h
    staff/audit/AuditLogModel.cpp staff/audit/AuditLogModel.h
    staff/audit/AuditLogPage.cpp staff/audit/AuditLogPage.h staff/audit/AuditLogPage.ui
    staff/settings/DatabaseLocationDialog.cpp staff/settings/DatabaseLocationDialog.h
    staff/settings/SettingsPage.cpp staff/settings/SettingsPage.h staff/settings/SettingsPage.ui
)
