#include "QuestionnaireTestSupport.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

std::vector<std::string> linkIds(const std::vector<const Item*>& items)
{
    std::vector<std::string> result;
    for (const Item* item : items)
        result.push_back(item->linkId());
    return result;
}

std::vector<json> optionValues(const Item& item)
{
    std::vector<json> result;
    for (const auto& option : item.answerOptions())
        result.push_back(option.value);
    return result;
}

// A small valid questionnaire that the error cases below break one way each.
json minimal()
{
    return json::parse(R"({
        "resourceType": "Questionnaire",
        "url": "http://example.org/q",
        "status": "active",
        "item": [
            {"linkId": "g", "type": "group", "item": [
                {"linkId": "a", "type": "choice", "answerOption": [
                    {"valueCoding": {"system": "http://example.org/cs", "code": "x"}},
                    {"valueCoding": {"system": "http://example.org/cs", "code": "y"}}]},
                {"linkId": "b", "type": "boolean",
                 "enableWhen": [{"question": "a", "operator": "=",
                                 "answerCoding": {"system": "http://example.org/cs", "code": "x"}}]}
            ]}
        ]
    })");
}

QuestionnaireError loadError(const json& resource)
{
    return errorOf([&] { (void)Questionnaire::fromJson(resource); });
}

} // namespace

TEST_CASE("Questionnaire loads the header of a resource", "[Questionnaire]")
{
    const auto& q = sleepAndWork();
    CHECK(q.id() == "sleep-and-work");
    CHECK(q.url() == "http://example.org/fhir/Questionnaire/sleep-and-work");
    CHECK(q.version() == "2.1");
    CHECK(q.name() == "SleepAndWork");
    CHECK(q.status() == "draft");
    CHECK(q.canonical() == "http://example.org/fhir/Questionnaire/sleep-and-work|2.1");
    CHECK(q.source()["resourceType"] == "Questionnaire");
}

TEST_CASE("Questionnaire keeps the item tree and the document order", "[Questionnaire]")
{
    const auto& q = sleepAndWork();
    CHECK(linkIds(q.items()) == std::vector<std::string>{"work", "sleep", "about", "smoker"});

    const Item* job = q.find("work.job");
    REQUIRE(job);
    CHECK(job->type() == ItemType::Group);
    CHECK(job->parent() == q.find("work"));
    CHECK(linkIds(job->children()) == std::vector<std::string>{"work.shift", "work.hours", "work.title",
                                                               "work.night_note", "work.overtime",
                                                               "work.part_time_reason"});
    CHECK(job->pointer() == "/item/0/item/1");

    // A question may carry nested items of its own.
    const Item* smoker = q.find("smoker");
    REQUIRE(smoker);
    CHECK(smoker->isQuestion());
    CHECK(linkIds(smoker->children()) == std::vector<std::string>{"smoker.per_day"});

    const auto answerable = linkIds(q.answerableItems());
    CHECK(answerable.front() == "work.employed");
    CHECK(answerable.back() == "smoker.per_day");
    CHECK(std::find(answerable.begin(), answerable.end(), "work.job") == answerable.end());
    CHECK(std::find(answerable.begin(), answerable.end(), "work.night_note") == answerable.end());
    CHECK(q.allItems().size() == q.answerableItems().size() + 6); // 4 groups, 2 display items

    CHECK(q.find("nope") == nullptr);
}

TEST_CASE("Questionnaire reads every item type", "[Questionnaire]")
{
    const auto& q = sleepAndWork();
    const std::vector<std::pair<std::string, ItemType>> expected{
        {"work", ItemType::Group},
        {"work.employed", ItemType::Boolean},
        {"work.shift", ItemType::Choice},
        {"work.hours", ItemType::Integer},
        {"work.title", ItemType::String},
        {"work.night_note", ItemType::Display},
        {"work.overtime", ItemType::Decimal},
        {"sleep.describe", ItemType::Text},
        {"sleep.bedtime", ItemType::Time},
        {"sleep.aids", ItemType::OpenChoice},
        {"about.birth_date", ItemType::Date},
        {"about.last_study", ItemType::DateTime},
        {"about.website", ItemType::Url},
        {"about.weight", ItemType::Quantity},
    };
    for (const auto& [linkId, type] : expected) {
        INFO(linkId);
        REQUIRE(q.find(linkId));
        CHECK(q.find(linkId)->type() == type);
    }
    CHECK(toString(ItemType::OpenChoice) == "open-choice");
    CHECK(itemTypeFromString("dateTime") == ItemType::DateTime);
    CHECK_FALSE(itemTypeFromString("question"));
}

