# Sources of src/core/security: the staff PIN (Argon2id through libsodium) and its throttling.
target_sources(spinepath_core PRIVATE
    security/AccessRules.cpp
    security/StaffPin.cpp
)
