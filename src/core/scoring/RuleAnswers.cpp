#include "core/scoring/RuleAnswers.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/RepeatingGroups.h"

#include <algorithm>
#include <array>
#include <set>

namespace spinepath::scoring {

using nlohmann::json;

namespace {

// The names the scorer puts beside the answers (Scorer's StageData).
constexpr std::array<std::string_view, 4> kReserved{"derived", "flags", "severity", "category"};

std::string inQuotes(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

} // namespace

RuleAnswers::RuleAnswers(const questionnaire::Questionnaire& questionnaire)
{
    std::set<std::string, std::less<>> questions;
    for (const auto* item : questionnaire.answerableItems())
        if (!questionnaire::enclosingRepeatingGroup(*item))
            questions.insert(item->linkId());
    // A repeating group is one value for the rules: the list of its instances,
    // each an object of answers keyed by linkId as written.
    for (const auto* item : questionnaire.allItems())
        if (questionnaire::isRepeatingGroup(*item))
            questions.insert(item->linkId());

    for (const std::string& linkId : questions) {
        const std::string_view first = std::string_view(linkId).substr(0, linkId.find('.'));
        if (std::find(kReserved.begin(), kReserved.end(), first) != kReserved.end()) {
            m_unreadable.emplace(linkId, "it starts with " + inQuotes(first) +
                                             ", a name the rules use for their own data");
            continue;
        }
        if (linkId.front() == '.' || linkId.back() == '.' || linkId.find("..") != std::string::npos) {
            m_unreadable.emplace(linkId, "it has an empty part between its dots");
            continue;
        }
        // Every dotted prefix of this linkId that is a question too: the two
        // answers would be one place in the nested data.
        for (std::size_t dot = linkId.find('.'); dot != std::string::npos; dot = linkId.find('.', dot + 1)) {
            const std::string prefix = linkId.substr(0, dot);
            if (!questions.contains(prefix))
                continue;
            m_unreadable.emplace(linkId, "it lies under " + inQuotes(prefix) +
                                             ", which is a question too (linkIds are names, not paths)");
            m_unreadable.emplace(prefix, "it is the start of " + inQuotes(linkId) +
                                             ", which is a question too (linkIds are names, not paths)");
        }
    }
}

std::string RuleAnswers::unreadable(std::string_view linkId) const
{
    const auto found = m_unreadable.find(linkId);
    return found == m_unreadable.end() ? std::string() : found->second;
}

json RuleAnswers::nest(const json& flat) const
{
    json nested = json::object();
    for (const auto& [linkId, value] : flat.items()) {
        if (m_unreadable.contains(linkId))
            continue;
        // Each part between dots is one key of an object (a part such as "1"
        // too: a JSON pointer would make it an array index).
        json* at = &nested;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = linkId.find('.', start);
            if (!at->is_object())
                *at = json::object();
            at = &(*at)[linkId.substr(start, dot == std::string::npos ? std::string::npos : dot - start)];
            if (dot == std::string::npos)
                break;
            start = dot + 1;
        }
        *at = value;
    }
    return nested;
}

} // namespace spinepath::scoring