TEST_CASE("Questionnaire reads flags, limits and initial values", "[Questionnaire]")
{
    const auto& q = sleepAndWork();
    CHECK(q.find("work.employed")->required());
    CHECK_FALSE(q.find("work.title")->required());
    CHECK(q.find("sleep.aids")->repeats());
    CHECK(q.find("work.title")->maxLength() == 20);
    CHECK_FALSE(q.find("work.hours")->maxLength());
    CHECK(q.find("work.hours")->minValue() == 1);
    CHECK(q.find("work.hours")->maxValue() == 80);
    CHECK(q.find("sleep.hours")->maxValue() == 24);
    CHECK(q.find("about.birth_date")->minValue() == "1900-01-01");
    CHECK(q.find("about.birth_date")->maxValue().is_null());

    CHECK(q.find("sleep.hours")->initialValues() == std::vector<json>{7.5});
    CHECK(q.find("sleep.snore")->initialValues() == std::vector<json>{"UNK"});
    CHECK(q.find("about.contact")->initialValues() == std::vector<json>{"email"});
    CHECK(q.initialAnswers() ==
          json{{"sleep.hours", 7.5}, {"sleep.snore", "UNK"}, {"about.contact", "email"}});
}

TEST_CASE("Questionnaire reads the hidden and optionExclusive extensions", "[Questionnaire]")
{
    json resource = minimal();
    json& items = resource["item"][0]["item"];
    items.push_back(json::parse(R"({"linkId": "legacy", "type": "boolean",
        "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden",
                       "valueBoolean": true}]})"));
    items.push_back(json::parse(R"({"linkId": "list", "type": "choice", "repeats": true, "answerOption": [
        {"valueCoding": {"code": "p"}},
        {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive",
                        "valueBoolean": true}],
         "valueCoding": {"code": "none"}}]})"));

    const auto q = Questionnaire::fromJson(resource);
    CHECK(q.find("legacy")->hidden());
    CHECK_FALSE(q.find("a")->hidden());
    CHECK_FALSE(q.find("g")->hidden());
    // Hidden is not disabled: the item stays enabled and its answers are kept.
    const json answers{{"legacy", true}};
    CHECK(q.isEnabled(*q.find("legacy"), answers));
    CHECK(q.pruneDisabled(answers) == answers);
    CHECK(q.validate(answers).valid());

    const auto& options = q.find("list")->answerOptions();
    REQUIRE(options.size() == 2);
    CHECK_FALSE(options[0].exclusive);
    CHECK(options[1].exclusive);

    SECTION("hidden false is not hidden")
    {
        items[2]["extension"][0]["valueBoolean"] = false;
        CHECK_FALSE(Questionnaire::fromJson(resource).find("legacy")->hidden());
    }
    SECTION("a hidden extension without a boolean is an error")
    {
        items[2]["extension"][0].erase("valueBoolean");
        items[2]["extension"][0]["valueString"] = "yes";
        const auto error = loadError(resource);
        CHECK(error.linkId() == "legacy");
        CHECK(error.pointer() == "/item/0/item/2/extension/0");
        CHECK_THAT(error.what(), Catch::Contains("questionnaire-hidden") && Catch::Contains("valueBoolean"));
    }
    SECTION("an exclusive option needs an item that repeats")
    {
        items[3].erase("repeats");
        const auto error = loadError(resource);
        CHECK(error.linkId() == "list");
        CHECK_THAT(error.what(), Catch::Contains("exclusive"));
    }
}

