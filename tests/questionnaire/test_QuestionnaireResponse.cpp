#include "QuestionnaireTestSupport.h"
#include "support/ExampleAnswers.h"
#include "support/ResponseRules.h"
#include "support/TestSeed.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

// Random but reproducible answer sets that are valid for a questionnaire.
class AnswerGenerator final
{
public:
    explicit AnswerGenerator(unsigned seed)
        : m_random(seed)
    {}

    json answers(const Questionnaire& questionnaire)
    {
        json result = json::object();
        for (const Item* item : questionnaire.answerableItems()) {
            if (chance(0.8))
                result[item->linkId()] = item->repeats() ? list(*item) : value(*item);
        }
        return questionnaire.pruneDisabled(result);
    }

private:
    bool chance(double probability) { return std::bernoulli_distribution(probability)(m_random); }

    long long between(long long low, long long high)
    {
        return std::uniform_int_distribution<long long>(low, high)(m_random);
    }

    template <typename T> const T& pick(const std::vector<T>& from)
    {
        return from[static_cast<std::size_t>(between(0, static_cast<long long>(from.size()) - 1))];
    }

    json list(const Item& item)
    {
        json values = json::array();
        std::set<std::string> seen;
        const auto count = between(1, 3);
        for (long long i = 0; i < count; ++i) {
            json candidate = value(item);
            if (seen.insert(candidate.dump()).second)
                values.push_back(std::move(candidate));
        }
        return values;
    }

    std::string words(std::optional<int> maxLength)
    {
        static const std::vector<std::string> vocabulary{
            "back", "pain", "Zoë", "morning", "\"quoted\"", "line\nbreak", "50%", "tea", "walk", "ß"};
        std::string text = pick(vocabulary);
        for (auto extra = between(0, 4); extra > 0; --extra)
            text += " " + pick(vocabulary);
        const auto limit = static_cast<std::size_t>(maxLength.value_or(1000));
        // Cut at spaces so that multi-byte letters stay whole.
        while (text.size() > limit && text.find(' ') != std::string::npos)
            text = text.substr(0, text.rfind(' '));
        return text;
    }

    std::string twoDigits(long long number) { return (number < 10 ? "0" : "") + std::to_string(number); }

    std::string date()
    {
        std::string text = std::to_string(between(1901, 2025));
        if (chance(0.9))
            text += "-" + twoDigits(between(1, 12));
        if (chance(0.9))
            text += text.size() > 4 ? "-" + twoDigits(between(1, 28)) : "";
        return text;
    }

    std::string time()
    {
        return twoDigits(between(0, 23)) + ":" + twoDigits(between(0, 59)) + ":" + twoDigits(between(0, 59));
    }

    json value(const Item& item)
    {
        const auto& options = item.answerOptions();
        switch (item.type()) {
        case ItemType::Boolean:
            return chance(0.5);
        case ItemType::Integer:
            if (!options.empty())
                return pick(options).value;
            return between(item.minValue().is_null() ? -50 : item.minValue().get<long long>(),
                           item.maxValue().is_null() ? 50 : item.maxValue().get<long long>());
        case ItemType::Decimal: {
            const double low = item.minValue().is_null() ? -100.0 : item.minValue().get<double>();
            const double high = item.maxValue().is_null() ? 100.0 : item.maxValue().get<double>();
            return low + 0.25 * static_cast<double>(between(0, static_cast<long long>((high - low) / 0.25)));
        }
        case ItemType::Date:
            return date();
        case ItemType::DateTime:
            return chance(0.3) ? date()
                               : date().substr(0, 4) + "-03-04T" + time() + (chance(0.5) ? "Z" : "+02:00");
        case ItemType::Time:
            return time();
        case ItemType::String:
        case ItemType::Text:
            return words(item.maxLength());
        case ItemType::Url:
            return "https://example.org/page/" + std::to_string(between(1, 999));
        case ItemType::Choice:
            return options.empty() ? json("code-" + std::to_string(between(1, 20))) : pick(options).value;
        case ItemType::OpenChoice:
            return !options.empty() && chance(0.6) ? pick(options).value : json(words(item.maxLength()));
        case ItemType::Quantity:
            return {{"value", between(40, 120)},
                    {"unit", "kg"},
                    {"system", "http://unitsofmeasure.org"},
                    {"code", "kg"}};
        case ItemType::Reference:
            return {{"reference", "Patient/" + std::to_string(between(1, 99))}};
        case ItemType::Attachment:
            return {{"contentType", "text/plain"}, {"data", "aGVsbG8="}};
        case ItemType::Group:
        case ItemType::Display:
            break;
        }
        return nullptr;
    }

