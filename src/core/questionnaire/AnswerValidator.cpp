#include "core/questionnaire/AnswerValidator.h"

#include "core/questionnaire/AnswerValue.h"
#include "core/questionnaire/Enablement.h"

#include <functional>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;

std::string inQuotes(const std::string& linkId)
{
    return "'" + linkId + "'";
}

// A present key counts as an answer even when its value is wrong (null, say):
// that is reported as a wrong type, not a second time as a missing answer.
bool hasAnswer(const json& answers, const Item& item)
{
    const auto found = answers.find(item.linkId());
    return found != answers.end() && !(found->is_array() && found->empty());
}

void add(ValidationResult& result, const Item& item, IssueCode code, std::string message)
{
    result.issues.push_back({item.linkId(), code, std::move(message)});
}

} // namespace

ValidationResult AnswerValidator::validate(const json& answers) const
{
    ValidationResult result;
    for (const auto& [linkId, unused] : answers.items()) {
        if (!m_data.byLinkId.contains(linkId))
            result.issues.push_back({linkId, IssueCode::UnknownLinkId,
                                     "the questionnaire has no item with linkId " + inQuotes(linkId)});
    }
    for (const Item* item : m_data.all) {
        if (const auto answer = answers.find(item->linkId()); answer != answers.end())
            checkValues(*item, *answer, result);
    }
    checkRequired(answers, result);
    return result;
}

void AnswerValidator::checkValues(const Item& item, const json& answer, ValidationResult& result) const
{
    if (!item.isQuestion()) {
        add(result, item, IssueCode::WrongType,
            inQuotes(item.linkId()) + " is a " + std::string(toString(item.type())) + " and takes no answer");
        return;
    }
    const auto check = [&](const json& value) {
        if (auto problem = checkAnswerValue(item, value))
            add(result, item, problem->code, std::move(problem->message));
    };

    if (!item.repeats()) {
        if (answer.is_array())
            add(result, item, IssueCode::NotRepeating,
                inQuotes(item.linkId()) + " takes a single answer, not a list of " +
                    std::to_string(answer.size()));
        else
            check(answer);
        return;
    }
    if (!answer.is_array()) {
        add(result, item, IssueCode::WrongType,
            inQuotes(item.linkId()) + " takes a list of answers; write the answer in [ ]");
        return;
    }
    for (const auto& value : answer)
        check(value);
}

void AnswerValidator::checkRequired(const json& answers, ValidationResult& result) const
{
    // `required` is taken literally for every enabled item, also inside groups
    // that are not required themselves: a skipped section leaves the answer set
    // incomplete rather than silently dropping its required questions.
    const Enablement enablement(m_data, answers);
    const std::function<bool(const Item&)> answered = [&](const Item& item) {
        if (item.isQuestion() && hasAnswer(answers, item))
            return true;
        for (const Item* child : item.children()) {
            if (enablement.isEnabled(*child) && answered(*child))
                return true;
        }
        return false;
    };

    for (const Item* item : m_data.all) {
        if (!item->required() || !enablement.isEnabled(*item))
            continue;
        if (item->isQuestion() && !hasAnswer(answers, *item))
            add(result, *item, IssueCode::MissingRequired, inQuotes(item->linkId()) + " needs an answer");
        else if (item->type() == ItemType::Group && !answered(*item))
            add(result, *item, IssueCode::MissingRequired,
                "group " + inQuotes(item->linkId()) + " needs at least one answer");
    }
}

} // namespace spinepath::questionnaire