TEST_CASE("Questionnaire resolves answer options and contained value sets", "[Questionnaire]")
{
    const auto& q = sleepAndWork();

    SECTION("compose.include with an exclude")
    {
        const Item& snore = *q.find("sleep.snore");
        CHECK(optionValues(snore) == std::vector<json>{"Y", "N", "UNK"});
        CHECK(snore.answerOptions()[0].coding.system == "http://terminology.hl7.org/CodeSystem/v2-0136");
        CHECK(snore.answerOptions()[0].coding.display == "Yes");
        CHECK(snore.answerValueSet() == "#yes-no-unknown");
        CHECK(snore.restrictedToOptions());
    }
    SECTION("expansion.contains, nested, abstract entries left out")
    {
        CHECK(optionValues(*q.find("work.shift")) == std::vector<json>{"day", "night", "rotating"});
    }
    SECTION("answerOption of several kinds")
    {
        CHECK(optionValues(*q.find("sleep.aids")) ==
              std::vector<json>{"melatonin", "white noise", "earplugs"});
        CHECK(q.find("sleep.aids")->answerOptions()[0].kind == AnswerOption::Kind::String);
        CHECK_FALSE(q.find("sleep.aids")->restrictedToOptions()); // open-choice
        CHECK(optionValues(*q.find("about.lucky_number")) == std::vector<json>{3, 7, 13});
        CHECK(optionValues(*q.find("about.children")) == std::vector<json>{0, 1, 2, 3});
        CHECK(q.find("about.contact")->findOption("mail")->coding.display == "Mail");
    }
    SECTION("a value set outside the resource has no known options")
    {
        const Item& country = *q.find("about.country");
        CHECK(country.answerValueSet() == "http://example.org/fhir/ValueSet/countries");
        CHECK(country.answerOptions().empty());
        CHECK_FALSE(country.restrictedToOptions());
    }
}

TEST_CASE("Questionnaire reads enableWhen and enableBehavior", "[Questionnaire]")
{
    const auto& q = sleepAndWork();
    const Item& describe = *q.find("sleep.describe");
    REQUIRE(describe.enableWhen().size() == 2);
    CHECK(describe.enableBehavior() == EnableBehavior::Any);
    CHECK(describe.enableWhen()[0].question == "sleep.hours");
    CHECK(describe.enableWhen()[0].op == EnableOperator::LessOrEqual);
    CHECK(describe.enableWhen()[0].answerKind == AnswerKind::Decimal);
    CHECK(describe.enableWhen()[1].answerKind == AnswerKind::Coding);
    CHECK(describe.enableWhen()[1].pointer == "/item/1/item/2/enableWhen/1");
    CHECK(q.find("work.job")->enableBehavior() == EnableBehavior::All); // the default with one condition
}

TEST_CASE("Questionnaire rejects what is not a Questionnaire", "[Questionnaire][errors]")
{
    CHECK(loadError(json::array()).pointer().empty());
    const auto wrongType = loadError({{"resourceType", "Patient"}});
    CHECK(wrongType.pointer() == "/resourceType");
    CHECK_THAT(wrongType.what(), Catch::Contains("Patient") && Catch::Contains("Questionnaire"));
    CHECK(loadError(json::object()).pointer() == "/resourceType");
}

