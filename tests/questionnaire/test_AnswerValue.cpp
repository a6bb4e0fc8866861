// Answers of the FHIR datatypes (Quantity, Attachment, Reference, Coding):
// each is checked element by element, a quantity enables items by its value
// and coded unit with every R4 operator, and a response read and written again
// keeps its codings' system and display and its own id, subject, author and
// authored. The questionnaire is tests/data/questionnaire/complex-answers.json.
#include "QuestionnaireTestSupport.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/AnswerValue.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"

#include <catch2/catch.hpp>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

const Questionnaire& complexAnswers()
{
    static const Questionnaire questionnaire = Questionnaire::fromFile(testDataPath("complex-answers.json"));
    return questionnaire;
}

// The problem with one answer to `linkId`, or "" when it is accepted.
std::string problemWith(const std::string& linkId, const json& value)
{
    const auto problem = checkAnswerValue(*complexAnswers().find(linkId), value);
    return problem ? problem->message : std::string();
}

bool enabled(const std::string& linkId, const json& weight)
{
    return complexAnswers().isEnabled(*complexAnswers().find(linkId), json{{"weight", weight}});
}

const std::string kUcum = "http://unitsofmeasure.org";

} // namespace

TEST_CASE("AnswerValue: a quantity needs a number and text units", "[AnswerValue]")
{
    CHECK(problemWith("weight", {{"value", 72.5}, {"unit", "kg"}}).empty());
    CHECK(problemWith("weight", {{"value", 72}, {"unit", "kg"}, {"system", kUcum}, {"code", "kg"}}).empty());
    CHECK(problemWith("weight", {{"value", 72}, {"comparator", "<"}}).empty());

    CHECK_THAT(problemWith("weight", "72 kg"), Catch::Contains("'weight' expects a FHIR Quantity"));
    CHECK_THAT(problemWith("weight", {{"unit", "kg"}}), Catch::Contains("without a value"));
    CHECK_THAT(problemWith("weight", {{"value", "72"}}), Catch::Contains("value is not a number"));
    CHECK_THAT(problemWith("weight", {{"value", 72}, {"unit", 5}}),
               Catch::Contains("unit is not a non-empty text"));
    CHECK_THAT(problemWith("weight", {{"value", 72}, {"system", json::array()}}), Catch::Contains("system"));
    CHECK_THAT(problemWith("weight", {{"value", 72}, {"code", "kg"}}), Catch::Contains("no system"));
    CHECK_THAT(problemWith("weight", {{"value", 72}, {"comparator", "about"}}),
               Catch::Contains("comparator"));
    CHECK_THAT(problemWith("weight", {{"value", 72}, {"weight", 1}}),
               Catch::Contains("unknown element \"weight\""));
}

TEST_CASE("AnswerValue: an attachment and a reference are checked element by element", "[AnswerValue]")
{
    CHECK(problemWith("scan", {{"contentType", "image/png"}, {"data", "aGVsbG8="}}).empty());
    CHECK(problemWith("scan", {{"url", "https://example.org/scan.png"}, {"size", 1024}}).empty());
    CHECK_THAT(problemWith("scan", json::object()), Catch::Contains("none of data, url and title"));
    CHECK_THAT(problemWith("scan", {{"data", "aGVsbG8="}}), Catch::Contains("no contentType"));
    CHECK_THAT(problemWith("scan", {{"url", "u"}, {"size", -1}}), Catch::Contains("size"));
    CHECK_THAT(problemWith("scan", {{"title", 5}}), Catch::Contains("title"));
    CHECK_THAT(problemWith("scan", {{"url", "u"}, {"creation", "yesterday"}}), Catch::Contains("creation"));

    CHECK(problemWith("doctor", {{"reference", "Practitioner/7"}}).empty());
    CHECK(problemWith("doctor", {{"display", "Dr Jones"}}).empty());
    CHECK_THAT(problemWith("doctor", json::object()), Catch::Contains("none of reference"));
    CHECK_THAT(problemWith("doctor", {{"reference", 3}}), Catch::Contains("reference is not"));
    CHECK_THAT(problemWith("doctor", {{"name", "x"}}), Catch::Contains("unknown element \"name\""));
    CHECK_THAT(problemWith("doctor", "Dr Jones"), Catch::Contains("expects a FHIR Reference"));
}

TEST_CASE("AnswerValue: an invalid quantity, attachment or reference makes no QuestionnaireResponse",
          "[AnswerValue]")
{
    for (const auto& [linkId, value] : std::vector<std::pair<std::string, json>>{
             {"weight", {{"unit", "kg"}}}, {"scan", {{"data", "x"}}}, {"doctor", json::object()}}) {
        INFO(linkId);
        const auto error = errorOf([&] {
            (void)toQuestionnaireResponse(complexAnswers(), {{linkId, value}});
        });
        CHECK(error.linkId() == linkId);
        CHECK(error.pointer() == "/" + linkId);
    }
}

