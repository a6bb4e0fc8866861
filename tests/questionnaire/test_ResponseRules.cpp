// The test-side checker of R4 QuestionnaireResponse rules (support/ResponseRules.h)
// finds each rule broken, so that a clean result of it means something.
#include "QuestionnaireTestSupport.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/QuestionnaireResponse.h"

#include <catch2/catch.hpp>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;
using spinepath::test::responseProblems;

namespace {

const Questionnaire& form()
{
    static const Questionnaire questionnaire =
        Questionnaire::fromFile(testDataPath("repeating-instances.json"));
    return questionnaire;
}

json good()
{
    return toQuestionnaireResponse(
        form(),
        {{"smoker", true},
         {"meds", {{{"meds.name", "A"}, {"meds.dose", 2}}, {{"meds.name", "B"}, {"meds.prn", false}}}}});
}

bool finds(const json& response, const std::string& words)
{
    return responseProblems(form(), response).find(words) != std::string::npos;
}

} // namespace

TEST_CASE("ResponseRules: a response SpinePath writes keeps every rule", "[ResponseRules]")
{
    CHECK(responseProblems(form(), good()).empty());
}

TEST_CASE("ResponseRules: each broken rule is found", "[ResponseRules]")
{
    json response = good();
    // meds instance 1: name, dose
    json& dose = response["item"][1]["item"][1];
    REQUIRE(dose["linkId"] == "meds.dose");

    SECTION("status")
    {
        response["status"] = "done";
        CHECK(finds(response, "/status"));
    }
    SECTION("qrs-1: answer and item side by side")
    {
        dose["item"] = json::array({{{"linkId", "meds.prn"}}});
        CHECK(finds(response, "qrs-1"));
    }
    SECTION("qrs-2: one question's answers split over two items")
    {
        const json copy = dose;
        response["item"][1]["item"].insert(response["item"][1]["item"].begin() + 2, copy);
        CHECK(finds(response, "qrs-2"));
    }
    SECTION("a value of the wrong type")
    {
        dose["answer"][0] = {{"valueString", "2"}};
        CHECK(finds(response, "valueString does not fit a integer item"));
    }
    SECTION("two values in one answer")
    {
        dose["answer"][0]["valueDecimal"] = 2.0;
        CHECK(finds(response, "exactly one value[x]"));
    }
    SECTION("a malformed value")
    {
        json withDate = good();
        withDate["item"][0]["answer"][0] = {{"valueBoolean", "yes"}};
        CHECK(finds(withDate, "valueBoolean is malformed"));
    }
    SECTION("several answers where the item does not repeat")
    {
        dose["answer"].push_back({{"valueInteger", 3}});
        CHECK(finds(response, "does not repeat but has 2 answers"));
    }
    SECTION("an unknown linkId")
    {
        dose["linkId"] = "nope";
        CHECK(finds(response, "no item of the questionnaire"));
    }
    SECTION("nesting that does not mirror the questionnaire")
    {
        const json copy = dose;
        response["item"].push_back(copy);
        CHECK(finds(response, "is not an item of the top level"));
    }
    SECTION("items out of order")
    {
        std::swap(response["item"][1]["item"][0], response["item"][1]["item"][1]);
        CHECK(finds(response, "comes before"));
    }
    SECTION("a group that does not repeat, twice")
    {
        ResponseOptions options;
        options.status = "in-progress";
        json twice = toQuestionnaireResponse(intake(), {{"peg.pain", 3}}, options);
        twice["item"].push_back(twice["item"][0]);
        CHECK(responseProblems(intake(), twice).find("does not repeat but is given more than once") !=
              std::string::npos);
    }
}
