# Sources of src/core/handoff: answers given at home travel to the clinic as a
# short checksummed text (HandoffPayload), printed as a QR code on the patient
# copy (HandoffCode, ZXing-C++) and read back from images and PDFs (QtPdf).
target_sources(spinepath_core PRIVATE
    handoff/Base45.cpp
    handoff/PayloadBits.cpp
    handoff/HandoffPayload.cpp
    handoff/QrCode.cpp
    handoff/HandoffImport.cpp
)
target_link_libraries(spinepath_core PRIVATE ZXing::ZXing Qt6::Pdf)
