#include "core/scoring/ScreeningContent.h"

#include "core/jsonlogic/Json.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/scoring/RuleTexts.h"
#include "core/scoring/RulesetLint.h"
#include "core/util/TextFile.h"

#include <algorithm>
#include <filesystem>

namespace spinepath::scoring {

namespace {

struct Loaded
{
    std::unique_ptr<questionnaire::Questionnaire> questionnaire;
    std::unique_ptr<Ruleset> ruleset;
    std::unique_ptr<ContentRoles> roles;
    std::vector<ContentProblem> problems;
};

// The message of a questionnaire error without the file name in front of
// it: the problem names the file once, on its own.
std::string withoutPath(std::string message, const std::string& path)
{
    if (message.starts_with(path + ": "))
        message.erase(0, path.size() + 2);
    if (message == "cannot open questionnaire file " + path)
        message = "cannot open the file";
    return message;
}

// How a ruleset names its questionnaire: by url, or by id when it has none.
const std::string& nameOf(const questionnaire::Questionnaire& questionnaire)
{
    return questionnaire.url().empty() ? questionnaire.id() : questionnaire.url();
}

Loaded loadAndLint(const std::string& directory)
{
    Loaded loaded;
    std::string questionnairePath = directory + "/" + ScreeningContent::kQuestionnaireFile;
    const std::string rulesetPath = directory + "/" + ScreeningContent::kRulesetFile;
    const std::string interfacePath = directory + "/" + ScreeningContent::kInterfaceFile;

    try {
        questionnairePath = ScreeningContent::questionnaireFile(directory);
        loaded.questionnaire = std::make_unique<questionnaire::Questionnaire>(
            questionnaire::Questionnaire::fromFile(questionnairePath));
    } catch (const questionnaire::QuestionnaireError& error) {
        loaded.problems.push_back(
            {questionnairePath, error.pointer(), withoutPath(error.message(), questionnairePath)});
    } catch (const ContentError& error) {
        loaded.problems.insert(loaded.problems.end(), error.problems().begin(), error.problems().end());
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
    // A language of the rules' patient texts is complete or refused.
    add(RuleTexts::check(directory, *loaded.ruleset));
    // A questionnaire without a url (optional in R4) is named by its id.
    if (loaded.ruleset->questionnaire() != nameOf(*loaded.questionnaire))
        loaded.problems.push_back(
            {rulesetPath, "/questionnaire",
             "names \"" + loaded.ruleset->questionnaire() + "\" but the questionnaire is \"" +
                 nameOf(*loaded.questionnaire) + "\"" +
                 (loaded.questionnaire->url().empty() ? " (its id: it has no url)" : "")});
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

std::string ScreeningContent::questionnaireFile(const std::string& contentDirectory)
{
    namespace fs = std::filesystem;
    const fs::path intake = fs::path(contentDirectory) / kQuestionnaireFile;
    std::error_code error;
    if (fs::exists(intake, error))
        return intake.string();
    const fs::path folder = intake.parent_path();
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            found.push_back(entry.path().string());
    if (found.size() == 1)
        return found.front();
    std::sort(found.begin(), found.end());
    std::string names;
    for (const std::string& name : found)
        names += (names.empty() ? "" : ", ") + fs::path(name).filename().string();
    throw ContentError(
        ContentProblem{folder.string(), "",
                       found.empty() ? "holds no questionnaire: put it in " + intake.filename().string() +
                                           " (or as the only .json file of this folder)"
                                     : "holds several questionnaires (" + names + "); name the one to use " +
                                           intake.filename().string()});
}

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

ScreeningContent ScreeningContent::preview(const questionnaire::Questionnaire& questionnaire)
{
    // No clinical content: the smallest ruleset the format allows, and roles
    // that name no item, so that the session takes answers and scores nothing.
    // Every stage the format asks for holds one entry that never applies.
    const nlohmann::json never{{"id", "preview"}, {"when", false}};
    nlohmann::json flag = never;
    flag.update({{"severity", "preview"}, {"title", "-"}, {"clinical", "-"}, {"patient", "-"}});
    nlohmann::json factor = never;
    factor.update({{"pathway", "none"}, {"weight", 0}, {"reason", "-"}});
    nlohmann::json note = never;
    note.update({{"text", "-"}, {"clinical", "-"}});
    nlohmann::json category{
        {"id", "preview"}, {"title", "-"}, {"patient", "-"}, {"clinical", "-"}, {"when", true}};
    const nlohmann::json rules{
        {"resourceType", "SpinePathRuleset"},
        {"id", "preview"},
        {"version", "0"},
        // R4 asks for neither a url nor an id; the ruleset only needs a name.
        {"questionnaire", !questionnaire.url().empty()  ? questionnaire.url()
                          : !questionnaire.id().empty() ? questionnaire.id()
                                                        : std::string("preview")},
        {"pathways", nlohmann::json::array({"preview"})},
        {"severities", nlohmann::json::array({{{"id", "preview"}, {"interrupts", false}, {"alert", false}}})},
        {"flags", nlohmann::json::array({flag})},
        {"categories", nlohmann::json::array({category})},
        {"factors", nlohmann::json::array({factor})},
        {"notes", nlohmann::json::array({note})}};
    nlohmann::json roles = nlohmann::json::object();
    for (const auto& info : ContentRoles::all())
        roles[std::string(info.name)] =
            info.list ? nlohmann::json::array({"preview.none"}) : nlohmann::json("preview.none");
    ScreeningContent content;
    content.m_questionnaire = std::make_unique<questionnaire::Questionnaire>(questionnaire);
    content.m_ruleset = std::make_unique<Ruleset>(Ruleset::fromJson(rules, "(preview)"));
    content.m_roles = std::make_unique<ContentRoles>(ContentRoles::fromJson({{"roles", roles}}, "(preview)"));
    content.m_scorer =
        std::make_unique<Scorer>(*content.m_questionnaire, *content.m_ruleset, *content.m_roles);
    return content;
}

std::vector<ContentProblem> ScreeningContent::check(const std::string& contentDirectory)
{
    return loadAndLint(contentDirectory).problems;
}

} // namespace spinepath::scoring
