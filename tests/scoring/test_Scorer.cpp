// Scorer: properties that hold for every answer set, checked over seeded
// random ones, and the refusal of invalid answers on both scoring paths.
#include "ScoringTestSupport.h"
#include "support/ExampleAnswers.h"
#include "support/ResponseRules.h"
#include "support/TestSeed.h"

#include "core/content/ContentRoles.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace spinepath::scoring;
using nlohmann::json;
namespace q = spinepath::questionnaire;

namespace {

constexpr int kRandomSets = 20000;
constexpr int kInvalidSets = 3000;

std::vector<std::string> codesOf(const q::Item& item)
{
    std::vector<std::string> codes;
    for (const q::AnswerOption& option : item.answerOptions())
        codes.push_back(option.coding.code);
    return codes;
}

// Valid answer sets of the intake: every answerable item is left out or given
// a value of its type (codes from its options, a subset for repeating items,
// integers within their limits). Answers to questions that are not shown
// occur naturally (dx.spondy_grade without a slip), as a client may send them.
class RandomAnswers final
{
public:
    RandomAnswers(const q::Questionnaire& questionnaire, std::uint32_t seed)
        : m_rng(seed)
        , m_items(questionnaire.answerableItems())
        , m_base(test::readJson(test::casesDirectory() + "/../bases.json").at("R"))
    {}

    // Half are drawn item by item; half are the spec's completed answer set R
    // with a few answers changed or removed, so that the narrow regenerative
    // route and its near misses turn up often enough to be tested.
    json next()
    {
        if (chance(0.5)) {
            json answers = m_base;
            for (const q::Item* item : m_items) {
                if (!chance(0.08))
                    continue;
                if (chance(0.25))
                    answers.erase(item->linkId());
                else
                    answers[item->linkId()] = value(*item);
            }
            return answers;
        }
        json answers = json::object();
        for (const q::Item* item : m_items) {
            const std::string& linkId = item->linkId();
            const double answered = linkId.starts_with("about.")                                      ? 0.2
                                    : linkId.starts_with("redflag.") || linkId.starts_with("safety.") ? 0.97
                                                                                                      : 0.75;
            if (chance(answered))
                answers[linkId] = value(*item);
        }
        return answers;
    }

    json value(const q::Item& item)
    {
        switch (item.type()) {
        case q::ItemType::Boolean:
            // Red flags are rare, so that every category turns up often.
            return chance(item.linkId().starts_with("redflag.") ? 0.02 : 0.5);
        case q::ItemType::Integer:
            return uniform(item.minValue().is_number() ? item.minValue().get<int>() : -100,
                           item.maxValue().is_number() ? item.maxValue().get<int>() : 100);
        case q::ItemType::Choice: {
            const auto codes = codesOf(item);
            if (!item.repeats())
                return codes[static_cast<std::size_t>(uniform(0, static_cast<int>(codes.size()) - 1))];
            json chosen = json::array();
            for (const std::string& code : codes)
                if (chance(0.3))
                    chosen.push_back(code);
            if (chosen.empty())
                chosen.push_back(
                    codes[static_cast<std::size_t>(uniform(0, static_cast<int>(codes.size()) - 1))]);
            return chosen;
        }
        case q::ItemType::String:
        case q::ItemType::Text: {
            static const std::vector<std::string> texts = {
                "Jane Doe",  "O'Brien", "Zoë Ångström", "\"quoted\" \\ back", "+1 555 0100", "a@example.org",
                "tab\there", "日本語",  "😀 smile"};
            return texts[static_cast<std::size_t>(uniform(0, static_cast<int>(texts.size()) - 1))];
        }
        case q::ItemType::Date: {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", uniform(1920, 2020), uniform(1, 12),
                          uniform(1, 28));
            return date;
        }
        default:
            throw std::logic_error("the random answers do not know the type of " + item.linkId());
        }
    }

    bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) < p; }
    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
    std::mt19937& engine() { return m_rng; }
    const std::vector<const q::Item*>& items() const { return m_items; }

