#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace spinepath::questionnaire {
class Questionnaire;
}

namespace spinepath::scoring {

// The answers as the rules read them. A rule author writes
// {"var": "pain.duration"}, and JsonLogic's var reads the dots as steps of a
// path, so the answers are nested by the dots of their linkIds:
// "pain.duration" is {"pain": {"duration": ...}}.
//
// In FHIR a linkId is an opaque string, and that nesting only holds while no
// question's linkId is a dotted prefix of another's ("1.1" and "1.1.1": both
// would be the same place) and none starts with a name the rules use for
// their own data (derived, flags, severity, category). The answers to such
// questions are still kept, validated, stored and exported by linkId; they are
// only left out of what the rules see, and a rule that names one is refused
// when the content is loaded (RulesetLint), with the reason from unreadable().
class RuleAnswers final
{
public:
    explicit RuleAnswers(const questionnaire::Questionnaire& questionnaire);

    // "" when rules can read the answer of this linkId, else why they cannot.
    [[nodiscard]] std::string unreadable(std::string_view linkId) const;
    // Whether every question can be read by the rules (the intake's case).
    [[nodiscard]] bool allReadable() const noexcept { return m_unreadable.empty(); }

    // Valid flat answers nested for the rules, without the unreadable ones.
    [[nodiscard]] nlohmann::json nest(const nlohmann::json& flat) const;

private:
    std::map<std::string, std::string, std::less<>> m_unreadable;
};

} // namespace spinepath::scoring
