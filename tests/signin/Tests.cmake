# Tests of ui/kiosk/signin: the staff PIN prompt and the first-start PIN setup (QTest, offscreen).
spinepath_add_qtest(test_PinDialog signin/test_PinDialog.cpp signin/SignInTestSupport.h)
spinepath_add_qtest(test_SetPinDialog signin/test_SetPinDialog.cpp signin/SignInTestSupport.h)