private:
    std::mt19937 m_rng;
    std::vector<const q::Item*> m_items;
    json m_base;
};

std::string describe(const ScreeningResult& result)
{
    return result.toJson().dump();
}

// What must hold for any result: the first violation, or "" when there is none.
std::string violation(const ScreeningResult& result, const json& accepted, const Ruleset& ruleset)
{
    if (result.scores.at("regenerative") < 0 || result.scores.at("regenerative") > 100 ||
        result.scores.at("fusion") < 0 || result.scores.at("fusion") > 100)
        return "a score is outside 0..100";
    if (!ruleset.findCategory(result.category))
        return "unknown category " + result.category;
    if (result.category == "regenerative_evaluation" &&
        !(result.scores.at("regenerative") > result.scores.at("fusion")))
        return "regenerative_evaluation without regenerative > fusion";
    if (result.category == "fusion_evaluation" &&
        !(result.scores.at("fusion") > result.scores.at("regenerative")))
        return "fusion_evaluation without fusion > regenerative";
    // Flags: known, in the ruleset's order, and the severity is the highest one
    // (severities are listed highest first).
    std::size_t position = 0;
    const SeverityRule* highest = nullptr;
    for (const std::string& id : result.flags) {
        const FlagRule* flag = ruleset.findFlag(id);
        if (!flag)
            return "unknown flag " + id;
        const std::size_t index = static_cast<std::size_t>(flag - ruleset.flags().data());
        if (index < position)
            return "flags out of the ruleset's order";
        position = index + 1;
        const SeverityRule* severity = ruleset.findSeverity(flag->severity);
        if (!highest || severity < highest)
            highest = severity;
    }
    if (result.severity != (highest ? highest->id : std::string()))
        return "severity \"" + result.severity + "\" where \"" + (highest ? highest->id : "") + "\" was due";
    if ((highest && highest->id == "emergency") != result.hasEmergency())
        return "hasEmergency() disagrees with the severity";
    // Spec v2, category steps 1 and 2: an emergency or urgent flag means
    // urgent; a review flag alone means physician_review.
    if ((highest && highest->alert) != (result.category == "urgent"))
        return "an alerting flag and the urgent category disagree";
    if (highest && !highest->alert && result.category != "physician_review")
        return "a review flag without physician_review";

    // Red flags are never missed: a yes to an emergency question stops everything,
    // and an unanswered safety question is never read as "no".
    for (const char* linkId : {"redflag.bladder_bowel", "redflag.saddle_numbness", "redflag.sexual_function",
                               "redflag.both_legs", "redflag.progressive_weakness"})
        if (accepted.value(linkId, false) == true && result.severity != "emergency")
            return std::string(linkId) + " is yes but the severity is not emergency";
    // Spec v2, derived safety_complete: no safety question is ever assumed.
    for (const std::string& linkId : spinepath::test::safetyLinkIds())
        if (!accepted.contains(linkId) && std::find(result.flags.begin(), result.flags.end(),
                                                    "safety_screen_incomplete") == result.flags.end())
            return linkId + " is unanswered but the screen is not flagged incomplete";

    // The regenerative route is offered only within the spec's limits.
    if (result.category == "regenerative_evaluation") {
        if (!result.flags.empty())
            return "regenerative_evaluation with a flag";
        if (accepted.value("hx.prior_surgery", "") != "none" ||
            accepted.value("img.mri", "") != "within_12m" ||
            accepted.value("pain.location", "") != "back_mostly" ||
            (accepted.value("pain.duration", "") != "6m_12m" &&
             accepted.value("pain.duration", "") != "gt12m") ||
            accepted.value("cc.pt", "") != "ge6w")
            return "regenerative_evaluation outside the spec's limits (surgery, MRI, leg pain, duration, "
                   "therapy)";
        for (const char* note : {"investigational_treatment", "sealant_precautions", "other_biologics"})
            if (std::find(result.notes.begin(), result.notes.end(), note) == result.notes.end())
                return std::string("regenerative_evaluation without the note ") + note;
    }

    // Factors: exactly as the ruleset defines them, and the scores are their sums.
    int regenerative = 0;
    int fusion = 0;
    std::set<std::string> factorIds;
    for (const FiredFactor& fired : result.factors) {
        const FactorRule* factor = ruleset.findFactor(fired.id);
        if (!factor)
            return "unknown factor " + fired.id;
        if (!factorIds.insert(fired.id).second)
            return "factor " + fired.id + " listed twice";
        if (fired.weight != factor->weight || fired.pathway != factor->pathway ||
            fired.reason != factor->reason)
            return "factor " + fired.id + " does not match the ruleset";
        if (fired.pathway == "fusion")
            fusion += fired.weight;
        else if (fired.pathway == "regenerative")
            regenerative += fired.weight;
        else if (fired.pathway != "none" || fired.weight != 0)
            return "factor " + fired.id + " of pathway " + fired.pathway + " with weight " +
                   std::to_string(fired.weight);
    }
    if (result.scores.at("regenerative") != std::clamp(regenerative, 0, 100) ||
        result.scores.at("fusion") != std::clamp(fusion, 0, 100))
        return "the scores are not the clamped sums of the fired factors";
    if (factorIds.contains("stable_spine") &&
        (!result.flags.empty() || result.category == "fusion_evaluation"))
        return "stable_spine fired beside a flag or a structural finding";

    for (const std::string& id : result.notes)
        if (!ruleset.findNote(id))
            return "unknown note " + id;
    const bool regenerativeCategory = result.category == "regenerative_evaluation";
    if (regenerativeCategory != std::count(result.notes.begin(), result.notes.end(), "other_biologics"))
        return "other_biologics must come with regenerative_evaluation and only with it";

    // PEG: shown when all three items are answered, the mean to one decimal.
    const bool allPeg = accepted.contains("peg.pain") && accepted.contains("peg.enjoyment") &&
                        accepted.contains("peg.activity");
    if (allPeg != result.peg.has_value())
        return "peg shown when not all three items are answered, or missing when they are";
    if (allPeg) {
        const int sum = accepted["peg.pain"].get<int>() + accepted["peg.enjoyment"].get<int>() +
                        accepted["peg.activity"].get<int>();
        if (std::abs(*result.peg - std::floor(sum * 10.0 / 3.0 + 0.5) / 10.0) > 1e-9)
            return "peg is not the mean of the three items to one decimal";
    }
    if (result.rulesetId != ruleset.id() || result.rulesetVersion != ruleset.version())
        return "the result does not name the ruleset";
    return {};
}

