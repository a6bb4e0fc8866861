#include "core/assessment/AssessmentMode.h"

namespace spinepath {

std::string_view toString(AssessmentMode mode) noexcept
{
    return mode == AssessmentMode::Home ? "home" : "kiosk";
}

std::optional<AssessmentMode> assessmentModeFromString(std::string_view text) noexcept
{
    if (text == "kiosk")
        return AssessmentMode::Kiosk;
    if (text == "home")
        return AssessmentMode::Home;
    return std::nullopt;
}

} // namespace spinepath