TEST_CASE("Questionnaire reports bad items with a pointer and the linkId", "[Questionnaire][errors]")
{
    json resource = minimal();
    json& items = resource["item"][0]["item"];

    SECTION("duplicate linkId")
    {
        items[1]["linkId"] = "a";
        items[1].erase("enableWhen");
        const auto error = loadError(resource);
        CHECK(error.pointer() == "/item/0/item/1/linkId");
        CHECK(error.linkId() == "a");
        CHECK_THAT(error.what(),
                   Catch::Contains("duplicate linkId 'a'") && Catch::Contains("/item/0/item/0"));
    }
    SECTION("missing linkId")
    {
        items[0].erase("linkId");
        CHECK(loadError(resource).pointer() == "/item/0/item/0/linkId");
    }
    SECTION("unknown type")
    {
        items[1]["type"] = "yes-no";
        const auto error = loadError(resource);
        CHECK(error.pointer() == "/item/0/item/1/type");
        CHECK(error.linkId() == "b");
        CHECK_THAT(error.what(), Catch::Contains("yes-no"));
    }
    SECTION("enableWhen pointing at an unknown linkId")
    {
        items[1]["enableWhen"][0]["question"] = "zz";
        const auto error = loadError(resource);
        CHECK(error.pointer() == "/item/0/item/1/enableWhen/0/question");
        CHECK(error.linkId() == "b");
        CHECK_THAT(error.what(), Catch::Contains("unknown linkId 'zz'"));
    }
    SECTION("enableWhen pointing at a group")
    {
        items[1]["enableWhen"][0] = {{"question", "g"}, {"operator", "exists"}, {"answerBoolean", true}};
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen/0/question");
    }
    SECTION("unknown operator")
    {
        items[1]["enableWhen"][0]["operator"] = "~";
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen/0/operator");
    }
    SECTION("enableWhen code the question does not offer")
    {
        items[1]["enableWhen"][0]["answerCoding"]["code"] = "z";
        const auto error = loadError(resource);
        CHECK(error.pointer() == "/item/0/item/1/enableWhen/0/answerCoding/code");
        CHECK_THAT(error.what(), Catch::Contains("'z'"));
    }
    SECTION("enableWhen code from another system")
    {
        items[1]["enableWhen"][0]["answerCoding"]["system"] = "http://example.org/other";
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen/0/answerCoding/system");
    }
    SECTION("enableWhen answer of the wrong kind")
    {
        items[1]["enableWhen"][0] = {{"question", "a"}, {"operator", "="}, {"answerInteger", 3}};
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen/0/answerInteger");
    }
    SECTION("ordering a coding")
    {
        items[1]["enableWhen"][0]["operator"] = ">";
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen/0/operator");
    }
    SECTION("exists without answerBoolean")
    {
        items[1]["enableWhen"][0]["operator"] = "exists";
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen/0/answerCoding");
    }
    SECTION("several conditions without enableBehavior")
    {
        items[1]["enableWhen"].push_back(
            {{"question", "a"}, {"operator", "exists"}, {"answerBoolean", true}});
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableWhen");
        items[1]["enableBehavior"] = "some";
        CHECK(loadError(resource).pointer() == "/item/0/item/1/enableBehavior");
        items[1]["enableBehavior"] = "any";
        CHECK_NOTHROW(Questionnaire::fromJson(resource));
    }
    SECTION("enableWhen cycle")
    {
        items[0]["enableWhen"] =
            json::array({{{"question", "b"}, {"operator", "exists"}, {"answerBoolean", true}}});
        const auto error = loadError(resource);
        CHECK_THAT(error.what(),
                   Catch::Contains("cycle") && Catch::Contains("'a'") && Catch::Contains("'b'"));
        // Still refused with the JSON pointer and the linkId of an item on the cycle.
        CHECK((error.linkId() == "a" || error.linkId() == "b"));
        CHECK_THAT(error.pointer(), Catch::StartsWith("/item/0/item/") && Catch::Contains("/enableWhen/0"));
    }
    SECTION("enableWhen on the item itself")
    {
        items[1]["enableWhen"][0] = {{"question", "b"}, {"operator", "exists"}, {"answerBoolean", true}};
        CHECK_THAT(loadError(resource).what(), Catch::Contains("itself"));
    }
    SECTION("missing contained value set")
    {
        items[0].erase("answerOption");
        items[0]["answerValueSet"] = "#nowhere";
        items[1].erase("enableWhen");
        const auto error = loadError(resource);
        CHECK(error.pointer() == "/item/0/item/0/answerValueSet");
        CHECK_THAT(error.what(), Catch::Contains("nowhere"));
    }
    SECTION("duplicate answer codes")
    {
        items[0]["answerOption"][1]["valueCoding"]["code"] = "x";
        CHECK_THAT(loadError(resource).what(), Catch::Contains("twice"));
    }
    SECTION("malformed flags and limits")
    {
        items[1]["required"] = "yes";
        CHECK(loadError(resource).pointer() == "/item/0/item/1/required");
        items[1]["required"] = true;
        items[1]["extension"] =
            json::array({{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", 0}}});
        CHECK(loadError(resource).pointer() == "/item/0/item/1/extension/0/valueInteger");
    }
    SECTION("initial value that is not an option")
    {
        items[0]["initial"] = json::array({{{"valueCoding", {{"code", "q"}}}}});
        CHECK_THAT(loadError(resource).what(), Catch::Contains("initial"));
    }
}

TEST_CASE("Questionnaire accepts legal R4 content, or names the item and the feature it cannot use",
          "[Questionnaire]")
{
    json resource = minimal();
    json& items = resource["item"][0]["item"];

    SECTION("a Coding without a code is an option, answered with the Coding itself")
    {
        items[0]["answerOption"].push_back({{"valueCoding", {{"display", "Something else"}}}});
        const auto q = Questionnaire::fromJson(resource);
        const Item& item = *q.find("a");
        REQUIRE(item.answerOptions().size() == 3);
        CHECK(item.answerOptions()[2].value == json({{"display", "Something else"}}));
        CHECK(q.validate({{"a", {{"display", "Something else"}}}}).valid());
        CHECK_FALSE(q.validate({{"a", {{"display", "Anything"}}}}).valid());
        // A Coding with neither is still refused, naming the item.
        items[0]["answerOption"][2]["valueCoding"] = {{"system", "http://example.org/cs"}};
        const auto error = loadError(resource);
        CHECK(error.linkId() == "a");
        CHECK(error.pointer() == "/item/0/item/0/answerOption/2/valueCoding");
    }
    SECTION("a contained ValueSet defined by compose gives its listed codes")
    {
        resource["contained"] = json::parse(R"([{
            "resourceType": "ValueSet", "id": "vs", "status": "active",
            "compose": {
                "include": [
                    {"system": "http://example.org/cs", "version": "1",
                     "concept": [{"code": "x", "display": "X"}, {"code": "y"}, {"code": "z",
                                  "designation": [{"value": "Zed"}]}]},
                    {"system": "http://example.org/other", "concept": [{"code": "w"}]}],
                "exclude": [{"system": "http://example.org/cs", "concept": [{"code": "z"}]}]}}])");
        items[0].erase("answerOption");
        items[0]["answerValueSet"] = "#vs";
        const auto q = Questionnaire::fromJson(resource);
        const auto& options = q.find("a")->answerOptions();
        REQUIRE(options.size() == 3);
        CHECK(options[0].coding.display == "X");
        CHECK(options[2].coding.system == "http://example.org/other");
    }
    SECTION("a contained ValueSet whose codes cannot be listed is refused, naming the item and why")
    {
        resource["contained"] = json::parse(R"([{
            "resourceType": "ValueSet", "id": "vs", "status": "active",
            "compose": {"include": [{"system": "http://snomed.info/sct",
                                     "filter": [{"property": "concept", "op": "is-a", "value": "404684003"}]}]}}])");
        items[0].erase("answerOption");
        items[0]["answerValueSet"] = "#vs";
        items[1].erase("enableWhen");
        const auto error = loadError(resource);
        CHECK(error.linkId() == "a");
        CHECK(error.pointer() == "/item/0/item/0/answerValueSet");
        CHECK_THAT(error.what(), Catch::Contains("item 'a'") && Catch::Contains("filter"));
    }
    SECTION("valueReference options are refused, naming the item and the feature")
    {
        items[0]["answerOption"] = json::array({{{"valueReference", {{"reference", "Practitioner/1"}}}}});
        items[1].erase("enableWhen");
        const auto error = loadError(resource);
        CHECK(error.linkId() == "a");
        CHECK(error.pointer() == "/item/0/item/0/answerOption/0/valueReference");
        CHECK_THAT(error.what(), Catch::Contains("item 'a'") && Catch::Contains("valueReference"));
    }
    SECTION("a questionnaire without a url loads, and its responses name no questionnaire")
    {
        resource.erase("url");
        const auto q = Questionnaire::fromJson(resource);
        CHECK(q.url().empty());
        CHECK(q.canonical().empty());
    }
}

