#pragma once

#include <optional>
#include <string_view>

namespace spinepath::report {

// Where the questionnaire was taken. Unknown for an answers file that does not say.
enum class AssessmentMode
{
    Unknown,
    Kiosk,
    Home
};
[[nodiscard]] std::optional<AssessmentMode> modeFromString(std::string_view text);

} // namespace spinepath::report
