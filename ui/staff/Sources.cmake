# Sources of ui/staff: the staff console and its documents.
target_sources(spinepath_ui PRIVATE
    staff/AlertSound.h
    staff/AlertSoundLoader.cpp staff/AlertSoundLoader.h
    staff/AssessmentDetail.cpp staff/AssessmentDetail.h
    staff/AssessmentListModel.cpp staff/AssessmentListModel.h
    staff/AssessmentSearchBar.cpp staff/AssessmentSearchBar.h
    staff/DatabaseNoticeBanner.cpp staff/DatabaseNoticeBanner.h
    staff/EmergencyAlert.cpp staff/EmergencyAlert.h
    staff/ExportDialog.cpp staff/ExportDialog.h
    staff/ReportActions.cpp staff/ReportActions.h
    staff/StaffConsole.cpp staff/StaffConsole.h
    staff/StaffFileChooser.cpp staff/StaffFileChooser.h
    staff/StaffReport.cpp staff/StaffReport.h
    staff/StaffStorage.h
)
