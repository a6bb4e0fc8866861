#include "QuestionnaireTestSupport.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/questionnaire/RepeatingGroups.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

// repeating-instances.json: "smoker", then the repeating group "meds" with a
// required name, a dose (initial 1), "only when needed?" and its required
// reason (enableWhen on the same instance), and a question shown to smokers.
const Questionnaire& medicines()
{
    static const Questionnaire form = Questionnaire::fromFile(testDataPath("repeating-instances.json"));
    return form;
}

bool hasIssue(const ValidationResult& result, const std::string& linkId, IssueCode code,
              const std::string& words = {})
{
    return std::any_of(result.issues.begin(), result.issues.end(), [&](const ValidationIssue& issue) {
        return issue.linkId == linkId && issue.code == code && issue.message.find(words) != std::string::npos;
    });
}

} // namespace

TEST_CASE("Repeating groups: instances are checked apart, required and enableWhen per instance",
          "[RepeatingGroups]")
{
    const json answers{{"smoker", false},
                       {"meds",
                        {{{"meds.name", "Ibuprofen"}, {"meds.prn", true}, {"meds.prn.reason", "back pain"}},
                         {{"meds.name", "Omeprazole"}, {"meds.prn", false}},
                         {{"meds.prn", true}}}}};
    const auto result = medicines().validate(answers);
    CHECK(result.valid());
    // The third instance lacks its name and the reason its own "yes" asks for;
    // the first and second are complete (the second's "no" asks no reason).
    const auto missing = result.missingLinkIds();
    CHECK(std::count(missing.begin(), missing.end(), "meds.name") == 1);
    CHECK(std::count(missing.begin(), missing.end(), "meds.prn.reason") == 1);
    CHECK(hasIssue(result, "meds.name", IssueCode::MissingRequired, "the 3rd instance of 'meds'"));

    // A value that does not fit is reported with its instance.
    json wrong = answers;
    wrong["meds"][1]["meds.dose"] = "two";
    CHECK(hasIssue(medicines().validate(wrong), "meds.dose", IssueCode::WrongType,
                   "the 2nd instance of 'meds'"));
}

TEST_CASE("Repeating groups: answers in the wrong place are refused, never merged", "[RepeatingGroups]")
{
    // An item of the group at the top level: which instance would it be?
    CHECK(hasIssue(medicines().validate({{"meds.name", "Ibuprofen"}}), "meds.name", IssueCode::WrongType,
                   "inside the repeating group 'meds'"));
    // The group's answers are a list of instances.
    CHECK(hasIssue(medicines().validate({{"meds", {{"meds.name", "x"}}}}), "meds", IssueCode::WrongType,
                   "list of instances"));
    CHECK(hasIssue(medicines().validate({{"meds", {1}}}), "meds", IssueCode::WrongType, "1st instance"));
    // An instance holds only the group's items.
    CHECK(hasIssue(medicines().validate({{"meds", {{{"smoker", true}}}}}), "smoker", IssueCode::WrongType,
                   "no item of the repeating group 'meds'"));
    CHECK(hasIssue(medicines().validate({{"meds", {{{"nope", true}}}}}), "nope", IssueCode::UnknownLinkId));
}

TEST_CASE("Repeating groups: pruning drops what one instance does not ask, keeping the others",
          "[RepeatingGroups]")
{
    const json answers{{"smoker", false},
                       {"meds",
                        {{{"meds.name", "A"}, {"meds.prn", true}, {"meds.prn.reason", "pain"}},
                         {{"meds.name", "B"}, {"meds.prn", false}, {"meds.prn.reason", "left over"}},
                         {{"meds.with_smoking", true}}}}};
    const json kept = medicines().pruneDisabled(answers);
    CHECK(kept["meds"][0] == answers["meds"][0]);
    CHECK(kept["meds"][1] == json{{"meds.name", "B"}, {"meds.prn", false}});
    // A question of the group that reads an answer outside it: "smoker" is no.
    CHECK(kept["meds"][2] == json::object());

    json smoker = answers;
    smoker["smoker"] = true;
    CHECK(medicines().pruneDisabled(smoker)["meds"][2] == json{{"meds.with_smoking", true}});
}

TEST_CASE("Repeating groups: a new instance starts from the initial values", "[RepeatingGroups]")
{
    const Item& meds = *medicines().find("meds");
    CHECK(medicines().newInstance(meds, json::object()) == json{{"meds.dose", 1}});
    CHECK(medicines().initialAnswers() == json{{"meds", {{{"meds.dose", 1}}}}});
}

