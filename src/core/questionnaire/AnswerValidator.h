#pragma once

#include "core/questionnaire/QuestionnaireData.h"
#include "core/questionnaire/ValidationResult.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>

namespace spinepath::questionnaire {

// Checks a set of flat answers against a questionnaire: every key must be a
// linkId of a question, every value must fit its item, and every required item
// that is enabled must have an answer. A repeating group's answers are its
// instances (see RepeatingGroups.h), each checked as answers of their own.
class AnswerValidator final
{
public:
    explicit AnswerValidator(const QuestionnaireData& data)
        : m_data(data)
    {}
    Q_DISABLE_COPY_MOVE(AnswerValidator)
    ~AnswerValidator() = default;

    // `answers` must be a JSON object.
    [[nodiscard]] ValidationResult validate(const nlohmann::json& answers) const;

private:
    void checkValues(const Item& item, const nlohmann::json& answer, ValidationResult& result) const;
    void checkInstances(const Item& group, const nlohmann::json& answers, ValidationResult& result) const;
    // The required items of the top level (group null), or of one instance of
    // `group` (answers are then its instanceView; `where` names the instance).
    void checkRequired(const nlohmann::json& answers, const Item* group, const std::string& where,
                       ValidationResult& result) const;

    const QuestionnaireData& m_data;
};

} // namespace spinepath::questionnaire