std::string appended(const ScreeningResult& result)
{
    std::string out;
    result.appendJson(out);
    return out;
}

} // namespace

TEST_CASE("Random answer sets: invariants, both paths agree, hidden answers and FHIR input change nothing",
          "[scorer][property]")
{
    const auto& content = test::content();
    const Scorer& scorer = content.scorer();
    const q::Questionnaire& questionnaire = content.questionnaire();
    test::FastPath fast(scorer);
    RandomAnswers random(questionnaire, spinepath::test::testSeed("random answer sets", 20260301u));

    std::map<std::string, int> categories;
    std::set<std::string> fired;
    for (int i = 0; i < kRandomSets; ++i) {
        const json answers = random.next();
        const ScreeningResult reference = scorer.score(answers);
        const json accepted = scorer.acceptedAnswers(answers);
        const std::string where = "answer set #" + std::to_string(i) + ": " + answers.dump() + "\n";

        const std::string problem = violation(reference, accepted, content.ruleset());
        if (!problem.empty())
            FAIL(where << problem << "\nresult: " << describe(reference));

        const ScreeningResult streamed = fast.score(answers);
        const json expected = reference.toJson();
        if (streamed.toJson() != expected)
            FAIL(where << "the streaming path gives " << describe(streamed) << "\nthe reference path gives "
                       << expected.dump());
        if (appended(reference) != expected.dump() || appended(streamed) != expected.dump())
            FAIL(where << "appendJson differs from toJson().dump(): " << appended(reference));

        // Answers to questions that are not shown are dropped, and nothing else is.
        const std::set<std::string> shown = questionnaire.enabledLinkIds(answers);
        json variant = answers;
        for (const auto& [linkId, value] : answers.items())
            if (shown.contains(linkId) != accepted.contains(linkId))
                FAIL(where << linkId
                           << (shown.contains(linkId) ? " was dropped though shown"
                                                      : " was kept though hidden"));
        for (const q::Item* item : random.items())
            if (!shown.contains(item->linkId()) && random.chance(0.5))
                variant[item->linkId()] = random.value(*item); // any answer to a hidden question
        if (i % 3 == 0 && scorer.score(variant).toJson() != expected)
            FAIL(where << "answers to hidden questions changed the result: " << variant.dump());

        // The same answers as a FHIR QuestionnaireResponse, on both paths.
        if (i % 6 == 0) {
            q::ResponseOptions options;
            options.status = "in-progress";
            const json response = q::toQuestionnaireResponse(questionnaire, accepted, options);
            if (const std::string problems = spinepath::test::responseProblems(questionnaire, response);
                !problems.empty())
                FAIL(where << "the QuestionnaireResponse breaks R4 rules: " << problems);
            if (scorer.score(response).toJson() != expected || fast.score(response).toJson() != expected)
                FAIL(where << "the QuestionnaireResponse form scores differently: " << response.dump());
        }

        ++categories[reference.category];
        for (const std::string& id : reference.flags)
            fired.insert("flag:" + id);
        for (const FiredFactor& factor : reference.factors)
            fired.insert("factor:" + factor.id);
        for (const std::string& id : reference.notes)
            fired.insert("note:" + id);
    }

    // The generator reached every outcome, so the properties were tested on all of them.
    for (const CategoryRule& category : content.ruleset().categories()) {
        INFO(category.id);
        CHECK(categories[category.id] >= 50);
    }
    for (const FlagRule& flag : content.ruleset().flags())
        CHECK(fired.contains("flag:" + flag.id));
    for (const FactorRule& factor : content.ruleset().factors())
        CHECK(fired.contains("factor:" + factor.id));
    for (const NoteRule& note : content.ruleset().notes())
        CHECK(fired.contains("note:" + note.id));
}

