// Fuzz target: loading a FHIR R4 Questionnaire, as the program loads
// content/questionnaire at start. A resource that cannot be used must throw
// QuestionnaireError with a message; one that loads must answer the questions
// the program then asks of it (initial answers, enablement, validation, a
// QuestionnaireResponse of its initial answers) without crashing.
//
// A questionnaire that loads then drives the answer model: answer sets made
// from the input's own bytes, with values of every item type, several
// instances of each repeating group (empty ones too), several answers to
// repeating questions and answers to items nested under questions. Each set
// is validated, pruned and checked for enablement per instance; one that is
// valid is written as a QuestionnaireResponse, and a response SpinePath
// wrote must always read back.

#include "../support/ResponseRules.h"
#include "FuzzSupport.h"

#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/questionnaire/RepeatingGroups.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace spinepath;
using fuzz::Picker;
using nlohmann::json;

// A value for the item: mostly of its type, now and then of another.
json valueFor(const questionnaire::Item& item, Picker& pick)
{
    using questionnaire::ItemType;
    const auto& options = item.answerOptions();
    if (!options.empty() && pick.next(3) > 0)
        return options[static_cast<std::size_t>(pick.next(static_cast<int>(options.size())))].value;
    switch (pick.next(8) == 0 ? ItemType::String : item.type()) {
    case ItemType::Boolean:
        return pick.next(2) == 0;
    case ItemType::Integer:
        return pick.next(200) - 100;
    case ItemType::Decimal:
        return (pick.next(200) - 100) / 8.0;
    case ItemType::Date:
        return "2026-0" + std::to_string(1 + pick.next(9)) + "-1" + std::to_string(pick.next(10));
    case ItemType::DateTime:
        return "2026-03-1" + std::to_string(pick.next(10)) + "T10:30:00+01:00";
    case ItemType::Time:
        return "1" + std::to_string(pick.next(10)) + ":15:00";
    case ItemType::Quantity:
        return json{{"value", pick.next(100)}, {"unit", "kg"}};
    case ItemType::Reference:
        return json{{"reference", "Patient/1"}};
    case ItemType::Attachment:
        return json{{"title", "a"}};
    default:
        return std::string(1 + static_cast<std::size_t>(pick.next(3)),
                           static_cast<char>('a' + pick.next(26)));
    }
}

// Answers to the questions under `parent` (or the top level), into `into`;
// repeating groups get a list of instances of their own.
void answerItems(const std::vector<const questionnaire::Item*>& items, Picker& pick, json& into)
{
    for (const questionnaire::Item* item : items) {
        if (questionnaire::isRepeatingGroup(*item)) {
            json instances = json::array();
            for (int n = pick.next(4); n > 0; --n) {
                json instance = json::object();
                answerItems(item->children(), pick, instance);
                instances.push_back(std::move(instance));
            }
            if (!instances.empty())
                into[item->linkId()] = std::move(instances);
            continue;
        }
        if (item->isQuestion() && pick.next(4) > 0) {
            if (item->repeats()) {
                json values = json::array();
                for (int n = 1 + pick.next(3); n > 0; --n)
                    values.push_back(valueFor(*item, pick));
                into[item->linkId()] = std::move(values);
            } else {
                into[item->linkId()] = valueFor(*item, pick);
            }
        }
        answerItems(item->children(), pick, into);
    }
}

void driveAnswers(const questionnaire::Questionnaire& loaded, std::string_view bytes)
{
    Picker pick(bytes);
    for (int round = 0; round < 4; ++round) {
        json answers = json::object();
        answerItems(loaded.items(), pick, answers);
        const auto result = loaded.validate(answers);
        (void)loaded.enabledLinkIds(answers);
        const json pruned = loaded.pruneDisabled(answers);
        for (const questionnaire::Item* item : loaded.allItems()) {
            if (!questionnaire::isRepeatingGroup(*item))
                continue;
            for (const json& instance : questionnaire::instancesOf(answers, *item))
                (void)loaded.enabledLinkIds(questionnaire::instanceView(answers, *item, instance));
            (void)loaded.newInstance(*item, answers);
        }
        if (!result.valid())
            continue;
        questionnaire::ResponseOptions options;
        options.status = "in-progress";
        json response;
        try {
            response = questionnaire::toQuestionnaireResponse(loaded, pruned, options);
        } catch (const questionnaire::QuestionnaireError& error) {
            fuzz::requireMessage(error.what(), "QuestionnaireError");
            continue;
        }
        // What SpinePath writes keeps the R4 rules of a QuestionnaireResponse.
        if (const std::string problems = test::responseProblems(loaded, response); !problems.empty())
            fuzz::fail("a response SpinePath wrote breaks R4 rules: " + problems + response.dump());
        // What SpinePath wrote, it must read.
        try {
            (void)questionnaire::fromQuestionnaireResponse(loaded, response);
        } catch (const questionnaire::QuestionnaireError& error) {
            fuzz::fail(std::string("a response SpinePath wrote does not read back: ") + error.what() + "\n" +
                       response.dump());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::optional<nlohmann::json> resource = fuzz::parseInput(data, size);
    if (!resource)
        return 0;
    try {
        const questionnaire::Questionnaire loaded = questionnaire::Questionnaire::fromJson(*resource);
        (void)loaded.canonical();
        (void)loaded.answerableItems();
        const nlohmann::json initial = loaded.initialAnswers();
        (void)loaded.enabledLinkIds(initial);
        (void)loaded.validate(initial);
        (void)loaded.pruneDisabled(initial);
        for (const questionnaire::Item* item : loaded.allItems())
            (void)loaded.isEnabled(*item, initial);
        questionnaire::ResponseOptions options;
        options.status = "in-progress";
        const nlohmann::json response = questionnaire::toQuestionnaireResponse(loaded, initial, options);
        (void)questionnaire::fromQuestionnaireResponse(loaded, response);
        driveAnswers(loaded, fuzz::bytes(data, size));
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::requireMessage(error.what(), "QuestionnaireError");
    }
    return 0;
}
