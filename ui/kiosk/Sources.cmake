# Sources of ui/kiosk: the locked-down front-desk kiosk around the patient
# window, and its staff sign-in (signin/: the PIN prompt and the first-start
# PIN setup), and keyboard/: the on-screen keyboard drawn inside the window.
target_sources(spinepath_ui PRIVATE
    kiosk/ClinicMode.cpp kiosk/ClinicMode.h
    kiosk/IdleWatcher.cpp kiosk/IdleWatcher.h
    kiosk/KioskGuard.cpp kiosk/KioskGuard.h
    kiosk/KioskOutbox.cpp kiosk/KioskOutbox.h
    kiosk/PatientTraces.cpp kiosk/PatientTraces.h
    kiosk/StillTherePrompt.cpp kiosk/StillTherePrompt.h
    kiosk/keyboard/InWindowDialogs.cpp kiosk/keyboard/InWindowDialogs.h
    kiosk/keyboard/OnScreenKeyboard.cpp kiosk/keyboard/OnScreenKeyboard.h
    kiosk/keyboard/keyboard.qrc
    kiosk/signin/PinDialog.cpp kiosk/signin/PinDialog.h
    kiosk/signin/SecretEdit.cpp kiosk/signin/SecretEdit.h
    kiosk/signin/SetPinDialog.cpp kiosk/signin/SetPinDialog.h
)
