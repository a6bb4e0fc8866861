# Sources of ui/signin: the staff PIN prompt and the first-start PIN setup.
target_sources(spinepath_ui PRIVATE
    signin/SecretEdit.cpp signin/SecretEdit.h
    signin/PinDialog.cpp signin/PinDialog.h
    signin/SetPinDialog.cpp signin/SetPinDialog.h
)