    std::mt19937 m_random;
};

// Checks that response items sit where the questionnaire puts them, that no
// group is empty and that each answer holds exactly one value.
void checkNesting(const Questionnaire& questionnaire, const json& items, const Item* parent)
{
    REQUIRE(items.is_array());
    REQUIRE_FALSE(items.empty());
    for (const auto& entry : items) {
        const Item* item = questionnaire.find(entry["linkId"].get<std::string>());
        REQUIRE(item);
        INFO(item->linkId());
        CHECK(item->parent() == parent);
        CHECK(item->type() != ItemType::Display);
        CHECK(entry.value("text", std::string()) == item->text());
        CHECK(entry.contains("answer") != entry.contains("item"));
        if (entry.contains("item"))
            checkNesting(questionnaire, entry["item"], item);
        if (entry.contains("answer")) {
            CHECK(item->isQuestion());
            for (const auto& answer : entry["answer"]) {
                int values = 0;
                for (const auto& [key, unused] : answer.items())
                    values += key.rfind("value", 0) == 0 ? 1 : 0;
                CHECK(values == 1);
                if (answer.contains("item"))
                    checkNesting(questionnaire, answer["item"], item);
            }
        }
    }
}

// Close to worked example E3 of the clinical spec (answer set "R"): one more
// diagnosis, so that a list has two answers, and no answer to cc.meds.
json exampleAnswers()
{
    json answers = spinepath::test::with(
        spinepath::test::example3Answers(),
        {{"peg.activity", 5}, {"dx.told", {"ddd", "annular_tear"}}, {"neuro.numbness", "stable"}});
    answers.erase("cc.meds");
    return answers;
}

const json* findResponseItem(const json& items, const std::string& linkId)
{
    for (const auto& entry : items) {
        if (entry["linkId"] == linkId)
            return &entry;
        for (const auto* nested : {&entry, entry.contains("answer") ? &entry["answer"][0] : nullptr}) {
            if (nested && nested->contains("item")) {
                if (const json* found = findResponseItem((*nested)["item"], linkId))
                    return found;
            }
        }
    }
    return nullptr;
}

json flatResponse(const json& items)
{
    return {{"resourceType", "QuestionnaireResponse"}, {"status", "completed"}, {"item", items}};
}

// The status, authored and id; the rest of ResponseOptions left at its default.
ResponseOptions options(std::string status, std::string authored = {}, std::string id = {})
{
    ResponseOptions result;
    result.status = std::move(status);
    result.authored = std::move(authored);
    result.id = std::move(id);
    return result;
}

QuestionnaireError importError(const json& response, const Questionnaire& questionnaire = intake())
{
    return errorOf([&] { (void)fromQuestionnaireResponse(questionnaire, response); });
}

} // namespace

TEST_CASE("Response: the intake answers become a nested FHIR QuestionnaireResponse",
          "[QuestionnaireResponse]")
{
    const json response = toQuestionnaireResponse(
        intake(), exampleAnswers(), options("completed", "2026-11-25T10:15:00+01:00", "response-1"));

    CHECK(spinepath::test::responseProblems(intake(), response).empty());
    CHECK(response["resourceType"] == "QuestionnaireResponse");
    CHECK(response["id"] == "response-1");
    CHECK(response["questionnaire"] == "https://spinepath.example/fhir/Questionnaire/spinepath-intake|2.0.0");
    CHECK(response["status"] == "completed");
    CHECK(response["authored"] == "2026-11-25T10:15:00+01:00");
    checkNesting(intake(), response["item"], nullptr);

    std::vector<std::string> groups;
    for (const auto& group : response["item"])
        groups.push_back(group["linkId"]);
    // The optional "About you" section has no answers, so it is left out.
    CHECK(groups == std::vector<std::string>{"section.safety", "section.pain", "section.diagnosis",
                                             "section.imaging", "section.conservative", "section.stability",
                                             "section.neuro", "section.history", "section.procedure",
                                             "section.goals"});

    const json* duration = findResponseItem(response["item"], "pain.duration");
    REQUIRE(duration);
    CHECK((*duration)["answer"] ==
          json::array({{{"valueCoding",
                         {{"system", "https://spinepath.example/fhir/CodeSystem/pain.duration"},
                          {"code", "6m_12m"},
                          {"display", "6 to 12 months"}}}}}));
    CHECK((*findResponseItem(response["item"], "peg.pain"))["answer"] ==
          json::array({{{"valueInteger", 6}}}));
    CHECK((*findResponseItem(response["item"], "redflag.fever"))["answer"] ==
          json::array({{{"valueBoolean", false}}}));
    const json& boneRisk = (*findResponseItem(response["item"], "redflag.bone_risk"))["answer"];
    REQUIRE(boneRisk.size() == 1);
    CHECK(boneRisk[0]["valueCoding"]["code"] == "none");
    CHECK_FALSE(findResponseItem(response["item"], "redflag.systemic")); // hidden and not answered
    const json& told = (*findResponseItem(response["item"], "dx.told"))["answer"];
    REQUIRE(told.size() == 2);
    CHECK(told[1]["valueCoding"]["code"] == "annular_tear");
    CHECK_FALSE(findResponseItem(response["item"], "cc.meds"));      // not answered
    CHECK_FALSE(findResponseItem(response["item"], "safety.intro")); // display
}

