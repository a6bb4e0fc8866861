#pragma once

#include <optional>
#include <string_view>

namespace spinepath {

// Where the questionnaire was taken: at the clinic's kiosk or at home. It
// decides what an emergency tells the patient to do ("tell the front desk"
// or "call your emergency number"), so every layer uses this one type; where
// it may be unknown (an answers file that does not say) it is optional.
enum class AssessmentMode
{
    Kiosk,
    Home
};

// "kiosk" and "home": the words stored, exported and given on the command line.
[[nodiscard]] std::string_view toString(AssessmentMode mode) noexcept;
[[nodiscard]] std::optional<AssessmentMode> assessmentModeFromString(std::string_view text) noexcept;

} // namespace spinepath
