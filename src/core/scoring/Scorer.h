#pragma once

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/ValidationResult.h"
#include "core/scoring/AnswerSchema.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/ScreeningResult.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <vector>

namespace spinepath::scoring {

// Answers that cannot be scored: an unknown linkId, a code that is not an
// option, a value of the wrong type or out of range. what() names each one.
class AnswerError final : public std::runtime_error
{
public:
    explicit AnswerError(std::vector<questionnaire::ValidationIssue> issues);
    [[nodiscard]] const std::vector<questionnaire::ValidationIssue>& issues() const noexcept
    {
        return m_issues;
    }

private:
    std::vector<questionnaire::ValidationIssue> m_issues;
};

// Runs a ruleset over answer sets of its questionnaire. Partial answer sets
// are scored (a missing key means "not answered"); invalid ones are refused.
// Both referenced objects must outlive the scorer. Thread-safe.
class Scorer final
{
public:
    Scorer(const questionnaire::Questionnaire& questionnaire, const Ruleset& ruleset);

    // Flat answers keyed by linkId, or a FHIR QuestionnaireResponse.
    // Throws AnswerError, or QuestionnaireError for a malformed response.
    [[nodiscard]] ScreeningResult score(const nlohmann::json& answers) const;

    // The flat answers of either input form, validated, without the answers
    // to questions that are not shown (FHIR drops those).
    [[nodiscard]] nlohmann::json acceptedAnswers(const nlohmann::json& answers) const;

    // The streaming path: the same result for an answer set already parsed
    // into Values (flat or a QuestionnaireResponse), with the arena holding
    // the work. Common, valid answer sets never touch nlohmann::json.
    [[nodiscard]] ScreeningResult score(const jsonlogic::Value& answers, jsonlogic::Arena& arena) const;

    [[nodiscard]] const questionnaire::Questionnaire& questionnaire() const noexcept
    {
        return m_questionnaire;
    }
    [[nodiscard]] const Ruleset& ruleset() const noexcept { return m_ruleset; }

private:
    // Runs the stages over answers nested by linkId.
    [[nodiscard]] ScreeningResult evaluate(const jsonlogic::Value& nestedAnswers,
                                           jsonlogic::Arena& arena) const;

    const questionnaire::Questionnaire& m_questionnaire;
    const Ruleset& m_ruleset;
    AnswerSchema m_schema;
};

} // namespace spinepath::scoring