TEST_CASE("Questionnaire::fromFile names the file in its errors", "[Questionnaire][errors]")
{
    const std::string missing = testDataPath("does-not-exist.json");
    CHECK_THAT(errorOf([&] { (void)Questionnaire::fromFile(missing); }).what(),
               Catch::Contains("does-not-exist.json"));

    const std::string broken = "questionnaire-malformed-test.json";
    {
        std::ofstream out(broken);
        out << R"({"resourceType": "Questionnaire", "item": [)";
    }
    const auto malformed = errorOf([&] { (void)Questionnaire::fromFile(broken); });
    CHECK_THAT(malformed.what(), Catch::Contains(broken) && Catch::Contains("malformed JSON"));

    {
        std::ofstream out(broken);
        out << R"({"resourceType": "Questionnaire", "item": [{"linkId": "a", "type": "bogus"}]})";
    }
    const auto invalid = errorOf([&] { (void)Questionnaire::fromFile(broken); });
    CHECK_THAT(invalid.what(), Catch::Contains(broken) && Catch::Contains("bogus"));
    CHECK(invalid.pointer() == "/item/0/type");
    std::remove(broken.c_str());
}

TEST_CASE("Questionnaire::pruneDisabled drops answers of hidden items until stable", "[Questionnaire]")
{
    const auto& q = sleepAndWork();

    SECTION("a whole hidden group goes, unknown keys stay for validate to report")
    {
        const json answers{{"work.employed", false},
                           {"work.shift", "night"},
                           {"work.hours", 50},
                           {"work.overtime", 4.5},
                           {"not.a.link", 1}};
        CHECK(q.pruneDisabled(answers) == json{{"work.employed", false}, {"not.a.link", 1}});
    }
    SECTION("a chain: hiding one answer hides the items that depend on it")
    {
        const json answers{{"about.children", 0}, {"about.lucky_number", 7}};
        CHECK(q.pruneDisabled(answers) == json{{"about.children", 0}});
        const json chained{{"smoker", false}, {"smoker.per_day", 10}};
        CHECK(q.pruneDisabled(chained) == json{{"smoker", false}});
    }
    SECTION("enabled answers are untouched")
    {
        const json answers{{"work.employed", true}, {"work.hours", 50}, {"work.overtime", 4.5}};
        CHECK(q.pruneDisabled(answers) == answers);
        const json pruned = q.pruneDisabled(answers);
        CHECK(q.pruneDisabled(pruned) == pruned);
    }
    SECTION("answers must be an object")
    {
        CHECK_THROWS_AS(q.pruneDisabled(json::array()), QuestionnaireError);
    }
}

