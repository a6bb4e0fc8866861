// RulesetLint: references to answers, codes and derived concepts, the public
// interface and the articles, checked against the real questionnaire. Each
// broken ruleset is the real one, loaded from the source tree and mutated.
#include "ScoringTestSupport.h"

#include "core/scoring/RulesetLint.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spinepath;
using namespace spinepath::scoring;
using nlohmann::json;

namespace {

const char* const kFile = "content/rules/spinepath-core.json";
const char* const kInterfaceFile = "content/rules/interface.json";

json coreInterface()
{
    static const json interface = test::readJson(test::interfacePath());
    return interface;
}

std::string describe(const std::vector<ContentProblem>& problems)
{
    std::string all;
    for (const ContentProblem& problem : problems)
        all += problem.describe() + "\n";
    return all;
}

std::vector<ContentProblem> referenceProblems(const json& rules)
{
    const Ruleset ruleset = Ruleset::fromJson(rules, kFile);
    return RulesetLint(ruleset, test::content().questionnaire()).checkReferences();
}

// The single reference problem of `rules`.
ContentProblem referenceProblem(const json& rules)
{
    const auto problems = referenceProblems(rules);
    INFO(describe(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == kFile);
    return problems[0];
}

std::vector<ContentProblem> interfaceProblems(const json& rules, const json& interface = coreInterface())
{
    const Ruleset ruleset = Ruleset::fromJson(rules, kFile);
    return RulesetLint(ruleset, test::content().questionnaire()).checkInterface(interface, kInterfaceFile);
}

bool mentions(const ContentProblem& problem, const std::string& text)
{
    return problem.message.find(text) != std::string::npos;
}

std::set<std::string> allArticles(const json& rules)
{
    std::set<std::string> ids;
    for (const char* stage : {"flags", "factors", "notes"})
        for (const json& entry : rules[stage])
            for (const json& article : entry.value("articles", json::array())) {
                const std::string target = article.get<std::string>(); // "id" or "id#Heading"
                ids.insert(target.substr(0, target.find('#')));
            }
    return ids;
}

} // namespace

TEST_CASE("The core ruleset passes every check against the intake", "[ruleset-lint]")
{
    const Ruleset& ruleset = test::content().ruleset();
    const RulesetLint lint(ruleset, test::content().questionnaire());
    CHECK(describe(lint.checkReferences()).empty());
    CHECK(describe(lint.checkInterface(coreInterface(), kInterfaceFile)).empty());
    CHECK(describe(lint.checkArticles(allArticles(test::coreRules()))).empty());
}

TEST_CASE("A typo'd answer code is caught at load, with its pointer", "[ruleset-lint]")
{
    json rules = test::coreRules();
    SECTION("\"annular_taer\" in an \"in\" on dx.told")
    {
        const std::size_t factor = test::indexOf(rules, "factors", "annular_tear");
        json& first = rules["factors"][factor]["when"]["or"][0]["in"];
        REQUIRE(first[1] == json({{"var", "dx.told"}}));
        first[0] = "annular_taer";
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("factors", factor, "/when/or/0/in/0"));
        CHECK(mentions(problem, "\"annular_taer\""));
        CHECK(mentions(problem, "dx.told"));
    }
    SECTION("a code in the list of an \"in\"")
    {
        const std::size_t chronic = test::indexOf(rules, "derived", "chronic");
        rules["derived"][chronic]["value"]["in"][1][2] = "gt_12m";
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("derived", chronic, "/value/in/1/2"));
        CHECK(mentions(problem, "\"gt_12m\""));
        CHECK(mentions(problem, "pain.duration"));
    }
    SECTION("a code compared with == on either side")
    {
        const std::size_t flag = test::indexOf(rules, "flags", "progressive_weakness");
        json& compare = rules["flags"][flag]["when"]["or"][1]["=="];
        REQUIRE(compare[0] == json({{"var", "neuro.weakness"}}));
        compare = json::array({"worse", {{"var", "neuro.weakness"}}});
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("flags", flag, "/when/or/1/==/0"));
        CHECK(mentions(problem, "\"worse\""));
    }
    SECTION("a code of another question")
    {
        const std::size_t note = test::indexOf(rules, "notes", "recent_imaging_needed");
        rules["notes"][note]["when"] = {{"!", {{{"==", {{{"var", "img.mri"}}, "ge6w"}}}}}};
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("notes", note, "/when/!/0/==/1"));
        CHECK(mentions(problem, "img.mri"));
    }
}

