#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace spinepath::questionnaire {

enum class EnableOperator
{
    Exists,
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
};

// Which answer[x] element an enableWhen compares with.
enum class AnswerKind
{
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String,
    Coding,
    Quantity,
    Reference,
};

enum class EnableBehavior
{
    All,
    Any,
};

// One Questionnaire.item.enableWhen condition, checked against its question when loaded.
struct EnableWhen
{
    std::string question;
    EnableOperator op = EnableOperator::Exists;
    AnswerKind answerKind = AnswerKind::Boolean;
    nlohmann::json answer; // the answer[x] value as written (a Coding stays an object)
    std::string pointer;   // of the enableWhen element, for error messages
};

[[nodiscard]] std::string_view toString(EnableOperator op) noexcept;
[[nodiscard]] std::optional<EnableOperator> enableOperatorFromString(std::string_view text) noexcept;

// The answer[x] element name ("answerCoding") of a kind, and back.
[[nodiscard]] std::string_view answerElementName(AnswerKind kind) noexcept;
[[nodiscard]] std::optional<AnswerKind> answerKindFromElementName(std::string_view name) noexcept;

} // namespace spinepath::questionnaire
