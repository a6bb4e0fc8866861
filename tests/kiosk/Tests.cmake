# Clinic mode: the kiosk lockdown, the idle reset, staff sign-in and the alert.
spinepath_add_qtest(test_ClinicMode kiosk/test_ClinicMode.cpp)
spinepath_add_qtest(test_OnScreenKeyboard kiosk/test_OnScreenKeyboard.cpp)
if(SPINEPATH_ASAN)
    # Qt Quick's own leaks under the keyboard are suppressed by the function
    # that made them (tests/lsan.supp); the fast unwinder stops inside Qt's
    # libraries, before those functions, so this test unwinds fully (added
    # to the ASAN_OPTIONS `make asan` gives every test).
    set_property(TEST test_OnScreenKeyboard APPEND PROPERTY ENVIRONMENT_MODIFICATION
                 "ASAN_OPTIONS=string_append::fast_unwind_on_malloc=0")
endif()