TEST_CASE("Repeating groups: a QuestionnaireResponse holds each instance as an item of its own, and reads "
          "them back apart",
          "[RepeatingGroups][QuestionnaireResponse]")
{
    const json answers{{"smoker", true},
                       {"meds",
                        {{{"meds.name", "Ibuprofen"}, {"meds.prn", true}, {"meds.prn.reason", "back pain"}},
                         {{"meds.name", "Omeprazole"}, {"meds.with_smoking", false}}}}};
    const json response = toQuestionnaireResponse(medicines(), answers);
    CHECK(spinepath::test::responseProblems(medicines(), response).empty());
    REQUIRE(response["item"].size() == 3);
    CHECK(response["item"][1]["linkId"] == "meds");
    CHECK(response["item"][2]["linkId"] == "meds");
    CHECK(response["item"][1]["item"][0]["answer"][0]["valueString"] == "Ibuprofen");
    CHECK(response["item"][2]["item"][0]["answer"][0]["valueString"] == "Omeprazole");
    // Round trip: the same instances, in the same order, never merged.
    CHECK(fromQuestionnaireResponse(medicines(), response) == answers);
    CHECK(toQuestionnaireResponse(medicines(), fromQuestionnaireResponse(medicines(), response)) == response);

    // A completed response needs each instance's required answers.
    json incomplete = answers;
    incomplete["meds"][1].erase("meds.name");
    CHECK_THROWS_AS(toQuestionnaireResponse(medicines(), incomplete), QuestionnaireError);

    // The existing test file: two instances of "meds", the second without a name.
    const auto form = Questionnaire::fromFile(testDataPath("repeating-group.json"));
    const json twice = readJson(testDataPath("repeating-group.two-instances.response.json"));
    CHECK(
        fromQuestionnaireResponse(form, twice) ==
        json{{"meds",
              {{{"meds.name", "Ibuprofen"}, {"meds.times", {"08:00:00"}}}, {{"meds.times", {"20:00:00"}}}}}});
}

TEST_CASE("Repeating groups: a response with a group's item outside an instance, or a foreign item inside "
          "one, is refused",
          "[RepeatingGroups][QuestionnaireResponse]")
{
    const json outside{{"resourceType", "QuestionnaireResponse"},
                       {"status", "in-progress"},
                       {"item", {{{"linkId", "meds.name"}, {"answer", {{{"valueString", "A"}}}}}}}};
    const auto error = errorOf([&] { (void)fromQuestionnaireResponse(medicines(), outside); });
    CHECK(error.linkId() == "meds.name");
    CHECK_THAT(error.what(), Catch::Contains("outside the repeating group 'meds'"));

    const json inside{
        {"resourceType", "QuestionnaireResponse"},
        {"status", "in-progress"},
        {"item",
         {{{"linkId", "meds"}, {"item", {{{"linkId", "smoker"}, {"answer", {{{"valueBoolean", true}}}}}}}}}}};
    const auto foreign = errorOf([&] { (void)fromQuestionnaireResponse(medicines(), inside); });
    CHECK(foreign.linkId() == "smoker");
    CHECK(foreign.pointer() == "/item/0/item/0/linkId");
}

TEST_CASE("Repeating groups: what cannot be kept apart is refused at load, naming the items",
          "[RepeatingGroups][errors]")
{
    json resource = readJson(testDataPath("repeating-instances.json"));
    json inner = resource;
    inner["item"][1]["item"].push_back({{"linkId", "meds.times"},
                                        {"type", "group"},
                                        {"repeats", true},
                                        {"item", {{{"linkId", "t"}, {"type", "time"}}}}});
    const auto nested = errorOf([&] { (void)Questionnaire::fromJson(inner); });
    CHECK(nested.linkId() == "meds.times");
    CHECK_THAT(nested.what(), Catch::Contains("repeating group inside the repeating group 'meds'"));

    json fromOutside = resource;
    fromOutside["item"][0]["enableWhen"] = {
        {{"question", "meds.prn"}, {"operator", "exists"}, {"answerBoolean", true}}};
    const auto outside = errorOf([&] { (void)Questionnaire::fromJson(fromOutside); });
    CHECK(outside.linkId() == "smoker");
    CHECK_THAT(outside.what(), Catch::Contains("inside the repeating group 'meds'"));
}
