#pragma once

#include "core/questionnaire/Item.h"
#include "core/questionnaire/ValidationResult.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace spinepath::questionnaire {

// In flat answers an item's answer is one value, or an array of values when the
// item repeats. These functions deal with one such value: checking it against
// the item and converting it to and from a FHIR answer (an object holding one
// value[x] element, as in QuestionnaireResponse.item.answer and item.initial).

struct ValueProblem
{
    IssueCode code = IssueCode::WrongType;
    std::string message;
};

// Nothing when `value` is an acceptable answer to `item`.
[[nodiscard]] std::optional<ValueProblem> checkAnswerValue(const Item& item, const nlohmann::json& value);

// The FHIR answer for a value that passed checkAnswerValue, e.g. {"valueCoding": {...}}.
[[nodiscard]] nlohmann::json toFhirAnswer(const Item& item, const nlohmann::json& value);

// The flat value of a FHIR answer. Throws QuestionnaireError naming the item's
// linkId and `pointer` (the answer element) when the answer holds no value,
// several values, or a value of a kind the item does not take. Codes and ranges
// are left to checkAnswerValue.
[[nodiscard]] nlohmann::json fromFhirAnswer(const Item& item, const nlohmann::json& answer,
                                            const std::string& pointer);

} // namespace spinepath::questionnaire
