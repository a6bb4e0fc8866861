#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace spinepath::questionnaire {

enum class IssueCode
{
    UnknownLinkId,   // no item has this linkId
    WrongType,       // the value is not of the item's type, or the item takes no answer
    UnknownCode,     // not one of the item's answer options
    OutOfRange,      // below minValue or above maxValue
    TooLong,         // longer than maxLength
    TooShort,        // shorter than the minLength extension
    NoMatch,         // does not match the regex extension
    NotRepeating,    // several answers for an item that takes one
    MissingRequired, // a required, enabled item has no answer
};

// "unknown_link_id", "wrong_type", ...: the codes used in exports and by the CLI.
[[nodiscard]] std::string_view toString(IssueCode code) noexcept;

struct ValidationIssue
{
    std::string linkId;
    IssueCode code = IssueCode::WrongType;
    std::string message;
};

// Errors and incompleteness are kept apart: an answer set that is merely
// unfinished is still valid, and can be saved as an in-progress response.
struct ValidationResult
{
    std::vector<ValidationIssue> issues;

    // No issue other than a missing required answer.
    [[nodiscard]] bool valid() const noexcept;
    // No required, enabled item is left without an answer.
    [[nodiscard]] bool complete() const noexcept;

    [[nodiscard]] std::vector<ValidationIssue> errors() const;
    [[nodiscard]] std::vector<std::string> missingLinkIds() const;

    // {"valid": bool, "complete": bool, "issues": [{"linkId", "code", "message"}]}
    [[nodiscard]] nlohmann::json toJson() const;
};

} // namespace spinepath::questionnaire