TEST_CASE("Response: strings and dates of the About you section", "[QuestionnaireResponse]")
{
    json answers = exampleAnswers();
    answers["about.name"] = "Ana Souza";
    answers["about.birth_date"] = "1968-04-30";
    const json response = toQuestionnaireResponse(intake(), answers, options("in-progress"));
    CHECK(spinepath::test::responseProblems(intake(), response) == "");
    CHECK_FALSE(response.contains("id"));
    CHECK_FALSE(response.contains("authored"));
    CHECK((*findResponseItem(response["item"], "about.name"))["answer"][0] ==
          json{{"valueString", "Ana Souza"}});
    CHECK((*findResponseItem(response["item"], "about.birth_date"))["answer"][0] ==
          json{{"valueDate", "1968-04-30"}});
}

TEST_CASE("Response: answers of disabled items are left out", "[QuestionnaireResponse]")
{
    json answers = exampleAnswers();
    answers["dx.spondy_grade"] = "grade2"; // dx.told has no spondylolisthesis
    answers["img.mri"] = "none";           // hides img.findings
    const json response = toQuestionnaireResponse(intake(), answers, options("completed"));
    CHECK(spinepath::test::responseProblems(intake(), response) == "");
    CHECK_FALSE(findResponseItem(response["item"], "dx.spondy_grade"));
    CHECK_FALSE(findResponseItem(response["item"], "img.findings"));
    answers.erase("dx.spondy_grade");
    answers.erase("img.findings");
    CHECK(fromQuestionnaireResponse(intake(), response) == answers);
}

TEST_CASE("Response: a stored answer to the hidden legacy item is kept both ways", "[QuestionnaireResponse]")
{
    json answers = exampleAnswers();
    answers["redflag.systemic"] = true;
    const json response = toQuestionnaireResponse(intake(), answers, options("completed"));
    CHECK(spinepath::test::responseProblems(intake(), response) == "");
    const json* systemic = findResponseItem(response["item"], "redflag.systemic");
    REQUIRE(systemic);
    CHECK((*systemic)["answer"] == json::array({{{"valueBoolean", true}}}));
    CHECK(fromQuestionnaireResponse(intake(), response) == answers);
}

TEST_CASE("Response: items nested under a question go under its answer", "[QuestionnaireResponse]")
{
    const json answers{{"work.employed", false}, {"smoker", true}, {"smoker.per_day", 4}};
    const json response = toQuestionnaireResponse(sleepAndWork(), answers, options("in-progress"));
    CHECK(spinepath::test::responseProblems(sleepAndWork(), response) == "");
    const json* smoker = findResponseItem(response["item"], "smoker");
    REQUIRE(smoker);
    CHECK((*smoker)["answer"][0]["valueBoolean"] == true);
    CHECK((*smoker)["answer"][0]["item"][0]["linkId"] == "smoker.per_day");
    CHECK(fromQuestionnaireResponse(sleepAndWork(), response) == answers);
}

