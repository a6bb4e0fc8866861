# Sources of ui/common: what the patient, staff and kiosk sides share.
target_sources(spinepath_ui PRIVATE
    common/AppContext.cpp common/AppContext.h
    common/Appearance.cpp common/Appearance.h
    common/ClinicPrinter.cpp common/ClinicPrinter.h
    common/ContentProblemBox.cpp common/ContentProblemBox.h
    common/DatabasePasswordPrompt.cpp common/DatabasePasswordPrompt.h
    common/DatabaseStartup.cpp common/DatabaseStartup.h
    common/LabelledControls.cpp common/LabelledControls.h
    common/PlainToolTip.h
    common/ReportPrinter.cpp common/ReportPrinter.h
    common/StaffFileChooser.cpp common/StaffFileChooser.h
)
