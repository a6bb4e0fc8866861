#include "core/questionnaire/EnableWhen.h"

#include <array>
#include <utility>

namespace spinepath::questionnaire {

namespace {

constexpr std::array<std::pair<EnableOperator, std::string_view>, 7> kOperators{{
    {EnableOperator::Exists, "exists"},
    {EnableOperator::Equal, "="},
    {EnableOperator::NotEqual, "!="},
    {EnableOperator::Greater, ">"},
    {EnableOperator::Less, "<"},
    {EnableOperator::GreaterOrEqual, ">="},
    {EnableOperator::LessOrEqual, "<="},
}};

constexpr std::array<std::pair<AnswerKind, std::string_view>, 10> kAnswerElements{{
    {AnswerKind::Boolean, "answerBoolean"},
    {AnswerKind::Decimal, "answerDecimal"},
    {AnswerKind::Integer, "answerInteger"},
    {AnswerKind::Date, "answerDate"},
    {AnswerKind::DateTime, "answerDateTime"},
    {AnswerKind::Time, "answerTime"},
    {AnswerKind::String, "answerString"},
    {AnswerKind::Coding, "answerCoding"},
    {AnswerKind::Quantity, "answerQuantity"},
    {AnswerKind::Reference, "answerReference"},
}};

} // namespace

std::string_view toString(EnableOperator op) noexcept
{
    for (const auto& [candidate, name] : kOperators) {
        if (candidate == op)
            return name;
    }
    return {};
}

std::optional<EnableOperator> enableOperatorFromString(std::string_view text) noexcept
{
    for (const auto& [op, name] : kOperators) {
        if (name == text)
            return op;
    }
    return std::nullopt;
}

std::string_view answerElementName(AnswerKind kind) noexcept
{
    for (const auto& [candidate, name] : kAnswerElements) {
        if (candidate == kind)
            return name;
    }
    return {};
}

std::optional<AnswerKind> answerKindFromElementName(std::string_view name) noexcept
{
    for (const auto& [kind, candidate] : kAnswerElements) {
        if (candidate == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace spinepath::questionnaire
