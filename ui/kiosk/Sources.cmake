# Sources of ui/kiosk: the locked-down front-desk kiosk around the patient window.
target_sources(spinepath_ui PRIVATE
    kiosk/ClinicMode.cpp kiosk/ClinicMode.h
    kiosk/IdleWatcher.cpp kiosk/IdleWatcher.h
    kiosk/KioskGuard.cpp kiosk/KioskGuard.h
    kiosk/PatientTraces.cpp kiosk/PatientTraces.h
    kiosk/StillTherePrompt.cpp kiosk/StillTherePrompt.h
)
