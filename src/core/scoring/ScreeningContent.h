#pragma once

#include "core/content/ContentRoles.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/Scorer.h"
#include "core/util/ContentProblem.h"

#include <memory>
#include <string>
#include <vector>

namespace spinepath::scoring {

// The questionnaire and the rules of a content folder, with the roles of the
// interface (the content ids the program relies on), loaded, linted and
// ready to score. This is what the GUI and the CLI load at start.
class ScreeningContent final
{
public:
    static constexpr const char* kQuestionnaireFile = "questionnaire/spinepath-intake.json";
    static constexpr const char* kRulesetFile = "rules/spinepath-core.json";
    static constexpr const char* kInterfaceFile = ContentRoles::kFile;

    // Throws ContentError listing every problem found.
    [[nodiscard]] static ScreeningContent load(const std::string& contentDirectory);
    // The folder's questionnaire: kQuestionnaireFile, or else the only .json
    // file of its folder (a clinic's form keeps its own name). Throws
    // ContentError when there is none, or several and no kQuestionnaireFile.
    [[nodiscard]] static std::string questionnaireFile(const std::string& contentDirectory);
    // Any questionnaire with no rules, for a content author's preview
    // (spinepath --preview): every answer sorts into one category, no flag
    // fires, and the roles name nothing, so nothing clinical is derived.
    [[nodiscard]] static ScreeningContent preview(const questionnaire::Questionnaire& questionnaire);
    // Every problem of the folder's questionnaire and rules, without throwing.
    [[nodiscard]] static std::vector<ContentProblem> check(const std::string& contentDirectory);

    ScreeningContent(ScreeningContent&&) noexcept = default;
    ScreeningContent& operator=(ScreeningContent&&) noexcept = default;
    ~ScreeningContent();

    [[nodiscard]] const questionnaire::Questionnaire& questionnaire() const noexcept
    {
        return *m_questionnaire;
    }
    [[nodiscard]] const Ruleset& ruleset() const noexcept { return *m_ruleset; }
    [[nodiscard]] const ContentRoles& roles() const noexcept { return *m_roles; }
    [[nodiscard]] const Scorer& scorer() const noexcept { return *m_scorer; }

private:
    ScreeningContent() = default;

    // Owned through pointers so the scorer's references survive moves.
    std::unique_ptr<questionnaire::Questionnaire> m_questionnaire;
    std::unique_ptr<Ruleset> m_ruleset;
    std::unique_ptr<ContentRoles> m_roles;
    std::unique_ptr<Scorer> m_scorer;
};

} // namespace spinepath::scoring