TEST_CASE("AnswerValue: enableWhen on a quantity compares its value and coded unit", "[AnswerValue]")
{
    // The unit text is for people: 100 "kilograms" is 100 "kg".
    CHECK(enabled("weight.exactly", {{"value", 100}, {"unit", "kilograms"}}));
    CHECK(enabled("weight.exactly", {{"value", 100.0}}));
    CHECK_FALSE(enabled("weight.exactly", {{"value", 101}, {"unit", "kg"}}));
    // Coded units are compared where both sides give one: 120 [lb_av] is not 120 kg.
    CHECK(enabled("weight.heavy", {{"value", 120}, {"system", kUcum}, {"code", "kg"}}));
    CHECK(enabled("weight.heavy", {{"value", 100}, {"unit", "kg"}}));
    CHECK_FALSE(enabled("weight.heavy", {{"value", 120}, {"system", kUcum}, {"code", "[lb_av]"}}));
    CHECK_FALSE(enabled("weight.heavy", {{"value", 99.5}, {"system", kUcum}, {"code", "kg"}}));
    // Every R4 operator.
    CHECK(enabled("weight.light", {{"value", 49}}));
    CHECK_FALSE(enabled("weight.light", {{"value", 50}}));
    CHECK(enabled("weight.at_most", {{"value", 60}}));
    CHECK_FALSE(enabled("weight.at_most", {{"value", 61}}));
    CHECK(enabled("weight.over", {{"value", 61}}));
    CHECK_FALSE(enabled("weight.over", {{"value", 60}}));
    CHECK_FALSE(enabled("weight.not_light", {{"value", 50}}));
    CHECK(enabled("weight.not_light", {{"value", 51}}));
}

TEST_CASE("AnswerValue: an enableWhen quantity without a value is refused at load", "[AnswerValue]")
{
    json resource = readJson(testDataPath("complex-answers.json"));
    resource["item"][3]["enableWhen"][0]["answerQuantity"] = {{"unit", "kg"}};
    const auto error = errorOf([&] { (void)Questionnaire::fromJson(resource); });
    CHECK(error.linkId() == "weight.light");
    CHECK(error.pointer() == "/item/3/enableWhen/0/answerQuantity");
}

TEST_CASE("AnswerValue: a response read and written again keeps its codings and its details", "[AnswerValue]")
{
    const json coding{
        {"system", "http://snomed.info/sct"}, {"code", "279039007"}, {"display", "Low back pain"}};
    const json freeCoding{{"system", "http://example.org/other"}, {"code", "z"}, {"display", "Zed"}};
    const json response{
        {"resourceType", "QuestionnaireResponse"},
        {"id", "qr-17"},
        {"status", "completed"},
        {"subject", {{"reference", "Patient/42"}, {"display", "A patient"}}},
        {"authored", "2026-03-01T09:30:00+01:00"},
        {"author", {{"reference", "Practitioner/7"}}},
        {"item",
         {{{"linkId", "weight"},
           {"text", "Weight"},
           {"answer",
            {{{"valueQuantity", {{"value", 72.5}, {"unit", "kg"}, {"system", kUcum}, {"code", "kg"}}}}}}},
          {{"linkId", "scan"},
           {"text", "Your last scan"},
           {"answer", {{{"valueAttachment", {{"contentType", "image/png"}, {"data", "aGVsbG8="}}}}}}},
          {{"linkId", "doctor"},
           {"text", "Your family doctor"},
           {"answer", {{{"valueReference", {{"reference", "Practitioner/7"}}}}}}},
          {{"linkId", "condition"}, {"text", "A condition"}, {"answer", {{{"valueCoding", coding}}}}},
          {{"linkId", "other"}, {"text", "Anything else"}, {"answer", {{{"valueCoding", freeCoding}}}}}}}};

    const json answers = fromQuestionnaireResponse(complexAnswers(), response);
    REQUIRE(complexAnswers().validate(answers).valid());
    CHECK(answers["condition"] == coding);

    const ResponseOptions options = responseOptionsOf(response);
    CHECK(options.id == "qr-17");
    CHECK(options.authored == "2026-03-01T09:30:00+01:00");
    const json again = toQuestionnaireResponse(complexAnswers(), answers, options);
    CHECK(again == response);
    CHECK(spinepath::test::responseProblems(complexAnswers(), again) == "");

    // Flat answers are keyed by linkId: an answer to "id" is not the response's id.
    CHECK(responseOptionsOf({{"id", "an answer"}}).id.empty());
}
