#pragma once

#include "core/content/ContentRoles.h"
#include "core/util/ContentProblem.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace spinepath::questionnaire {
class Questionnaire;
}

namespace spinepath::scoring {

class Ruleset;

// Checks a ruleset against the questionnaire it scores and the interface it
// must provide, so that a typo ("annular_taer") is caught when content is
// loaded, not when a patient's answers happen to need that rule.
class RulesetLint final
{
public:
    RulesetLint(const Ruleset& ruleset, const questionnaire::Questionnaire& questionnaire);

    // Every var names an answerable linkId (or derived/flags/category known at
    // that stage), every code compared with an answer is one of its options.
    [[nodiscard]] std::vector<ContentProblem> checkReferences() const;
    // Every id the interface lists is defined. interface: {"flags": [...], ...}.
    [[nodiscard]] std::vector<ContentProblem> checkInterface(const nlohmann::json& interface,
                                                             const std::string& interfaceFile) const;
    // Every article a flag, factor or note points to exists.
    [[nodiscard]] std::vector<ContentProblem> checkArticles(const std::set<std::string>& articleIds) const;
    // Every role the program relies on names what it must: a question of a
    // fitting type, a top-level group, a derived concept of these rules.
    [[nodiscard]] std::vector<ContentProblem> checkRoles(const ContentRoles& roles) const;
    // Every article role names an existing article.
    [[nodiscard]] static std::vector<ContentProblem>
    checkRoleArticles(const ContentRoles& roles, const std::set<std::string>& articleIds);

private:
    const Ruleset& m_ruleset;
    const questionnaire::Questionnaire& m_questionnaire;
};

} // namespace spinepath::scoring