TEST_CASE("A var must name a question, or a concept known at its stage", "[ruleset-lint]")
{
    json rules = test::coreRules();
    SECTION("an unknown linkId")
    {
        const std::size_t chronic = test::indexOf(rules, "derived", "chronic");
        rules["derived"][chronic]["value"]["in"][0]["var"] = "pain.durashun";
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("derived", chronic, "/value/in/0/var"));
        CHECK(mentions(problem, "\"pain.durashun\""));
    }
    SECTION("an unknown linkId in a var with a default")
    {
        rules["flags"][0]["when"] = {{"===", {{{"var", {"redflag.bladder", false}}}, true}}};
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == "/flags/0/when/===/0/var/0");
        CHECK(mentions(problem, "\"redflag.bladder\""));
    }
    SECTION("a group is not a question")
    {
        const std::size_t factor = test::indexOf(rules, "factors", "prefers_motion_preservation");
        rules["factors"][factor]["when"] = {{"!!", {{{"var", "section.goals"}}}}};
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("factors", factor, "/when/!!/0/var"));
        CHECK(mentions(problem, "group"));
    }
    SECTION("a derived concept used before it is defined")
    {
        const std::size_t full = test::indexOf(rules, "derived", "conservative_full_course");
        const std::size_t failed = test::indexOf(rules, "derived", "conservative_failed");
        REQUIRE(full + 1 == failed);
        std::swap(rules["derived"][full], rules["derived"][failed]);
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("derived", full, "/value/and/0/var"));
        CHECK(mentions(problem, "\"conservative_full_course\""));
        CHECK(mentions(problem, "before"));
    }
    SECTION("a derived concept that is never defined")
    {
        const std::size_t category = test::indexOf(rules, "categories", "regenerative_evaluation");
        rules["categories"][category]["when"]["and"][1]["var"] = "derived.chronik";
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("categories", category, "/when/and/1/var"));
        CHECK(mentions(problem, "\"chronik\""));
    }
    SECTION("flags are not known while flags are decided")
    {
        rules["flags"][5]["when"] = {{"!!", {{{"var", "flags"}}}}};
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == "/flags/5/when/!!/0/var");
        CHECK(mentions(problem, "\"flags\""));
    }
    SECTION("the category is not known while categories are decided")
    {
        const std::size_t category = test::indexOf(rules, "categories", "conservative_care_first");
        rules["categories"][category]["when"] = {{"==", {{{"var", "category"}}, "urgent"}}};
        const ContentProblem problem = referenceProblem(rules);
        CHECK(problem.pointer == test::pointerTo("categories", category, "/when/==/0/var"));
        CHECK(mentions(problem, "\"category\""));
    }
    SECTION("factors and notes may use flags and the category")
    {
        rules["factors"][0]["when"] = {{"and", {{{"var", "flags"}}, {{"var", "category"}}}}};
        rules["notes"][0]["when"] = {{"==", {{{"var", "category"}}, "urgent"}}};
        CHECK(describe(referenceProblems(rules)).empty());
    }
    SECTION("every problem is listed")
    {
        rules["flags"][0]["when"]["==="][0]["var"] = "redflag.bladder";
        rules["factors"][0]["when"]["var"] = "derived.chronik";
        CHECK(referenceProblems(rules).size() == 2);
    }
}

