// A content folder's questionnaire and rules: a questionnaire without a url
// (optional in R4) is named by its id, and one kept under a file name of the
// clinic's own is found when it is the only one in questionnaire/.
#include "ScoringTestSupport.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/util/ContentProblem.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

using namespace spinepath::scoring;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A content folder of its own: the real rules and interface, and the
// questionnaire files given.
class Folder final
{
public:
    explicit Folder(const std::map<std::string, json>& questionnaires, const json& rules = test::coreRules())
        : m_path(fs::temp_directory_path() / ("spinepath-content-" + std::to_string(std::random_device()()) +
                                              "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this))))
    {
        fs::create_directories(m_path / "questionnaire");
        fs::create_directories(m_path / "rules");
        fs::copy_file(test::interfacePath(), m_path / ScreeningContent::kInterfaceFile);
        write(m_path / ScreeningContent::kRulesetFile, rules);
        for (const auto& [name, questionnaire] : questionnaires)
            write(m_path / "questionnaire" / name, questionnaire);
    }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    ~Folder()
    {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }

    [[nodiscard]] std::string path() const { return m_path.string(); }

private:
    static void write(const fs::path& file, const json& value) { std::ofstream(file) << value.dump(2); }

    fs::path m_path;
};

json intake()
{
    return test::readJson(test::contentDirectory() + "/" + ScreeningContent::kQuestionnaireFile);
}

json intakeWithoutUrl()
{
    json questionnaire = intake();
    questionnaire.erase("url");
    return questionnaire;
}

json rulesNaming(const std::string& questionnaire)
{
    json rules = test::coreRules();
    rules["questionnaire"] = questionnaire;
    return rules;
}

std::string problemsOf(const Folder& folder)
{
    std::string text;
    for (const auto& problem : ScreeningContent::check(folder.path()))
        text += problem.describe() + "\n";
    return text;
}

} // namespace

TEST_CASE("A questionnaire without a url is named by its id, and scores", "[ScreeningContent]")
{
    const Folder folder({{"spinepath-intake.json", intakeWithoutUrl()}}, rulesNaming("spinepath-intake"));
    const ScreeningContent content = ScreeningContent::load(folder.path());
    CHECK(content.questionnaire().url().empty());

    const json answers = test::workedExample("E1");
    const ScreeningResult result = content.scorer().score(answers);
    CHECK(result.category == test::content().scorer().score(answers).category);

    // Its responses name no questionnaire, and are read back.
    const json accepted = content.scorer().acceptedAnswers(answers);
    spinepath::questionnaire::ResponseOptions options;
    options.status = "in-progress";
    const json response =
        spinepath::questionnaire::toQuestionnaireResponse(content.questionnaire(), accepted, options);
    CHECK_FALSE(response.contains("questionnaire"));
    CHECK(spinepath::test::responseProblems(content.questionnaire(), response) == "");
    CHECK(spinepath::questionnaire::fromQuestionnaireResponse(content.questionnaire(), response) == accepted);
}

TEST_CASE("Rules naming a questionnaire without a url by its url are refused, saying so",
          "[ScreeningContent]")
{
    const Folder folder({{"spinepath-intake.json", intakeWithoutUrl()}});
    CHECK_THAT(problemsOf(folder), Catch::Contains("/questionnaire") &&
                                       Catch::Contains("\"spinepath-intake\"") &&
                                       Catch::Contains("it has no url"));
}

TEST_CASE("The only questionnaire of the folder is used, whatever its file is called", "[ScreeningContent]")
{
    const Folder folder({{"clinic-form.json", intake()}});
    CHECK(ScreeningContent::questionnaireFile(folder.path()) ==
          (fs::path(folder.path()) / "questionnaire" / "clinic-form.json").string());
    CHECK_NOTHROW(ScreeningContent::load(folder.path()));
}

TEST_CASE("Several questionnaires and none named as the intake are refused, naming them",
          "[ScreeningContent]")
{
    const Folder several({{"a-form.json", intake()}, {"b-form.json", intake()}});
    CHECK_THAT(problemsOf(several), Catch::Contains("a-form.json, b-form.json"));
    const Folder none({});
    CHECK_THAT(problemsOf(none), Catch::Contains("holds no questionnaire"));
    // With the intake's own name present, that one is used.
    const Folder named({{"spinepath-intake.json", intake()}, {"other.json", intake()}});
    CHECK_NOTHROW(ScreeningContent::load(named.path()));
}

TEST_CASE("A broken questionnaire's problem names its file once", "[ScreeningContent]")
{
    const Folder folder(
        {{"spinepath-intake.json",
          json{{"resourceType", "Questionnaire"}, {"item", {{{"linkId", "a"}, {"type", "nonsense"}}}}}}});
    const auto problems = ScreeningContent::check(folder.path());
    REQUIRE(problems.size() == 1);
    const std::string text = problems.front().describe();
    CHECK(text.find("spinepath-intake.json") == text.rfind("spinepath-intake.json"));
    CHECK_THAT(text, Catch::Contains("at /item/0/type: item 'a' has unknown type"));
}
