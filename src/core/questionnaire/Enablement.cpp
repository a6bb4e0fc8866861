#include "core/questionnaire/Enablement.h"

#include "core/questionnaire/FhirTemporal.h"

#include <algorithm>
#include <compare>
#include <cstdint>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;

std::partial_ordering compareNumbers(const json& value, const json& answer)
{
    if (!value.is_number())
        return std::partial_ordering::unordered;
    if (value.is_number_integer() && answer.is_number_integer())
        return value.get<std::int64_t>() <=> answer.get<std::int64_t>();
    return value.get<double>() <=> answer.get<double>();
}

// Quantities compare by their values. The unit text is for people ("kg",
// "kilograms"), so it is not compared; a coded unit is, where both sides
// give one: 100 [lb_av] is not 100 kg. No unit conversion is attempted.
std::partial_ordering compareQuantities(const json& value, const json& answer)
{
    if (!value.is_object() || !value.contains("value") || !answer.contains("value"))
        return std::partial_ordering::unordered;
    for (const char* key : {"system", "code"}) {
        const auto mine = value.find(key);
        const auto theirs = answer.find(key);
        if (mine != value.end() && theirs != answer.end() && *mine != *theirs)
            return std::partial_ordering::unordered;
    }
    return compareNumbers(value["value"], answer["value"]);
}

// How one answer value of `question` relates to the condition's answer[x].
std::partial_ordering compareAnswer(const Item& question, const json& value, const EnableWhen& condition)
{
    const json& answer = condition.answer;
    switch (condition.answerKind) {
    case AnswerKind::Boolean:
        return value.is_boolean() && value == answer ? std::partial_ordering::equivalent
                                                     : std::partial_ordering::unordered;
    case AnswerKind::Integer:
    case AnswerKind::Decimal:
        return compareNumbers(value, answer);
    case AnswerKind::Date:
    case AnswerKind::DateTime:
    case AnswerKind::Time:
        return value.is_string() ? compareTemporal(value.get<std::string>(), answer.get<std::string>())
                                 : std::partial_ordering::unordered;
    case AnswerKind::String:
        return value.is_string() ? value.get<std::string>() <=> answer.get<std::string>()
                                 : std::partial_ordering::unordered;
    case AnswerKind::Coding: {
        // A Coding written out (a value set outside the resource) carries its own system.
        const json code = value.is_object() ? value.value("code", json()) : value;
        if (!code.is_string() || code != answer["code"])
            return std::partial_ordering::unordered;
        const std::string system = answer.value("system", std::string());
        const auto* option = question.findOption(code);
        std::string answered = value.is_object() ? value.value("system", std::string()) : std::string();
        if (answered.empty() && option && option->kind == AnswerOption::Kind::Coding)
            answered = option->coding.system;
        const bool systemsDiffer = !system.empty() && !answered.empty() && answered != system;
        return systemsDiffer ? std::partial_ordering::unordered : std::partial_ordering::equivalent;
    }
    case AnswerKind::Quantity:
        return compareQuantities(value, answer);
    case AnswerKind::Reference:
        return value == answer ? std::partial_ordering::equivalent : std::partial_ordering::unordered;
    }
    return std::partial_ordering::unordered;
}

} // namespace

Enablement::Enablement(const QuestionnaireData& data, const json& answers)
    : m_data(data)
    , m_answers(answers)
{
    for (const Item* item : m_data.all)
        evaluate(*item);
}

bool Enablement::isEnabled(const Item& item) const
{
    const auto found = m_enabled.find(&item);
    return found != m_enabled.end() && found->second;
}

std::vector<json> Enablement::answersOf(const Item& item) const
{
    return isEnabled(item) ? rawAnswers(item) : std::vector<json>();
}

bool Enablement::evaluate(const Item& item)
{
    // The loader rejects cycles, so this recursion ends.
    if (const auto known = m_enabled.find(&item); known != m_enabled.end())
        return known->second;

    bool enabled = !item.parent() || evaluate(*item.parent());
    // An item nested under a question belongs to an answer of it (R4 puts it
    // in answer.item): while the question is unanswered there is nothing for
    // it to hang under, so it is not asked. Display items under a question
    // (help, scale labels) describe the question itself.
    if (enabled && item.parent() && item.parent()->isQuestion() && item.type() != ItemType::Display)
        enabled = !rawAnswers(*item.parent()).empty();
    if (enabled && !item.enableWhen().empty()) {
        const auto& conditions = item.enableWhen();
        const auto check = [this](const EnableWhen& condition) { return holds(condition); };
        enabled = item.enableBehavior() == EnableBehavior::Any
                      ? std::any_of(conditions.begin(), conditions.end(), check)
                      : std::all_of(conditions.begin(), conditions.end(), check);
    }
    m_enabled[&item] = enabled;
    return enabled;
}

bool Enablement::holds(const EnableWhen& condition)
{
    const Item& question = *m_data.byLinkId.at(condition.question);
    const auto values = evaluate(question) ? rawAnswers(question) : std::vector<json>();

    const auto anyValue = [&](auto predicate) {
        return std::any_of(values.begin(), values.end(), [&](const json& value) {
            return predicate(compareAnswer(question, value, condition));
        });
    };
    switch (condition.op) {
    case EnableOperator::Exists:
        return !values.empty() == condition.answer.get<bool>();
    case EnableOperator::Equal:
        return anyValue([](std::partial_ordering order) { return order == 0; });
    case EnableOperator::NotEqual:
        return !anyValue([](std::partial_ordering order) { return order == 0; });
    case EnableOperator::Greater:
        return anyValue([](std::partial_ordering order) { return order > 0; });
    case EnableOperator::Less:
        return anyValue([](std::partial_ordering order) { return order < 0; });
    case EnableOperator::GreaterOrEqual:
        return anyValue([](std::partial_ordering order) { return order >= 0; });
    case EnableOperator::LessOrEqual:
        return anyValue([](std::partial_ordering order) { return order <= 0; });
    }
    return false;
}

std::vector<json> Enablement::rawAnswers(const Item& item) const
{
    if (!item.isQuestion())
        return {};
    const auto found = m_answers.find(item.linkId());
    if (found == m_answers.end() || found->is_null())
        return {};
    if (!found->is_array())
        return {*found};
    std::vector<json> values;
    std::copy_if(found->begin(), found->end(), std::back_inserter(values),
                 [](const json& value) { return !value.is_null(); });
    return values;
}

} // namespace spinepath::questionnaire
