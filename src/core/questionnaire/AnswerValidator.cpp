#include "core/questionnaire/AnswerValidator.h"

#include "core/questionnaire/AnswerValue.h"
#include "core/questionnaire/Enablement.h"
#include "core/questionnaire/RepeatingGroups.h"

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

// "the 2nd instance of 'meds'", for messages about one instance.
std::string instanceName(const Item& group, std::size_t index)
{
    const std::size_t number = index + 1;
    const char* suffix = (number % 100 >= 11 && number % 100 <= 13) ? "th"
                         : number % 10 == 1                         ? "st"
                         : number % 10 == 2                         ? "nd"
                         : number % 10 == 3                         ? "rd"
                                                                    : "th";
    return "the " + std::to_string(number) + suffix + " instance of " + inQuotes(group.linkId());
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
    // In document order, so that the first issue is the first on the form.
    for (const Item* item : m_data.all) {
        const auto answer = answers.find(item->linkId());
        if (answer == answers.end())
            continue;
        if (const Item* group = enclosingRepeatingGroup(*item))
            add(result, *item, IssueCode::WrongType,
                inQuotes(item->linkId()) + " is inside the repeating group " + inQuotes(group->linkId()) +
                    ": its answers belong in one of that group's instances");
        else if (isRepeatingGroup(*item))
            checkInstances(*item, answers, result);
        else
            checkValues(*item, *answer, result);
    }
    checkRequired(answers, nullptr, std::string(), result);
    return result;
}

void AnswerValidator::checkInstances(const Item& group, const json& answers, ValidationResult& result) const
{
    const json& instances = answers[group.linkId()];
    const std::string shape = inQuotes(group.linkId()) +
                              " is a repeating group: its answers are a list of instances, each an object "
                              "of answers keyed by linkId";
    if (!instances.is_array()) {
        add(result, group, IssueCode::WrongType, shape);
        return;
    }
    const Enablement outside(m_data, answers);
    for (std::size_t i = 0; i < instances.size(); ++i) {
        const json& instance = instances[i];
        const std::string where = instanceName(group, i);
        if (!instance.is_object()) {
            add(result, group, IssueCode::WrongType, shape + " (" + where + " is not)");
            continue;
        }
        for (const auto& [linkId, answer] : instance.items()) {
            const auto found = m_data.byLinkId.find(linkId);
            if (found == m_data.byLinkId.end() || found->second == &group ||
                !isWithin(*found->second, group)) {
                result.issues.push_back(
                    {linkId, found == m_data.byLinkId.end() ? IssueCode::UnknownLinkId : IssueCode::WrongType,
                     inQuotes(linkId) + " is no item of the repeating group " + inQuotes(group.linkId()) +
                         " (in " + where + ")"});
                continue;
            }
            const std::size_t before = result.issues.size();
            checkValues(*found->second, answer, result);
            for (std::size_t issue = before; issue < result.issues.size(); ++issue)
                result.issues[issue].message += " (in " + where + ")";
        }
        // Required items count in every instance, while the group is asked.
        if (outside.isEnabled(group))
            checkRequired(instanceView(answers, group, instance), &group, where, result);
    }
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

void AnswerValidator::checkRequired(const json& answers, const Item* group, const std::string& where,
                                    ValidationResult& result) const
{
    // `required` is taken literally for every enabled item, also inside groups
    // that are not required themselves: a skipped section leaves the answer set
    // incomplete rather than silently dropping its required questions. Items
    // inside a repeating group are checked once per instance (`group`).
    const Enablement enablement(m_data, answers);
    const std::function<bool(const Item&)> answered = [&](const Item& item) {
        if (item.isQuestion() && hasAnswer(answers, item))
            return true;
        if (isRepeatingGroup(item) && &item != group) {
            for (const json& instance : instancesOf(answers, item))
                if (instance.is_object() && !instance.empty())
                    return true;
            return false;
        }
        for (const Item* child : item.children()) {
            if (enablement.isEnabled(*child) && answered(*child))
                return true;
        }
        return false;
    };

    const std::string suffix = where.empty() ? std::string() : " (in " + where + ")";
    for (const Item* item : m_data.all) {
        const bool inScope =
            group ? item != group && isWithin(*item, *group) : !enclosingRepeatingGroup(*item);
        if (!inScope || !item->required() || !enablement.isEnabled(*item))
            continue;
        if (item->isQuestion() && !hasAnswer(answers, *item))
            add(result, *item, IssueCode::MissingRequired,
                inQuotes(item->linkId()) + " needs an answer" + suffix);
        else if (item->type() == ItemType::Group && !answered(*item))
            add(result, *item, IssueCode::MissingRequired,
                "group " + inQuotes(item->linkId()) + " needs at least one answer" + suffix);
    }
}

} // namespace spinepath::questionnaire