TEST_CASE("Questionnaire copies share one tree", "[Questionnaire]")
{
    const Questionnaire copy = sleepAndWork();
    CHECK(copy.find("work.hours") == sleepAndWork().find("work.hours"));
}

TEST_CASE("Questionnaire refuses a required choice whose answerValueSet it cannot list (issue 19, point 4)",
          "[Questionnaire][errors]")
{
    // missing-valueset.json: a required choice and an optional one, both with
    // a value set outside the resource and no valuesets/ folder beside them.
    const auto error = errorOf([] { (void)Questionnaire::fromFile(testDataPath("missing-valueset.json")); });
    CHECK(error.linkId() == "where");
    CHECK(error.pointer() == "/item/0/answerValueSet");
    CHECK_THAT(error.what(), Catch::Contains("missing-valueset.json") && Catch::Contains("'where'") &&
                                 Catch::Contains("is required") &&
                                 Catch::Contains("http://example.org/fhir/ValueSet/pain-site") &&
                                 Catch::Contains("questionnaire/valuesets/"));

    // The optional one alone loads: the patient can leave it unanswered.
    json resource = readJson(testDataPath("missing-valueset.json"));
    resource["item"][0]["required"] = false;
    const auto q = Questionnaire::fromJson(resource);
    CHECK(q.find("where")->answerOptions().empty());
    CHECK(q.find("mood")->answerOptions().empty());

    // Open-choice is refused the same way: there is no free-text box to fall back on.
    resource["item"][0]["required"] = true;
    resource["item"][0]["type"] = "open-choice";
    CHECK(errorOf([&] { (void)Questionnaire::fromJson(resource); }).linkId() == "where");
}