TEST_CASE("Random invalid answer sets are refused on both paths with the linkId or code named",
          "[scorer][property]")
{
    const auto& content = test::content();
    const Scorer& scorer = content.scorer();
    test::FastPath fast(scorer);
    RandomAnswers random(content.questionnaire(),
                         spinepath::test::testSeed("random invalid answer sets", 4242u));
    const auto& items = random.items();
    const auto pick = [&](auto&& accept) {
        while (true) {
            const q::Item* item =
                items[static_cast<std::size_t>(random.uniform(0, static_cast<int>(items.size()) - 1))];
            if (accept(*item))
                return item;
        }
    };
    const auto isType = [](q::ItemType type) {
        return [type](const q::Item& item) { return item.type() == type; };
    };

    std::map<q::IssueCode, int> kinds;
    for (int i = 0; i < kInvalidSets; ++i) {
        json answers = random.next();
        std::string linkId;
        std::string named; // what the message must name besides the linkId
        q::IssueCode code = q::IssueCode::WrongType;
        switch (i % 9) {
        case 0: { // an unknown linkId, often a near miss of a real one
            static const std::vector<std::string> keys = {
                "pain.durashun", "redflag.bladder", "dx.tolds",        "peg.total",
                "section.pain",  "safety.intro",    "notes.free_text", "PAIN.DURATION"};
            linkId = keys[static_cast<std::size_t>(random.uniform(0, static_cast<int>(keys.size()) - 1))];
            answers[linkId] = random.chance(0.5) ? json("gt12m") : json(true);
            // section.pain and safety.intro exist but take no answer.
            code = linkId == "section.pain" || linkId == "safety.intro" ? q::IssueCode::WrongType
                                                                        : q::IssueCode::UnknownLinkId;
            break;
        }
        case 1: { // an unknown code for a single choice
            const q::Item* item =
                pick([](const q::Item& it) { return it.type() == q::ItemType::Choice && !it.repeats(); });
            linkId = item->linkId();
            named = codesOf(*item)[0] + "_x";
            answers[linkId] = named;
            code = q::IssueCode::UnknownCode;
            break;
        }
        case 2: { // a typo'd code among valid ones of a repeating choice
            const q::Item* item =
                pick([](const q::Item& it) { return it.type() == q::ItemType::Choice && it.repeats(); });
            linkId = item->linkId();
            named = item->linkId() == "dx.told" ? "annular_taer" : "disc_degenration";
            json list = random.value(*item);
            list.insert(list.begin() + random.uniform(0, static_cast<int>(list.size())), named);
            answers[linkId] = list;
            code = q::IssueCode::UnknownCode;
            break;
        }
        case 3: { // a boolean written some other way
            linkId = pick(isType(q::ItemType::Boolean))->linkId();
            static const std::vector<json> wrong = {"true", "yes", 1, 0, json::object()};
            answers[linkId] = wrong[static_cast<std::size_t>(random.uniform(0, 4))];
            break;
        }
        case 4: { // a choice or an integer written with the wrong type
            const q::Item* item = pick([](const q::Item& it) {
                return (it.type() == q::ItemType::Choice && !it.repeats()) ||
                       it.type() == q::ItemType::Integer;
            });
            linkId = item->linkId();
            static const std::vector<json> wrongChoice = {true, 3, json::object({{"code", "x"}})};
            static const std::vector<json> wrongInteger = {true, "five", 5.5, json::object()};
            const auto& wrong = item->type() == q::ItemType::Choice ? wrongChoice : wrongInteger;
            answers[linkId] =
                wrong[static_cast<std::size_t>(random.uniform(0, static_cast<int>(wrong.size()) - 1))];
            break;
        }
        case 5: { // a PEG item out of range
            static const std::vector<std::string> peg = {"peg.pain", "peg.enjoyment", "peg.activity"};
            linkId = peg[static_cast<std::size_t>(random.uniform(0, 2))];
            answers[linkId] = random.chance(0.5) ? random.uniform(11, 1000) : random.uniform(-1000, -1);
            code = q::IssueCode::OutOfRange;
            break;
        }
        case 6: { // an array for an item that takes one answer
            const q::Item* item = pick([](const q::Item& it) { return !it.repeats(); });
            linkId = item->linkId();
            answers[linkId] = json::array({random.value(*item)});
            if (random.chance(0.5))
                answers[linkId].push_back(random.value(*item));
            code = q::IssueCode::NotRepeating;
            break;
        }
        case 7: { // one string where a repeating item takes a list
            const q::Item* item = pick([](const q::Item& it) { return it.repeats(); });
            linkId = item->linkId();
            answers[linkId] = codesOf(*item)[0];
            break;
        }
        default: { // a text that is empty or too long
            const q::Item* item = pick(isType(q::ItemType::String));
            linkId = item->linkId();
            answers[linkId] = random.chance(0.5)
                                  ? std::string()
                                  : std::string(static_cast<std::size_t>(*item->maxLength()) + 1, 'x');
            code =
                answers[linkId].get<std::string>().empty() ? q::IssueCode::WrongType : q::IssueCode::TooLong;
            break;
        }
        }
        const std::string where =
            "invalid set #" + std::to_string(i) + " (" + linkId + "): " + answers.dump();
        INFO(where);
        const AnswerError reference = test::answerErrorOf([&] { (void)scorer.score(answers); });
        const AnswerError streamed = test::answerErrorOf([&] { (void)fast.score(answers); });
        const std::string message = reference.what();
        if (message.find(linkId) == std::string::npos)
            FAIL("the message does not name " << linkId << ": " << message);
        // The item and the rule, never the value.
        if (!named.empty() && message.find(named) != std::string::npos)
            FAIL("the message repeats the value " << named << ": " << message);
        if (std::string(streamed.what()) != message)
            FAIL("the streaming path says: " << streamed.what() << "\nthe reference path says: " << message);
        REQUIRE(reference.issues().size() == 1);
        CHECK(reference.issues()[0].linkId == linkId);
        CHECK(q::toString(reference.issues()[0].code) == q::toString(code));
        ++kinds[reference.issues()[0].code];
    }
    CHECK(kinds.size() >= 5);
}

