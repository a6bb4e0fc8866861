# Clinic mode: the kiosk lockdown, the idle reset, staff sign-in and the alert.
spinepath_add_qtest(test_ClinicMode kiosk/test_ClinicMode.cpp)
spinepath_add_qtest(test_OnScreenKeyboard kiosk/test_OnScreenKeyboard.cpp)