TEST_CASE("Questionnaire takes the codes of an answerValueSet from the clinic's valuesets folder",
          "[Questionnaire]")
{
    // external-valueset/form.json names pain-site|2.0; valuesets/pain-site.json beside it expands it.
    const auto q = Questionnaire::fromFile(testDataPath("external-valueset/form.json"));
    const Item& where = *q.find("where");
    REQUIRE(where.answerOptions().size() == 2);
    CHECK(where.answerOptions()[1].coding ==
          Coding{"http://example.org/fhir/CodeSystem/site", "low-back", "Low back"});
    CHECK(q.validate(json{{"where", "neck"}}).errors().empty());
    CHECK_FALSE(q.validate(json{{"where", "knee"}}).errors().empty());

    const auto valueSets = Questionnaire::valueSetsBeside(testDataPath("external-valueset/form.json"));
    REQUIRE(valueSets.size() == 1);
    CHECK(valueSets.begin()->first == "http://example.org/fhir/ValueSet/pain-site");

    // A supplied ValueSet whose codes cannot be listed is refused, naming the item.
    Questionnaire::ValueSets byFilter = valueSets;
    byFilter.begin()->second = json{
        {"resourceType", "ValueSet"},
        {"url", "http://example.org/fhir/ValueSet/pain-site"},
        {"compose",
         {{"include", {{{"system", "http://snomed.info/sct"}, {"filter", {{{"property", "concept"}}}}}}}}}};
    const json form = readJson(testDataPath("external-valueset/form.json"));
    const auto filtered = errorOf([&] { (void)Questionnaire::fromJson(form, byFilter); });
    CHECK(filtered.linkId() == "where");
    CHECK_THAT(filtered.what(), Catch::Contains("supplied in content") && Catch::Contains("filter"));
}

TEST_CASE("Questionnaire::valueSetsIn names a file that is no ValueSet with a url", "[Questionnaire][errors]")
{
    const std::string folder = "questionnaire-valuesets-test";
    std::filesystem::create_directories(folder);
    CHECK(Questionnaire::valueSetsIn(folder).empty());
    CHECK(Questionnaire::valueSetsIn(folder + "/none").empty());
    {
        std::ofstream out(folder + "/a.json");
        out << R"({"resourceType": "ValueSet", "status": "active"})";
    }
    CHECK_THAT(errorOf([&] { (void)Questionnaire::valueSetsIn(folder); }).what(),
               Catch::Contains("a.json") && Catch::Contains("needs the url"));
    {
        std::ofstream out(folder + "/a.json");
        out << R"({"resourceType": "Questionnaire"})";
    }
    CHECK_THAT(errorOf([&] { (void)Questionnaire::valueSetsIn(folder); }).what(),
               Catch::Contains("a.json") && Catch::Contains("not a FHIR ValueSet"));
    {
        std::ofstream(folder + "/a.json") << R"({"resourceType": "ValueSet", "url": "http://x/vs|1"})";
        std::ofstream(folder + "/b.json") << R"({"resourceType": "ValueSet", "url": "http://x/vs"})";
    }
    CHECK_THAT(errorOf([&] { (void)Questionnaire::valueSetsIn(folder); }).what(),
               Catch::Contains("b.json") && Catch::Contains("also the url of"));
    std::filesystem::remove_all(folder);
}

TEST_CASE("Questionnaire reads prefix, readOnly, minLength, regex, entryFormat and questionnaire-unit "
          "(issue 19, point 11)",
          "[Questionnaire]")
{
    const json section = readJson(testDataPath("display-features-section.json"));
    json resource{{"resourceType", "Questionnaire"}, {"status", "draft"}, {"item", json::array({section})}};
    const auto q = Questionnaire::fromJson(resource);
    CHECK(q.find("shown.doctor")->prefix() == "1.");
    CHECK(q.find("shown.clinic")->readOnly());
    const Item& code = *q.find("shown.code");
    CHECK(code.minLength() == 3);
    CHECK(code.maxLength() == 6);
    CHECK(code.regex() == "[A-Z]+[0-9]*");
    CHECK(code.entryFormat() == "AB12");
    const Item& weight = *q.find("shown.weight");
    REQUIRE(weight.unit());
    CHECK(*weight.unit() == Coding{"http://unitsofmeasure.org", "kg", "kg"});
    CHECK(weight.entryFormat() == "72.5");
    CHECK(q.initialAnswers() ==
          json{{"shown.doctor", "Dr Lee"}, {"shown.side", "both"}, {"shown.clinic", "Back Care North"}});

    const auto refused = [&](const std::function<void(json&)>& change) {
        json broken = resource;
        change(broken["item"][0]["item"]);
        return errorOf([&] { (void)Questionnaire::fromJson(broken); });
    };
    auto error = refused([](json& items) { items[3]["extension"][1]["valueString"] = "[A-"; });
    CHECK(error.linkId() == "shown.code");
    CHECK(error.pointer() == "/item/0/item/3/extension/1/valueString");
    CHECK_THAT(error.what(), Catch::Contains("not a regular expression"));
    error = refused([](json& items) { items[3]["extension"][0]["valueInteger"] = 7; });
    CHECK_THAT(error.what(), Catch::Contains("minLength of 'shown.code' is greater than its maxLength"));
    error = refused([](json& items) { items[3]["extension"][0]["valueInteger"] = "3"; });
    CHECK_THAT(error.what(), Catch::Contains("needs a positive valueInteger"));
    // On a number the rules on text would be silently ignored: refused, naming the feature.
    error = refused([](json& items) { items[4]["extension"].push_back(items[3]["extension"][1]); });
    CHECK(error.linkId() == "shown.weight");
    CHECK_THAT(error.what(), Catch::Contains("regex extension") && Catch::Contains("decimal"));
    error = refused([](json& items) { items[3]["extension"].push_back(items[4]["extension"][0]); });
    CHECK_THAT(error.what(), Catch::Contains("questionnaire-unit"));
    error = refused([](json& items) { items[4]["extension"][1].erase("valueString"); });
    CHECK_THAT(error.what(), Catch::Contains("entryFormat"));
}

