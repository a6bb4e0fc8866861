// The answers as the rules read them: nested by the dots of their linkIds for
// the intake ({"var": "pain.duration"}), while a linkId stays an opaque
// string: "1.1" and "1.1.1" both answered score, and a rule cannot name either.
#include "ScoringTestSupport.h"

#include "core/content/ContentRoles.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/scoring/RuleAnswers.h"
#include "core/scoring/RulesetLint.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spinepath::scoring;
namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

const q::Questionnaire& dotted()
{
    static const q::Questionnaire questionnaire = q::Questionnaire::fromFile(
        std::string(SPINEPATH_TEST_DATA_DIR) + "/questionnaire/dotted-linkids.json");
    return questionnaire;
}

const json kAnswers = {{"1.1", "first"}, {"1.1.1", 3},      {"1.2", true},
                       {"idB.1", "x"},   {"flags", "mine"}, {"pain.duration", "6m_12m"}};

} // namespace

TEST_CASE("The intake's linkIds are all readable and nest as before", "[rule-answers]")
{
    const RuleAnswers answers(test::content().questionnaire());
    CHECK(answers.allReadable());
    CHECK(answers.nest({{"pain.duration", "gt12m"}, {"safety.age", 50}}) ==
          json({{"pain", {{"duration", "gt12m"}}}, {"safety", {{"age", 50}}}}));
}

TEST_CASE("A linkId that is a dotted prefix of another is left out of the rules' data, with a reason",
          "[rule-answers]")
{
    const RuleAnswers answers(dotted());
    CHECK_FALSE(answers.allReadable());
    CHECK_THAT(answers.unreadable("1.1"), Catch::Contains("start of \"1.1.1\""));
    CHECK_THAT(answers.unreadable("1.1.1"), Catch::Contains("under \"1.1\""));
    CHECK_THAT(answers.unreadable("idB"), Catch::Contains("\"idB.1\""));
    CHECK_THAT(answers.unreadable("flags"), Catch::Contains("rules use"));
    CHECK(answers.unreadable("1.2").empty());
    CHECK(answers.unreadable("pain.duration").empty());

    // With only idB.1 answered nothing reads idB as an object: neither is there.
    const json nested = answers.nest(kAnswers);
    CHECK(nested == json({{"1", {{"2", true}}}, {"pain", {{"duration", "6m_12m"}}}}));
}

TEST_CASE("Answers to 1.1 and 1.1.1 score without an exception on both paths", "[rule-answers]")
{
    const Scorer scorer(dotted(), test::content().ruleset(), test::content().roles());
    ScreeningResult result;
    REQUIRE_NOTHROW(result = scorer.score(kAnswers));
    CHECK_FALSE(result.category.empty());

    // The streaming path defers to the reference path and agrees with it.
    spinepath::jsonlogic::Arena arena;
    const auto parsed = spinepath::jsonlogic::fromJson(kAnswers, arena);
    ScreeningResult streamed;
    REQUIRE_NOTHROW(streamed = scorer.score(parsed, arena));
    CHECK(streamed.category == result.category);
    CHECK(streamed.flags == result.flags);
}

TEST_CASE("A rule naming a linkId the rules cannot read is refused at load, naming it", "[rule-answers]")
{
    json rules = test::coreRules();
    rules["derived"].push_back({{"id", "nested_answer"}, {"value", {{"var", "1.1"}}}});
    const Ruleset ruleset = Ruleset::fromJson(rules, "dotted.json");
    const auto problems = RulesetLint(ruleset, dotted()).checkReferences();
    for (const auto& problem : problems)
        UNSCOPED_INFO(problem.describe());
    const auto named = std::find_if(problems.begin(), problems.end(), [](const spinepath::ContentProblem& p) {
        return p.message.find("cannot read the answer of \"1.1\"") != std::string::npos;
    });
    REQUIRE(named != problems.end());
    CHECK(named->pointer == "/derived/" + std::to_string(rules["derived"].size() - 1) + "/value/var");
}
