# Sources of ui/settings: the clinic settings page of the staff console.
target_sources(spinepath_ui PRIVATE
    settings/SettingsPage.cpp settings/SettingsPage.h
    settings/StaffFormStyle.cpp settings/StaffFormStyle.h
    settings/staffforms.qrc
)
