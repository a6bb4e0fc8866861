// Fuzz target: JsonLogic rule parsing, compiling and evaluation.
//
// Input: the rule as JSON text up to the first newline, then the data as JSON
// text (empty data is {}). The rule is compiled with the standard operators
// and with the ruleset's (which add `round`), and evaluated over the data
// parsed both ways the program parses it: nlohmann::json converted to Values
// (the reference path) and simdjson straight into Values (the stream path).
// Bad text or rules must throw JsonError or RuleError with a message, and an
// evaluation past the memory bound LimitError; both parses of the same data
// must give the same result (key order aside).

#include "FuzzSupport.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Rule.h"
#include "core/scoring/Ruleset.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace {

using namespace spinepath;

std::optional<jsonlogic::Rule> compile(std::string_view text, const jsonlogic::OperatorRegistry& operators)
{
    try {
        return jsonlogic::Rule::parse(text, operators);
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
    } catch (const jsonlogic::RuleError& error) {
        fuzz::requireMessage(error.problem().c_str(), "RuleError");
    }
    return std::nullopt;
}

// The memory bound of one evaluation here: smaller than the program's
// (Arena::kDefaultLimit), so an input that reaches it costs little time.
constexpr std::size_t kLimit = std::size_t{16} * 1024 * 1024;

void evaluate(const jsonlogic::Rule& rule, std::string_view dataText)
{
    // A rule past the memory bound stops with LimitError on either path. The
    // two paths use the arena a little differently (the reference copies the
    // data's strings into it), so near the bound only one may stop: then
    // there is nothing to compare.
    bool limited = false;

    // The reference path: nlohmann::json, then Values.
    std::optional<std::string> reference;
    jsonlogic::Arena arena(16 * 1024, kLimit);
    try {
        const nlohmann::json data = jsonlogic::parseJson(dataText);
        const jsonlogic::Value value = jsonlogic::fromJson(data, arena);
        std::string out;
        jsonlogic::appendJson(out, rule.evaluate(value, arena), kLimit);
        reference = std::move(out);
        // The convenience API over the same document (unbounded: only for
        // results that the bounded path could print).
        (void)rule.apply(data);
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
    } catch (const jsonlogic::LimitError& error) {
        fuzz::requireMessage(error.what(), "LimitError");
        limited = true;
    }

    // The stream path: simdjson into Values.
    std::optional<std::string> stream;
    try {
        jsonlogic::DocumentParser parser;
        jsonlogic::Arena streamArena(16 * 1024, kLimit);
        const jsonlogic::Value value = parser.parse(dataText, streamArena);
        std::string out;
        jsonlogic::appendJson(out, rule.evaluate(value, streamArena), kLimit);
        stream = std::move(out);
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
    } catch (const jsonlogic::LimitError& error) {
        fuzz::requireMessage(error.what(), "LimitError");
        limited = true;
    }
    if (limited)
        return;

    // Compared as JSON values: an object from the reference path has its keys
    // sorted (nlohmann::json), one from the stream path keeps the input order
    // (as JavaScript does); docs/reliability.md.
    if (reference && stream && *reference != *stream &&
        nlohmann::json::parse(*reference) != nlohmann::json::parse(*stream))
        fuzz::fail("the two parsers give different results: " + *reference + " vs " + *stream);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input = fuzz::bytes(data, size);
    const std::size_t newline = input.find('\n');
    const std::string_view ruleText = input.substr(0, newline);
    std::string_view dataText =
        newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    if (dataText.find_first_not_of(" \t\r\n") == std::string_view::npos)
        dataText = "{}";

    if (auto rule = compile(ruleText, jsonlogic::OperatorRegistry::standard()))
        evaluate(*rule, dataText);
    if (auto rule = compile(ruleText, scoring::Ruleset::operators()))
        evaluate(*rule, dataText);
    return 0;
}
