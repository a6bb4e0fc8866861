#pragma once

#include "core/content/ContentRoles.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/ValidationResult.h"
#include "core/scoring/AnswerSchema.h"
#include "core/scoring/RuleAnswers.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/ScreeningResult.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
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

// What was left out of an answer set, or read leniently, when it was accepted:
// for the CLI to say on stderr. LinkIds and versions only, never a value.
struct InputNotes
{
    // Answers to questions that are not shown, dropped as FHIR does (sorted).
    std::vector<std::string> ignored;
    // The questionnaire version a QuestionnaireResponse names, when it is not
    // the loaded one's (its answers are read all the same), or "".
    std::string answeredVersion;
};

// Runs a ruleset over answer sets of its questionnaire. Partial answer sets
// are scored (a missing key means "not answered"); invalid ones are refused.
// Both referenced objects must outlive the scorer. Thread-safe.
class Scorer final
{
public:
    // `roles` names the derived concept reported as the PEG score.
    Scorer(const questionnaire::Questionnaire& questionnaire, const Ruleset& ruleset,
           const ContentRoles& roles);

    // Flat answers keyed by linkId, or a FHIR QuestionnaireResponse.
    // Throws AnswerError, or QuestionnaireError for a malformed response or
    // one to another questionnaire. `notes`, if given, receives what was left out.
    [[nodiscard]] ScreeningResult score(const nlohmann::json& answers, InputNotes* notes = nullptr) const;

    // The flat answers of either input form, validated, without the answers
    // to questions that are not shown (FHIR drops those; `notes` names them).
    [[nodiscard]] nlohmann::json acceptedAnswers(const nlohmann::json& answers,
                                                 InputNotes* notes = nullptr) const;

    // The streaming path: the same result for an answer set already parsed
    // into Values (flat or a QuestionnaireResponse), with the arena holding
    // the work. Common, valid answer sets never touch nlohmann::json.
    [[nodiscard]] ScreeningResult score(const jsonlogic::Value& answers, jsonlogic::Arena& arena,
                                        InputNotes* notes = nullptr) const;

    [[nodiscard]] const questionnaire::Questionnaire& questionnaire() const noexcept
    {
        return m_questionnaire;
    }
    [[nodiscard]] const Ruleset& ruleset() const noexcept { return m_ruleset; }

private:
    // Runs the stages over the answers as RuleAnswers nests them.
    [[nodiscard]] ScreeningResult evaluate(const jsonlogic::Value& nestedAnswers,
                                           jsonlogic::Arena& arena) const;

    const questionnaire::Questionnaire& m_questionnaire;
    const Ruleset& m_ruleset;
    AnswerSchema m_schema;
    RuleAnswers m_ruleAnswers;
    std::string m_pegConcept;
};

} // namespace spinepath::scoring