TEST_CASE("An answer set that is not an object is refused on both paths", "[scorer]")
{
    const Scorer& scorer = test::content().scorer();
    test::FastPath fast(scorer);
    for (const json& answers : {json::array(), json("gt12m"), json(42), json(nullptr)}) {
        INFO(answers.dump());
        const AnswerError reference = test::answerErrorOf([&] { (void)scorer.score(answers); });
        const AnswerError streamed = test::answerErrorOf([&] { (void)fast.score(answers); });
        CHECK(std::string(reference.what()).find("JSON object") != std::string::npos);
        CHECK(std::string(streamed.what()) == reference.what());
    }
}

// The reference validator reads 5.0 as "not a whole number", the streaming
// parser as 5. Both paths must refuse it.
TEST_CASE("A whole number written as 5.0 is treated alike on both paths", "[scorer]")
{
    const Scorer& scorer = test::content().scorer();
    test::FastPath fast(scorer);
    const std::string text = R"({"pain.duration": "6m_12m", "peg.pain": 5.0})";
    std::string reference;
    std::string streamed;
    try {
        reference = scorer.score(json::parse(text)).toJson().dump();
    } catch (const AnswerError& error) {
        reference = std::string("error: ") + error.what();
    }
    try {
        streamed = fast.score(text).toJson().dump();
    } catch (const AnswerError& error) {
        streamed = std::string("error: ") + error.what();
    }
    CHECK(streamed == reference);
}

