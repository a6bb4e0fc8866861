#include "core/scoring/ScreeningContent.h"

#include "core/jsonlogic/Json.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/scoring/RulesetLint.h"
#include "core/util/TextFile.h"

namespace spinepath::scoring {

namespace {

struct Loaded
{
    std::unique_ptr<questionnaire::Questionnaire> questionnaire;
    std::unique_ptr<Ruleset> ruleset;
    std::unique_ptr<ContentRoles> roles;
    std::vector<ContentProblem> problems;
};

Loaded loadAndLint(const std::string& directory)
{
    Loaded loaded;
    const std::string questionnairePath = directory + "/" + ScreeningContent::kQuestionnaireFile;
    const std::string rulesetPath = directory + "/" + ScreeningContent::kRulesetFile;
    const std::string interfacePath = directory + "/" + ScreeningContent::kInterfaceFile;

    try {
        loaded.questionnaire = std::make_unique<questionnaire::Questionnaire>(
            questionnaire::Questionnaire::fromFile(questionnairePath));
    } catch (const questionnaire::QuestionnaireError& error) {
        loaded.problems.push_back({questionnairePath, error.pointer(), error.message()});
    } catch (const std::exception& error) {
        loaded.problems.push_back({questionnairePath, "", error.what()});
    }
    try {
        loaded.ruleset = std::make_unique<Ruleset>(Ruleset::fromFile(rulesetPath));
    } catch (const ContentError& error) {
        loaded.problems.insert(loaded.problems.end(), error.problems().begin(), error.problems().end());
    }
    if (!loaded.questionnaire || !loaded.ruleset)
        return loaded;

    const RulesetLint lint(*loaded.ruleset, *loaded.questionnaire);
    auto add = [&](std::vector<ContentProblem> more) {
        loaded.problems.insert(loaded.problems.end(), more.begin(), more.end());
    };
    add(lint.checkReferences());
    if (loaded.ruleset->questionnaire() != loaded.questionnaire->url())
        loaded.problems.push_back({rulesetPath, "/questionnaire",
                                   "names \"" + loaded.ruleset->questionnaire() +
                                       "\" but the questionnaire is \"" + loaded.questionnaire->url() +
                                       "\""});
    try {
        const nlohmann::json interface = jsonlogic::parseJson(readTextFile(interfacePath));
        add(lint.checkInterface(interface, interfacePath));
        if (auto problems = ContentRoles::check(interface, interfacePath); !problems.empty()) {
            add(std::move(problems));
        } else {
            loaded.roles = std::make_unique<ContentRoles>(ContentRoles::fromJson(interface, interfacePath));
            add(lint.checkRoles(*loaded.roles));
        }
    } catch (const std::exception& error) {
        loaded.problems.push_back({interfacePath, "", error.what()});
    }
    return loaded;
}

} // namespace

ScreeningContent::~ScreeningContent() = default;

ScreeningContent ScreeningContent::load(const std::string& contentDirectory)
{
    Loaded loaded = loadAndLint(contentDirectory);
    if (!loaded.problems.empty())
        throw ContentError(std::move(loaded.problems));
    ScreeningContent content;
    content.m_questionnaire = std::move(loaded.questionnaire);
    content.m_ruleset = std::move(loaded.ruleset);
    content.m_roles = std::move(loaded.roles);
    content.m_scorer =
        std::make_unique<Scorer>(*content.m_questionnaire, *content.m_ruleset, *content.m_roles);
    return content;
}

std::vector<ContentProblem> ScreeningContent::check(const std::string& contentDirectory)
{
    return loadAndLint(contentDirectory).problems;
}

} // namespace spinepath::scoring
