#pragma once

#include <compare>
#include <string_view>

namespace spinepath::questionnaire {

// Syntax and order of FHIR R4 date, dateTime and time strings. A date may be
// partial ("2024", "2024-05"); a dateTime with a time of day must have a zone.
[[nodiscard]] bool isFhirDate(std::string_view text);
[[nodiscard]] bool isFhirDateTime(std::string_view text);
[[nodiscard]] bool isFhirTime(std::string_view text);

// Orders two dates/dateTimes (or two times). Values of different precision whose
// shared part is equal cannot be ordered ("2024" against "2024-05-01"), nor can
// malformed values or a time against a date: the result is then unordered, so
// no comparison operator holds for them.
[[nodiscard]] std::partial_ordering compareTemporal(std::string_view left, std::string_view right);

} // namespace spinepath::questionnaire