TEST_CASE("Answers to hidden questions are dropped and change nothing", "[scorer]")
{
    const Scorer& scorer = test::content().scorer();
    test::FastPath fast(scorer);
    const json base = test::workedExample("E3");
    const json expected = scorer.score(base).toJson();
    REQUIRE(expected["category"] == "regenerative_evaluation");

    const std::vector<std::pair<std::string, json>> hidden = {
        {"dx.spondy_grade", "grade3plus"},     // no spondylolisthesis in dx.told
        {"dx.deformity_progressive", true},    // no deformity
        {"dx.fracture_stability", "unstable"}, // no fracture
        {"hx.pain_after_surgery", true},       // prior surgery none
        {"hx.adjacent_segment", true},         // prior surgery not a fusion
    };
    json all = base;
    for (const auto& [linkId, value] : hidden) {
        INFO(linkId);
        json answers = base;
        answers[linkId] = value;
        all[linkId] = value;
        CHECK_FALSE(scorer.acceptedAnswers(answers).contains(linkId));
        CHECK(scorer.score(answers).toJson() == expected);
        CHECK(fast.score(answers).toJson() == expected);
    }
    CHECK(scorer.acceptedAnswers(all) == base);
    CHECK(scorer.score(all).toJson() == expected);
    CHECK(fast.score(all).toJson() == expected);

    // With the question shown, the same answer counts.
    json shown = all;
    shown["dx.told"] = {"ddd", "spondylolisthesis"};
    CHECK(scorer.acceptedAnswers(shown).contains("dx.spondy_grade"));
    CHECK(scorer.score(shown).category == "fusion_evaluation");
    CHECK(fast.score(shown).category == "fusion_evaluation");

    // Findings without an MRI are not asked, so an extruded disc there counts for nothing.
    json noMri = base;
    noMri["img.mri"] = "none";
    noMri["img.findings"] = {"extruded_herniation"};
    const ScreeningResult result = scorer.score(noMri);
    CHECK_FALSE(scorer.acceptedAnswers(noMri).contains("img.findings"));
    CHECK(std::count(result.notes.begin(), result.notes.end(), "decompression_may_be_needed") == 0);
    CHECK(fast.score(noMri).toJson() == result.toJson());
}