TEST_CASE("An initial Quantity with a unit and no number is legal R4, and no answer", "[Questionnaire]")
{
    // Found on public forms (issue 19): Android FHIR's initial-value sample
    // gives only the unit; LHC-Forms one only a comparator. Both were refused.
    const auto q =
        Questionnaire::fromFile(SPINEPATH_TEST_DATA_DIR "/questionnaire/quantity-unit-only-initial.json");
    CHECK(q.find("weight")->initialValues().empty());
    CHECK(q.find("spend")->initialValues().empty());
    CHECK(q.initialAnswers() == json{{"height", {{"value", 170}, {"unit", "cm"}}}});

    // Still checked as a Quantity: a unit code needs its system (R4 qty-3).
    json broken = json::parse(R"({"resourceType": "Questionnaire", "status": "draft", "item": [
        {"linkId": "w", "type": "quantity", "initial": [{"valueQuantity": {"code": "kg"}}]}]})");
    const auto error = loadError(broken);
    CHECK(error.pointer() == "/item/0/initial/0");
    CHECK_THAT(error.message(), Catch::Contains("no system"));
}

TEST_CASE("A required attachment is refused at load, naming the item", "[Questionnaire]")
{
    // Found on public forms (issue 19): Android FHIR's attachment sample left
    // the patient on a page whose Next could never go on.
    const auto error = errorOf([] {
        (void)Questionnaire::fromFile(SPINEPATH_TEST_DATA_DIR "/questionnaire/required-attachment.json");
    });
    CHECK(error.pointer() == "/item/0/required");
    CHECK(error.linkId() == "scan");
    CHECK_THAT(error.message(), Catch::Contains("required attachment"));
    // An optional one loads (questionnaire check warns that it cannot be given).
    json optional = json::parse(R"({"resourceType": "Questionnaire", "status": "draft", "item": [
        {"linkId": "scan", "type": "attachment"}]})");
    CHECK_NOTHROW(Questionnaire::fromJson(optional));
}

TEST_CASE("A choice listing its answers as STU3 did, or a required one with none, is refused",
          "[Questionnaire]")
{
    // Found on public forms (issue 19): an Argonaut (STU3) questionnaire among
    // LHC-Forms' R4 tests loaded with required choices that offered nothing.
    const auto stu3 = errorOf(
        [] { (void)Questionnaire::fromFile(SPINEPATH_TEST_DATA_DIR "/questionnaire/stu3-option.json"); });
    CHECK(stu3.pointer() == "/item/0/option");
    CHECK(stu3.linkId() == "walks");
    CHECK_THAT(stu3.message(), Catch::Contains("STU3"));

    json none = json::parse(R"({"resourceType": "Questionnaire", "status": "draft", "item": [
        {"linkId": "c", "type": "choice", "required": true}]})");
    const auto error = loadError(none);
    CHECK(error.pointer() == "/item/0/required");
    CHECK_THAT(error.message(), Catch::Contains("no answerOption or answerValueSet"));
    // Optional, it loads: the patient can leave it.
    none["item"][0]["required"] = false;
    CHECK_NOTHROW(Questionnaire::fromJson(none));
}
