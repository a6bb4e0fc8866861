#pragma once

#include "core/assessment/AssessmentMode.h"

#include <array>
#include <optional>

// Every place a questionnaire can be taken, and "not known" (an answers file
// that does not say): what a patient is told must be right for each.
inline constexpr std::array<std::optional<spinepath::AssessmentMode>, 3> kEveryMode{
    spinepath::AssessmentMode::Home, spinepath::AssessmentMode::Kiosk, std::nullopt};