TEST_CASE("Response: invalid answers are refused, naming the linkId", "[QuestionnaireResponse][errors]")
{
    json answers = exampleAnswers();
    answers["peg.pain"] = 12;
    auto error = errorOf([&] { (void)toQuestionnaireResponse(intake(), answers); });
    CHECK(error.linkId() == "peg.pain");
    CHECK(error.pointer() == "/peg.pain");
    CHECK_THAT(error.what(), Catch::Contains("peg.pain"));

    answers = exampleAnswers();
    answers["dx.told"] = {"ddd", "sciatica"};
    error = errorOf([&] { (void)toQuestionnaireResponse(intake(), answers); });
    CHECK(error.linkId() == "dx.told");
    CHECK_THAT(error.what(), Catch::Contains("not one of its options"));
    CHECK_THAT(error.what(), !Catch::Contains("sciatica")); // never the value

    answers = exampleAnswers();
    answers["x.unknown"] = true;
    CHECK(errorOf([&] { (void)toQuestionnaireResponse(intake(), answers); }).linkId() == "x.unknown");
}

TEST_CASE("Response: a completed response needs every required answer", "[QuestionnaireResponse][errors]")
{
    json answers = exampleAnswers();
    answers.erase("neuro.weakness");
    const auto error =
        errorOf([&] { (void)toQuestionnaireResponse(intake(), answers, options("completed")); });
    CHECK(error.linkId() == "neuro.weakness");
    CHECK_NOTHROW(toQuestionnaireResponse(intake(), answers, options("in-progress")));
}

TEST_CASE("Response: status and authored are checked", "[QuestionnaireResponse][errors]")
{
    CHECK_THROWS_AS(toQuestionnaireResponse(intake(), exampleAnswers(), options("done")), QuestionnaireError);
    CHECK_THROWS_AS(toQuestionnaireResponse(intake(), exampleAnswers(), options("completed", "yesterday")),
                    QuestionnaireError);
    CHECK_THROWS_AS(
        toQuestionnaireResponse(intake(), exampleAnswers(), options("completed", "2026-11-25T10:15:00")),
        QuestionnaireError);
}

TEST_CASE("Response: round trip answers -> response -> answers", "[QuestionnaireResponse]")
{
    // 400 answer sets a questionnaire, from consecutive seeds; the first is printed.
    const unsigned first = spinepath::test::testSeed("round trip answer sets", 1u);
    for (const Questionnaire* questionnaire : {&intake(), &sleepAndWork()}) {
        std::set<std::string> covered;
        for (unsigned seed = first; seed != first + 400u; ++seed) {
            AnswerGenerator generator(seed);
            const json answers = generator.answers(*questionnaire);
            for (const auto& [linkId, unused] : answers.items())
                covered.insert(linkId);
            INFO(questionnaire->id() << " seed " << seed << ": " << answers.dump());
            REQUIRE(questionnaire->validate(answers).valid());

            const json response = toQuestionnaireResponse(*questionnaire, answers, options("in-progress"));
            // Every response written keeps the R4 rules (see ResponseRules.h).
            CHECK(spinepath::test::responseProblems(*questionnaire, response).empty());
            if (answers.empty()) {
                CHECK_FALSE(response.contains("item"));
            } else {
                checkNesting(*questionnaire, response["item"], nullptr);
            }
            // Through text, as a stored or exported response would go.
            const json reread = json::parse(response.dump());
            CHECK(fromQuestionnaireResponse(*questionnaire, reread) == answers);
        }
        // The generated sets reach every question, conditional ones included.
        CHECK(covered.size() == questionnaire->answerableItems().size());
    }
}

