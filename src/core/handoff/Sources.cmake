# Sources of src/core/handoff: answers given at home travel to the clinic as a
# short checksummed text (HandoffPayload).
target_sources(spinepath_core PRIVATE
    handoff/Base45.cpp
    handoff/PayloadBits.cpp
    handoff/HandoffPayload.cpp
)