TEST_CASE("Every id of the interface must be defined", "[ruleset-lint]")
{
    json rules = test::coreRules();
    SECTION("a missing note")
    {
        rules["notes"].erase(test::indexOf(rules, "notes", "other_biologics"));
        const auto problems = interfaceProblems(rules);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == kFile);
        CHECK(problems[0].pointer == "/notes");
        CHECK(mentions(problems[0], "\"other_biologics\""));
        CHECK(mentions(problems[0], kInterfaceFile));
    }
    SECTION("a renamed factor")
    {
        rules["factors"][test::indexOf(rules, "factors", "annular_tear")]["id"] = "annular_tears";
        const auto problems = interfaceProblems(rules);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/factors");
        CHECK(mentions(problems[0], "\"annular_tear\""));
    }
    SECTION("a missing flag and category")
    {
        rules["flags"].erase(test::indexOf(rules, "flags", "systemic_red_flag"));
        rules["categories"][test::indexOf(rules, "categories", "conservative_care_first")]["id"] =
            "conservative";
        const auto problems = interfaceProblems(rules);
        INFO(describe(problems));
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].pointer == "/categories");
        CHECK(mentions(problems[0], "\"conservative_care_first\""));
        CHECK(problems[1].pointer == "/flags");
        CHECK(mentions(problems[1], "\"systemic_red_flag\""));
    }
    SECTION("extra ids are allowed")
    {
        json extra = rules["notes"][0];
        extra["id"] = "clinic_specific_note";
        rules["notes"].push_back(extra);
        CHECK(describe(interfaceProblems(rules)).empty());
    }
    SECTION("an interface without a list")
    {
        json interface = coreInterface();
        interface.erase("flags");
        const auto problems = interfaceProblems(rules, interface);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == kInterfaceFile);
        CHECK(problems[0].pointer == "/flags");
    }
}

TEST_CASE("Every article a flag, factor or note points to must exist", "[ruleset-lint]")
{
    const json rules = test::coreRules();
    std::set<std::string> articles = allArticles(rules);
    REQUIRE(articles.erase("warning-signs") == 1);
    const Ruleset ruleset = Ruleset::fromJson(rules, kFile);
    const auto problems = RulesetLint(ruleset, test::content().questionnaire()).checkArticles(articles);
    // Every emergency and urgent flag links to the warning signs; review flags need not.
    const auto linking =
        std::count_if(ruleset.flags().begin(), ruleset.flags().end(), [](const FlagRule& flag) {
            return std::find(flag.articles.begin(), flag.articles.end(), "warning-signs") !=
                   flag.articles.end();
        });
    CHECK(linking == std::count_if(ruleset.flags().begin(), ruleset.flags().end(),
                                   [](const FlagRule& flag) { return flag.severity != "review"; }));
    REQUIRE(problems.size() == static_cast<std::size_t>(linking));
    CHECK(problems[0].file == kFile);
    CHECK(problems[0].pointer == "/flags/0/articles/0");
    CHECK(mentions(problems[0], "\"warning-signs\""));
}

// A value of the wrong type compared with an answer can never match, so the
// rule would silently never fire: here a red flag.
TEST_CASE("A comparison with a value of the wrong type for the question is caught", "[ruleset-lint]")
{
    json rules = test::coreRules();
    const std::size_t flag = test::indexOf(rules, "flags", "systemic_red_flag");
    rules["flags"][flag]["when"] = {{"===", {{{"var", "redflag.systemic"}}, "true"}}};
    const auto problems = referenceProblems(rules);
    INFO(describe(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == test::pointerTo("flags", flag, "/when/===/1"));
}

TEST_CASE("A rule reads a repeating group as its list of instances, never one question inside it (issue 19)",
          "[ruleset-lint]")
{
    json intake =
        test::readJson(std::string(SPINEPATH_SOURCE_DIR) + "/content/questionnaire/spinepath-intake.json");
    intake["item"].push_back(test::readJson(std::string(SPINEPATH_SOURCE_DIR) +
                                            "/tests/data/questionnaire/repeating-section.json"));
    const auto form = questionnaire::Questionnaire::fromJson(intake);
    json rules = test::coreRules();
    const std::size_t factor = test::indexOf(rules, "factors", "prefers_motion_preservation");

    rules["factors"][factor]["when"] = {{"!!", {{{"var", "repeat.meds"}}}}};
    CHECK(RulesetLint(Ruleset::fromJson(rules, kFile), form).checkReferences().empty());

    rules["factors"][factor]["when"] = {{"!!", {{{"var", "repeat.meds.name"}}}}};
    const auto problems = RulesetLint(Ruleset::fromJson(rules, kFile), form).checkReferences();
    REQUIRE(problems.size() == 1);
    CHECK(mentions(problems[0], "inside the repeating group \"repeat.meds\""));
}
