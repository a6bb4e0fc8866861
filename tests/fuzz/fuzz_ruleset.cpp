// Fuzz target: loading the clinical rules (content/rules/*.json), as the
// program loads them at start. A ruleset that cannot be used must throw
// ContentError, each problem with the file, a JSON pointer and a message;
// nothing else may escape. A ruleset that loads then goes through what
// ScreeningContent and the scorer do next: it is linted against the real
// questionnaire and the interface, and scores a few answer sets of that
// questionnaire on both paths (the reference and the streaming fast path),
// which must give the same result, within the ruleset's score range. A rule
// that needs more memory than one evaluation may have stops with LimitError.

#include "FuzzSupport.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/RulesetLint.h"
#include "core/scoring/Scorer.h"
#include "core/util/ContentProblem.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace spinepath;
using nlohmann::json;

const char* const kFile = "fuzz.json";

json readJson(const std::string& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        fuzz::fail("cannot read " + path);
    return jsonlogic::parseJson(
        std::string((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>()));
}

// The answer sets every loaded ruleset scores: the questionnaire's initial
// answers, nothing answered, and the worked examples of the screening cases
// (red flags, every category, most factors). Loaded once per process.
const std::vector<json>& answerSets()
{
    static const std::vector<json> sets = [] {
        std::vector<json> all{fuzz::content().questionnaire().initialAnswers(), json::object()};
        // Held in a variable: a range-for over a member of a temporary reads freed memory.
        const json examples =
            readJson(std::string(SPINEPATH_SOURCE_DIR) + "/tests/data/screening/clinical-examples-v2.json");
        for (const json& example : examples.at("examples"))
            all.push_back(example.at("answers"));
        return all;
    }();
    return sets;
}

const json& interface()
{
    static const json loaded =
        readJson(std::string(SPINEPATH_SOURCE_DIR) + "/content/" + scoring::ScreeningContent::kInterfaceFile);
    return loaded;
}

// The ids of the articles of content/articles, for checkArticles.
const std::set<std::string>& articleIds()
{
    static const std::set<std::string> ids = [] {
        std::set<std::string> all;
        for (const auto& entry :
             std::filesystem::directory_iterator(std::string(SPINEPATH_SOURCE_DIR) + "/content/articles"))
            if (entry.path().extension() == ".md")
                all.insert(entry.path().stem().string());
        return all;
    }();
    return ids;
}

// A problem must say where and what: this file, a pointer that is empty (the
// whole document) or a valid RFC 6901 pointer, and a message.
void requireProblem(const ContentProblem& problem)
{
    fuzz::requireMessage(problem.message.c_str(), "ContentProblem");
    if (problem.file != kFile)
        fuzz::fail("a problem names another file: " + problem.file);
    if (!problem.pointer.empty()) {
        try {
            (void)json::json_pointer(problem.pointer);
        } catch (const json::parse_error&) {
            fuzz::fail("a problem has a malformed JSON pointer: " + problem.pointer);
        }
    }
}

void lint(const scoring::Ruleset& ruleset)
{
    const scoring::RulesetLint lint(ruleset, fuzz::content().questionnaire());
    for (const ContentProblem& problem : lint.checkReferences())
        requireProblem(problem);
    for (const ContentProblem& problem : lint.checkInterface(interface(), "interface.json"))
        fuzz::requireMessage(problem.message.c_str(), "ContentProblem");
    for (const ContentProblem& problem : lint.checkArticles(articleIds()))
        requireProblem(problem);
}

// What outcome() gives for an evaluation stopped by the memory bound. The two
// paths fill their arenas a little differently, so near the bound only one
// of them may stop: such a pair is not compared.
const std::string kLimited = "(the memory bound of one evaluation)";

// The result as JSON text, or nullopt when the answers were refused.
template <typename Score> std::optional<std::string> outcome(Score&& score)
{
    try {
        const scoring::ScreeningResult result = score();
        // The two writers (score prints toJson, score --jsonl and the
        // database use appendJson) must give the same JSON.
        std::string appended;
        result.appendJson(appended);
        const std::string dumped = result.toJson().dump();
        if (json::parse(appended) != json::parse(dumped))
            fuzz::fail("the two writers of a result disagree:\n  appendJson: " + appended +
                       "\n  toJson:     " + dumped);
        return dumped;
    } catch (const scoring::AnswerError& error) {
        fuzz::requireMessage(error.what(), "AnswerError");
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::requireMessage(error.what(), "QuestionnaireError");
    } catch (const jsonlogic::LimitError& error) {
        // A rule that needs more memory than one evaluation may have.
        fuzz::requireMessage(error.what(), "LimitError");
        return kLimited;
    }
    return std::nullopt;
}

void score(const scoring::Ruleset& ruleset)
{
    const scoring::Scorer scorer(fuzz::content().questionnaire(), ruleset, fuzz::content().roles());
    for (const json& answers : answerSets()) {
        const auto reference = outcome([&] { return scorer.score(answers); });
        // As score --jsonl reads them: text parsed by simdjson into Values.
        static jsonlogic::DocumentParser parser;
        jsonlogic::Arena arena;
        const jsonlogic::Value values = parser.parse(answers.dump(), arena);
        const auto stream = outcome([&] { return scorer.score(values, arena); });
        if (reference == kLimited || stream == kLimited)
            continue;
        if (reference != stream)
            fuzz::fail("the stream path and the reference disagree:\n  stream:    " +
                       stream.value_or("error") + "\n  reference: " + reference.value_or("error"));
        if (!reference)
            continue;
        const json result = json::parse(*reference);
        if (!ruleset.findCategory(result.at("category").get<std::string>()))
            fuzz::fail("the result's category is not one of the ruleset's: " + *reference);
        for (const char* pathway : {"regenerative", "fusion"}) {
            const int value = result.at("scores").at(pathway).get<int>();
            if (value < ruleset.scoreMin() || value > ruleset.scoreMax())
                fuzz::fail(std::string("the ") + pathway +
                           " score is outside the score range: " + *reference);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Loaded before the first input, so a missing file fails at once.
    (void)answerSets();
    (void)interface();
    (void)articleIds();
    json source;
    try {
        source = jsonlogic::parseJson(fuzz::bytes(data, size));
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
        return 0;
    }
    std::optional<scoring::Ruleset> ruleset;
    try {
        ruleset.emplace(scoring::Ruleset::fromJson(source, kFile));
    } catch (const ContentError& error) {
        fuzz::requireMessage(error.what(), "ContentError");
        if (error.problems().empty())
            fuzz::fail("a ContentError without problems");
        for (const ContentProblem& problem : error.problems())
            requireProblem(problem);
        return 0;
    }
    lint(*ruleset);
    score(*ruleset);
    return 0;
}