TEST_CASE("Response: import of a flat response without groups", "[QuestionnaireResponse]")
{
    const json response = flatResponse(json::array({
        {{"linkId", "redflag.bladder_bowel"}, {"answer", {{{"valueBoolean", false}}}}},
        {{"linkId", "pain.duration"}, {"answer", {{{"valueCoding", {{"code", "gt12m"}}}}}}},
        {{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", 4}}}}},
        {{"linkId", "dx.told"},
         {"answer",
          {{{"valueCoding",
             {{"system", "https://spinepath.example/fhir/CodeSystem/dx.told"}, {"code", "stenosis"}}}},
           {{"valueCoding", {{"code", "herniation"}}}}}}},
        // A repeating item may also come once per answer.
        {{"linkId", "img.findings"}, {"answer", {{{"valueCoding", {{"code", "normal"}}}}}}},
        {{"linkId", "img.findings"}, {"answer", {{{"valueCoding", {{"code", "unknown"}}}}}}},
        {{"linkId", "about.email"}, {"answer", {{{"valueString", "a@example.org"}}}}},
        {{"linkId", "about.birth_date"}, {"answer", {{{"valueDate", "1980-01-02"}}}}},
        {{"linkId", "cc.meds"}, {"answer", json::array()}},
    }));
    CHECK(fromQuestionnaireResponse(intake(), response) == json{{"redflag.bladder_bowel", false},
                                                                {"pain.duration", "gt12m"},
                                                                {"peg.pain", 4},
                                                                {"dx.told", {"stenosis", "herniation"}},
                                                                {"img.findings", {"normal", "unknown"}},
                                                                {"about.email", "a@example.org"},
                                                                {"about.birth_date", "1980-01-02"}});
}

TEST_CASE("Response: import leaves codes to validate()", "[QuestionnaireResponse]")
{
    const json response = flatResponse(
        json::array({{{"linkId", "pain.duration"}, {"answer", {{{"valueCoding", {{"code", "eon"}}}}}}}}));
    const json answers = fromQuestionnaireResponse(intake(), response);
    CHECK(answers == json{{"pain.duration", "eon"}});
    const auto errors = intake().validate(answers).errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == IssueCode::UnknownCode);
}

TEST_CASE("Response: a response to another questionnaire is refused, another version read",
          "[QuestionnaireResponse][errors]")
{
    // Answers naming http://evil.example/... were scored as the intake.
    json response =
        flatResponse(json::array({{{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", 4}}}}}}));
    response["questionnaire"] = "http://evil.example/Questionnaire/spinepath-intake|9.9";
    auto error = importError(response);
    CHECK(error.pointer() == "/questionnaire");
    CHECK_THAT(error.what(), Catch::Contains("another questionnaire"));
    response["questionnaire"] = intake().url() + "-copy";
    CHECK_THAT(importError(response).what(), Catch::Contains("another questionnaire"));
    response["questionnaire"] = 7;
    CHECK(importError(response).pointer() == "/questionnaire");

    // The same questionnaire at another version (stored v1 answers), at this
    // version, without a version, or not named at all: read.
    for (const std::string& named :
         {intake().url() + "|0.1.0", intake().canonical(), intake().url(), std::string()}) {
        INFO(named);
        json same = response;
        if (named.empty())
            same.erase("questionnaire");
        else
            same["questionnaire"] = named;
        CHECK(fromQuestionnaireResponse(intake(), same) == json{{"peg.pain", 4}});
        CHECK(answeredVersion(intake(), same) == (named == intake().url() + "|0.1.0" ? "0.1.0" : ""));
    }
}

TEST_CASE("Response: import errors name the linkId", "[QuestionnaireResponse][errors]")
{
    SECTION("not a QuestionnaireResponse")
    {
        CHECK(importError(json{{"resourceType", "Questionnaire"}}).pointer() == "/resourceType");
        CHECK_THAT(importError(json::array()).what(), Catch::Contains("QuestionnaireResponse"));
    }
    SECTION("unknown linkId, nested in a group")
    {
        const json response = flatResponse(
            json::array({{{"linkId", "section.pain"},
                          {"item", {{{"linkId", "pain.level"}, {"answer", {{{"valueInteger", 3}}}}}}}}}));
        const auto error = importError(response);
        CHECK(error.linkId() == "pain.level");
        CHECK(error.pointer() == "/item/0/item/0/linkId");
        CHECK_THAT(error.what(), Catch::Contains("pain.level"));
    }
    SECTION("value of the wrong kind")
    {
        auto error = importError(
            flatResponse(json::array({{{"linkId", "peg.pain"}, {"answer", {{{"valueString", "six"}}}}}})));
        CHECK(error.linkId() == "peg.pain");
        CHECK(error.pointer() == "/item/0/answer/0/valueString");
        CHECK_THAT(error.what(), Catch::Contains("peg.pain") && Catch::Contains("valueInteger"));

        error = importError(flatResponse(
            json::array({{{"linkId", "redflag.systemic"}, {"answer", {{{"valueInteger", 1}}}}}})));
        CHECK(error.linkId() == "redflag.systemic");

        error = importError(flatResponse(
            json::array({{{"linkId", "pain.duration"}, {"answer", {{{"valueString", "gt12m"}}}}}})));
        CHECK(error.linkId() == "pain.duration");

        error = importError(
            flatResponse(json::array({{{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", "6"}}}}}})));
        CHECK(error.linkId() == "peg.pain");
        CHECK_THAT(error.what(), Catch::Contains("must be a whole number, not a text"));
        CHECK_THAT(error.what(), !Catch::Contains("\"6\"")); // never the value
    }
    SECTION("a code whose system is not a text")
    {
        const auto error = importError(flatResponse(json::array(
            {{{"linkId", "cc.pt"}, {"answer", {{{"valueCoding", {{"system", 5}, {"code", "none"}}}}}}}})));
        CHECK(error.linkId() == "cc.pt");
        CHECK(error.pointer() == "/item/0/answer/0/valueCoding/system");
    }
    SECTION("a code from another system")
    {
        const auto error = importError(flatResponse(json::array(
            {{{"linkId", "cc.pt"},
              {"answer", {{{"valueCoding", {{"system", "http://snomed.info/sct"}, {"code", "none"}}}}}}}})));
        CHECK(error.linkId() == "cc.pt");
        CHECK(error.pointer() == "/item/0/answer/0/valueCoding/system");
    }
    SECTION("several answers to an item that takes one")
    {
        auto error = importError(flatResponse(json::array(
            {{{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", 1}}, {{"valueInteger", 2}}}}}})));
        CHECK(error.linkId() == "peg.pain");
        error = importError(
            flatResponse(json::array({{{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", 1}}}}},
                                      {{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", 1}}}}}})));
        CHECK(error.linkId() == "peg.pain");
        CHECK(error.pointer() == "/item/1/answer");
    }
    SECTION("answers on a group, an answer without a value")
    {
        auto error = importError(flatResponse(
            json::array({{{"linkId", "section.pain"}, {"answer", {{{"valueBoolean", true}}}}}})));
        CHECK(error.linkId() == "section.pain");
        error =
            importError(flatResponse(json::array({{{"linkId", "peg.pain"}, {"answer", {json::object()}}}})));
        CHECK(error.linkId() == "peg.pain");
        CHECK(error.pointer() == "/item/0/answer/0");
    }
    SECTION("malformed items")
    {
        CHECK(importError(flatResponse(json::array({{{"text", "no linkId"}}}))).pointer() ==
              "/item/0/linkId");
        CHECK(importError(flatResponse(json::object())).pointer() == "/item");
    }
}

TEST_CASE("Response: a group that does not repeat, or items under two answers of one question, are refused "
          "when given twice, never merged (issue 19, point 5)",
          "[QuestionnaireResponse][errors]")
{
    // Two instances of a repeating group are read apart: test_RepeatingGroups.
    // A group that does not repeat, listed twice, is refused.
    const json sectionTwice =
        flatResponse(json::array({{{"linkId", "section.pain"},
                                   {"item", {{{"linkId", "peg.pain"}, {"answer", {{{"valueInteger", 3}}}}}}}},
                                  {{"linkId", "section.pain"}, {"item", json::array()}}}));
    const auto notRepeating = errorOf([&] { (void)fromQuestionnaireResponse(intake(), sectionTwice); });
    CHECK(notRepeating.linkId() == "section.pain");
    CHECK_THAT(notRepeating.what(), Catch::Contains("does not repeat but appears twice"));

    // Nested items under two answers of one question would merge the same way.
    json repeatingSmoker = readJson(testDataPath("repeating-group.json"));
    repeatingSmoker["item"][1]["type"] = "integer";
    repeatingSmoker["item"][1]["repeats"] = true;
    const auto smokerForm = Questionnaire::fromJson(repeatingSmoker);
    const json perAnswer{
        {"resourceType", "QuestionnaireResponse"},
        {"status", "completed"},
        {"item",
         {{{"linkId", "smoker"},
           {"answer",
            {{{"valueInteger", 1},
              {"item", {{{"linkId", "smoker.per_day"}, {"answer", {{{"valueInteger", 2}}}}}}}},
             {{"valueInteger", 2},
              {"item", {{{"linkId", "smoker.per_day"}, {"answer", {{{"valueInteger", 3}}}}}}}}}}}}}};
    const auto nested = errorOf([&] { (void)fromQuestionnaireResponse(smokerForm, perAnswer); });
    CHECK(nested.linkId() == "smoker");
    CHECK(nested.pointer() == "/item/0/answer/1/item");
}