TEST_CASE("A QuestionnaireResponse scores like the flat answers it holds", "[scorer]")
{
    const auto& content = test::content();
    const Scorer& scorer = content.scorer();
    test::FastPath fast(scorer);
    for (const json& example : test::workedExamples()) {
        INFO(example["id"].get<std::string>());
        const json& flat = example["answers"];
        const json expected = scorer.score(flat).toJson();

        // Nested by group, as the questionnaire is. Some examples leave
        // required questions blank (E2 has no PEG), so the response is in progress.
        q::ResponseOptions options;
        options.status = "in-progress";
        const json nested = q::toQuestionnaireResponse(content.questionnaire(), flat, options);
        CHECK(nested["resourceType"] == "QuestionnaireResponse");
        CHECK(spinepath::test::responseProblems(content.questionnaire(), nested) == "");
        CHECK(scorer.score(nested).toJson() == expected);
        CHECK(fast.score(nested).toJson() == expected);

        // Flat at the top level, written by hand.
        json response = {{"resourceType", "QuestionnaireResponse"},
                         {"questionnaire", content.questionnaire().canonical()},
                         {"status", "in-progress"},
                         {"item", json::array()}};
        for (const auto& [linkId, value] : flat.items()) {
            const q::Item* item = content.questionnaire().find(linkId);
            json answers = json::array();
            for (const json& one : value.is_array() ? value : json::array({value})) {
                if (one.is_boolean())
                    answers.push_back({{"valueBoolean", one}});
                else if (one.is_number_integer())
                    answers.push_back({{"valueInteger", one}});
                else if (item->type() == q::ItemType::Choice)
                    answers.push_back({{"valueCoding", {{"code", one}}}});
                else if (item->type() == q::ItemType::Date)
                    answers.push_back({{"valueDate", one}});
                else
                    answers.push_back({{"valueString", one}});
            }
            response["item"].push_back({{"linkId", linkId}, {"answer", answers}});
        }
        CHECK(scorer.score(response).toJson() == expected);
        CHECK(fast.score(response).toJson() == expected);
    }
}

TEST_CASE("A QuestionnaireResponse with an unknown linkId or code is refused, naming the item", "[scorer]")
{
    const Scorer& scorer = test::content().scorer();
    test::FastPath fast(scorer);
    const json unknownItem = {
        {"resourceType", "QuestionnaireResponse"},
        {"status", "completed"},
        {"item", {{{"linkId", "pain.durashun"}, {"answer", {{{"valueCoding", {{"code", "gt12m"}}}}}}}}}};
    const json unknownCode = {
        {"resourceType", "QuestionnaireResponse"},
        {"status", "completed"},
        {"item", {{{"linkId", "pain.duration"}, {"answer", {{{"valueCoding", {{"code", "gt_12m"}}}}}}}}}};
    // The unknown code is an answer: the message names its item, never the value.
    for (const auto& [response, named, value] :
         {std::tuple{unknownItem, "pain.durashun", ""}, std::tuple{unknownCode, "pain.duration", "gt_12m"}}) {
        INFO(response.dump());
        for (int path = 0; path < 2; ++path) {
            std::string message;
            try {
                (void)(path == 0 ? scorer.score(response) : fast.score(response));
                FAIL("accepted");
            } catch (const AnswerError& error) {
                message = error.what();
            } catch (const q::QuestionnaireError& error) {
                message = error.what();
            }
            CHECK(message.find(named) != std::string::npos);
            if (*value != '\0')
                CHECK(message.find(value) == std::string::npos);
        }
    }
}

TEST_CASE("Scoring is deterministic and the scorer can be shared", "[scorer]")
{
    const Scorer& scorer = test::content().scorer();
    const json answers = test::workedExample("E3");
    const json first = scorer.score(answers).toJson();
    for (int i = 0; i < 3; ++i)
        CHECK(scorer.score(answers).toJson() == first);
    CHECK(&scorer.ruleset() == &test::content().ruleset());
    CHECK(&scorer.questionnaire() == &test::content().questionnaire());
}

