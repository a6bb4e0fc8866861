# Sources of src/core/session: one patient's questionnaire in progress (QtCore
# only), used by the GUI and by spinepath-cli store.
target_sources(spinepath_core PRIVATE
    session/AssessmentSession.cpp
    session/OutboxSender.cpp
)
