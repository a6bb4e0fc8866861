#include "core/questionnaire/ValidationResult.h"

#include <algorithm>

namespace spinepath::questionnaire {

namespace {

bool isMissing(const ValidationIssue& issue)
{
    return issue.code == IssueCode::MissingRequired;
}

} // namespace

std::string_view toString(IssueCode code) noexcept
{
    switch (code) {
    case IssueCode::UnknownLinkId:
        return "unknown_link_id";
    case IssueCode::WrongType:
        return "wrong_type";
    case IssueCode::UnknownCode:
        return "unknown_code";
    case IssueCode::OutOfRange:
        return "out_of_range";
    case IssueCode::TooLong:
        return "too_long";
    case IssueCode::TooShort:
        return "too_short";
    case IssueCode::NoMatch:
        return "no_match";
    case IssueCode::NotRepeating:
        return "not_repeating";
    case IssueCode::MissingRequired:
        return "missing_required";
    }
    return {};
}

bool ValidationResult::valid() const noexcept
{
    return std::all_of(issues.begin(), issues.end(), isMissing);
}

bool ValidationResult::complete() const noexcept
{
    return std::none_of(issues.begin(), issues.end(), isMissing);
}

std::vector<ValidationIssue> ValidationResult::errors() const
{
    std::vector<ValidationIssue> result;
    std::copy_if(issues.begin(), issues.end(), std::back_inserter(result),
                 [](const ValidationIssue& issue) { return !isMissing(issue); });
    return result;
}

std::vector<std::string> ValidationResult::missingLinkIds() const
{
    std::vector<std::string> result;
    for (const auto& issue : issues) {
        if (isMissing(issue))
            result.push_back(issue.linkId);
    }
    return result;
}

nlohmann::json ValidationResult::toJson() const
{
    auto list = nlohmann::json::array();
    for (const auto& issue : issues)
        list.push_back(
            {{"linkId", issue.linkId}, {"code", toString(issue.code)}, {"message", issue.message}});
    return {{"valid", valid()}, {"complete", complete()}, {"issues", std::move(list)}};
}

} // namespace spinepath::questionnaire