TEST_CASE("Factor weights add up without overflow and the sums are clamped to the score range", "[scorer]")
{
    // Two weights of 2147483647 overflowed the int sum (undefined behaviour;
    // with wrap-around the score came out as the minimum). Found while writing
    // the ruleset fuzz target; tests/fuzz/regressions/ruleset keeps the input.
    json rules = test::readJson(test::rulesetPath());
    const int most = std::numeric_limits<int>::max();
    const int least = std::numeric_limits<int>::min();
    const auto factor = [](const char* id, const char* pathway, int weight) {
        return json{{"id", id}, {"pathway", pathway}, {"weight", weight}, {"reason", "r"}, {"when", true}};
    };
    rules["factors"] = json::array({factor("a", "regenerative", most), factor("b", "regenerative", most),
                                    factor("c", "fusion", least), factor("d", "fusion", least)});
    const Ruleset ruleset = Ruleset::fromJson(rules, "weights.json");
    const Scorer scorer(test::content().questionnaire(), ruleset, test::content().roles());
    const json answers = test::content().questionnaire().initialAnswers();
    for (const ScreeningResult& result : {scorer.score(answers), test::FastPath(scorer).score(answers)}) {
        CHECK(result.factors.size() == 4);
        CHECK(result.scores.at("regenerative") == ruleset.scoreMax());
        CHECK(result.scores.at("fusion") == ruleset.scoreMin());
    }
}

TEST_CASE("Every pathway the rules list gets its own score, however many there are", "[scorer]")
{
    json rules = test::readJson(test::rulesetPath());
    rules["pathways"] = json::array({"alpha", "beta", "gamma"});
    const auto factor = [](const char* id, const char* pathway, int weight) {
        return json{{"id", id}, {"pathway", pathway}, {"weight", weight}, {"reason", "r"}, {"when", true}};
    };
    rules["factors"] = json::array({factor("a", "alpha", 30), factor("b", "gamma", 20),
                                    factor("c", "gamma", 5), factor("d", "none", 0)});
    const Ruleset ruleset = Ruleset::fromJson(rules, "three.json");
    const Scorer scorer(test::content().questionnaire(), ruleset, test::content().roles());
    const json answers = test::content().questionnaire().initialAnswers();
    for (const ScreeningResult& result : {scorer.score(answers), test::FastPath(scorer).score(answers)}) {
        const std::map<std::string, int> expected{{"alpha", 30}, {"beta", 0}, {"gamma", 25}};
        CHECK(result.scores == expected);
        CHECK(result.toJson()["scores"] == json{{"alpha", 30}, {"beta", 0}, {"gamma", 25}});
        std::string appended;
        result.appendJson(appended);
        CHECK(appended == result.toJson().dump());
    }
}

TEST_CASE("The PEG score is the derived concept the roles name", "[scorer]")
{
    json interface =
        test::readJson(std::string(SPINEPATH_SOURCE_DIR) + "/content/" + spinepath::ContentRoles::kFile);
    const std::string pegConcept = interface["roles"]["peg.score"];
    const json answers = test::workedExample("E3");
    const auto peg = test::content().scorer().score(answers).peg;
    REQUIRE(peg);

    // The concept renamed in the rules and in the roles: still the PEG score.
    json rules = test::readJson(test::rulesetPath());
    for (json& derived : rules["derived"])
        if (derived["id"] == pegConcept)
            derived["id"] = pegConcept + "_renamed";
    const Ruleset renamed = Ruleset::fromJson(rules, "renamed.json");
    CHECK_FALSE(Scorer(test::content().questionnaire(), renamed, test::content().roles()).score(answers).peg);
    interface["roles"]["peg.score"] = pegConcept + "_renamed";
    const spinepath::ContentRoles roles = spinepath::ContentRoles::fromJson(interface, "interface.json");
    CHECK(Scorer(test::content().questionnaire(), renamed, roles).score(answers).peg == peg);
}
