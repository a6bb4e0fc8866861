// FHIR's translation extension: one Questionnaire carries every language, the
// loader picks one and falls back to English text by text, and the intake in
// content/ is wholly Spanish.
#include "QuestionnaireTestSupport.h"

#include "core/questionnaire/QuestionnaireTranslation.h"

#include <catch2/catch.hpp>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

json translation(const std::string& language, const std::string& content)
{
    return json{{"extension",
                 json::array({json{
                     {"url", std::string(QuestionnaireTranslation::kUrl)},
                     {"extension", json::array({json{{"url", "lang"}, {"valueCode", language}},
                                                json{{"url", "content"}, {"valueString", content}}})}}})}};
}

json twoQuestions()
{
    json coding = {{"code", "y"}, {"display", "Yes, often"}, {"_display", translation("es", "Sí, a menudo")}};
    return json{{"resourceType", "Questionnaire"},
                {"id", "t"},
                {"title", "Title"},
                {"_title", translation("es", "Título")},
                {"item", json::array({json{{"linkId", "a"},
                                           {"type", "choice"},
                                           {"text", "Does it hurt?"},
                                           {"_text", translation("es-MX", "¿Le duele?")},
                                           {"prefix", "1."},
                                           {"answerOption", json::array({json{{"valueCoding", coding}}})}},
                                      json{{"linkId", "b"}, {"type", "string"}, {"text", "Where?"}}})}};
}

} // namespace

TEST_CASE("a questionnaire in another language takes each translated text whole", "[translation]")
{
    const Questionnaire english = Questionnaire::fromJson(twoQuestions());
    CHECK(QuestionnaireTranslation::baseLanguage(english.source()) == "en");
    CHECK(QuestionnaireTranslation::languages(english.source()) == std::set<std::string>{"en", "es"});

    const Questionnaire spanish = QuestionnaireTranslation::translate(english, "es-US");
    CHECK(QuestionnaireTranslation::baseLanguage(spanish.source()) == "es");
    CHECK(spanish.title() == "Título");
    CHECK(spanish.find("a")->text() == "¿Le duele?");
    CHECK(spanish.find("a")->answerOptions().at(0).coding.display == "Sí, a menudo");
    CHECK(spanish.find("a")->answerOptions().at(0).value == "y"); // the code is the same answer
    // No translation: the whole English text, never a mix.
    CHECK(spanish.find("b")->text() == "Where?");
    CHECK(spanish.find("a")->prefix() == "1.");

    // The Spanish copy can turn back into English: its texts keep the English.
    const Questionnaire back = QuestionnaireTranslation::translate(spanish, "en");
    CHECK(back.find("a")->text() == "Does it hurt?");
    CHECK(back.title() == "Title");
    CHECK(QuestionnaireTranslation::translate(english, "fr").find("a")->text() == "Does it hurt?");
}

TEST_CASE("the texts that lack a language of the file are listed", "[translation]")
{
    const auto gaps = QuestionnaireTranslation::missing(twoQuestions());
    REQUIRE(gaps.size() == 2);
    CHECK(gaps[0].pointer == "/item/0/prefix");
    CHECK(gaps[1].pointer == "/item/1/text");
    CHECK(gaps[1].linkId == "b");
    CHECK(gaps[1].language == "es");
}

TEST_CASE("a malformed translation is refused at load, naming the item", "[translation]")
{
    json resource = twoQuestions();
    resource["item"][0]["_text"]["extension"][0]["extension"].erase(1);
    try {
        (void)Questionnaire::fromJson(resource);
        FAIL("loaded");
    } catch (const QuestionnaireError& error) {
        CHECK(error.linkId() == "a");
        CHECK(std::string(error.what()).find("content") != std::string::npos);
    }
}

TEST_CASE("the intake questionnaire is wholly in Spanish too", "[translation][content]")
{
    CHECK(QuestionnaireTranslation::languages(intake().source()) == std::set<std::string>{"en", "es"});
    CHECK(QuestionnaireTranslation::missing(intake().source()).empty());
    const Questionnaire spanish = QuestionnaireTranslation::translate(intake(), "es");
    REQUIRE(spanish.allItems().size() == intake().allItems().size());
    for (std::size_t i = 0; i < spanish.allItems().size(); ++i) {
        const Item& es = *spanish.allItems()[i];
        const Item& en = *intake().allItems()[i];
        CHECK(es.linkId() == en.linkId());
        if (!en.text().empty() && en.text() != "No")
            CHECK(es.text() != en.text());
        REQUIRE(es.answerOptions().size() == en.answerOptions().size());
        for (std::size_t o = 0; o < es.answerOptions().size(); ++o)
            CHECK(es.answerOptions()[o].value == en.answerOptions()[o].value);
    }
    // The file is still the same R4 resource: no element but the standard ones.
    CHECK(spanish.source()["_title"]["extension"][0]["url"] == std::string(QuestionnaireTranslation::kUrl));
}
