// Rule: compilation, evaluation and its guarantees. The data-driven part runs
// tests/data/jsonlogic/spinepath-cases.json, whose expected values were
// produced by json-logic-js 2.0.5 itself (see the README beside it).
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Rule.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace spinepath::jsonlogic;
using nlohmann::json;

namespace {

struct Case
{
    int number = 0;
    std::string section;
    json rule, data, expected;
};

std::vector<Case> loadCases(const std::string& path)
{
    std::ifstream file(path);
    REQUIRE(file.good());
    const json suite = json::parse(file);
    std::vector<Case> cases;
    std::string section;
    for (const json& entry : suite) {
        if (entry.is_string()) {
            section = entry.get<std::string>();
            continue;
        }
        REQUIRE(entry.size() == 3);
        cases.push_back({static_cast<int>(cases.size()) + 1, section, entry[0], entry[1], entry[2]});
    }
    return cases;
}

std::string evaluateToJson(const Rule& rule, const Value& data, Arena& arena)
{
    std::string out;
    appendJson(out, rule.evaluate(data, arena));
    return out;
}

RuleError compileError(const std::string& text,
                       const OperatorRegistry& operators = OperatorRegistry::standard())
{
    try {
        (void)Rule::parse(text, operators);
    } catch (const RuleError& error) {
        return error;
    }
    FAIL("no RuleError for " << text);
    return RuleError("", "");
}

// Everything the rule writes to standard error while it is evaluated.
std::string capturedStderr(const Rule& rule, const json& data, json& result)
{
    std::fflush(stderr);
    char path[] = "/tmp/spinepath-test-stderr-XXXXXX";
    const int file = ::mkstemp(path);
    REQUIRE(file >= 0);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(file, STDERR_FILENO);
    result = rule.apply(data);
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    ::close(file);
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ::unlink(path);
    return text;
}

} // namespace

TEST_CASE("Rule agrees with json-logic-js 2.0.5 on the SpinePath cases", "[jsonlogic][Rule]")
{
    const auto cases = loadCases(SPINEPATH_TEST_DATA_DIR "/jsonlogic/spinepath-cases.json");
    REQUIRE(cases.size() >= 60);
    DocumentParser parser;
    for (const Case& c : cases) {
        INFO("case " << c.number << " in \"" << c.section << "\"");
        INFO("rule: " << c.rule.dump() << "  data: " << c.data.dump() << "  expected: " << c.expected.dump());
        try {
            const Rule rule = Rule::compile(c.rule);
            // Through nlohmann values...
            const json applied = rule.apply(c.data);
            INFO("apply gave " << applied.dump());
            CHECK(applied == c.expected);
            // ...and through the simdjson path and appendJson, as the CLI does.
            Arena arena;
            const std::string printed = evaluateToJson(rule, parser.parse(c.data.dump(), arena), arena);
            INFO("evaluate gave " << printed);
            CHECK(json::parse(printed) == c.expected);
        } catch (const std::exception& error) {
            FAIL_CHECK("threw: " << error.what());
        }
    }
}

TEST_CASE("Rule compile errors name the JSON pointer of the bad node", "[jsonlogic][Rule]")
{
    SECTION("unknown operator")
    {
        const RuleError error = compileError(R"({"and": [true, {"nope": [1]}]})");
        CHECK(error.problem() == "unknown operator \"nope\"");
        CHECK(error.pointer() == "/and/1");
        CHECK(std::string(error.what()) == "unknown operator \"nope\" at /and/1");
    }
    SECTION("wrong number of arguments")
    {
        const RuleError error = compileError(R"({"if": [{"var": "a"}, {"==": [1, 2, 3]}, false]})");
        CHECK(error.problem() == "\"==\" takes 2 arguments, not 3");
        CHECK(error.pointer() == "/if/1");
        CHECK(compileError(R"({"!": [1, 2]})").problem() == "\"!\" takes 1 argument, not 2");
        CHECK(compileError(R"({"substr": ["a"]})").problem() == "\"substr\" takes 2 to 3 arguments, not 1");
        CHECK(compileError(R"({"*": []})").problem() == "\"*\" takes at least 1 argument, not 0");
        CHECK(compileError(R"({"map": [[1]]})").pointer().empty());
    }
    SECTION("an error at the root is reported at /")
    {
        const RuleError error = compileError(R"({"nope": 1})");
        CHECK(error.pointer().empty());
        CHECK(std::string(error.what()) == "unknown operator \"nope\" at /");
    }
    SECTION("a single operand that is not a list has no index")
    {
        CHECK(compileError(R"({"!": {"nope": 1}})").pointer() == "/!");
        CHECK(compileError(R"([1, [2, {"nope": 1}]])").pointer() == "/1/1");
    }
    SECTION("~ and / in operator names are escaped")
    {
        CHECK(compileError(R"({"/": [1, {"nope": 2}]})").pointer() == "/~1/1");
        OperatorRegistry operators = OperatorRegistry::standard();
        operators.add("a~b/c", {[](std::span<const Value> a, Arena&) { return a[0]; }, 1, 1});
        CHECK(compileError(R"({"a~b/c": [{"nope": 1}]})", operators).pointer() == "/a~0b~1c/0");
        CHECK(compileError(R"({"a~b/c": {"nope": 1}})", operators).pointer() == "/a~0b~1c");
    }
    SECTION("malformed JSON is a JsonError")
    {
        CHECK_THROWS_AS(Rule::parse(R"({"==": [1, )"), JsonError);
        CHECK_THROWS_AS(Rule::parse(""), JsonError);
    }
}

TEST_CASE("Rule refuses a rule nested 100000 levels deep without crashing", "[jsonlogic][Rule]")
{
    constexpr int kDepth = 100000;
    SECTION("as JSON text")
    {
        std::string text;
        for (int i = 0; i < kDepth; ++i)
            text += R"({"!":)";
        text += "true";
        text.append(kDepth, '}');
        CHECK_THROWS_AS(Rule::parse(text), JsonError);

        std::string arrays(kDepth, '[');
        arrays.append(kDepth, ']');
        CHECK_THROWS_AS(Rule::parse(arrays), JsonError);
    }
    SECTION("as an nlohmann::json tree built without recursion")
    {
        json operation = true;
        json arrays = json::array();
        for (int i = 0; i < kDepth; ++i) {
            json outer = json::object();
            outer["!"] = std::move(operation);
            operation = std::move(outer);
            json wrapper = json::array();
            wrapper.push_back(std::move(arrays));
            arrays = std::move(wrapper);
        }
        try {
            (void)Rule::compile(operation);
            FAIL("a 100000-deep rule compiled");
        } catch (const RuleError& error) {
            CHECK_THAT(error.problem(), Catch::Contains("nested more than"));
            CHECK(error.pointer().starts_with("/!/!/!"));
        }
        CHECK_THROWS_AS(Rule::compile(arrays), RuleError);
        // Deep data inside a literal object (two keys) is refused as JSON.
        json literal = json::object();
        literal["a"] = 1;
        literal["deep"] = std::move(arrays);
        CHECK_THROWS_AS(Rule::compile(literal), JsonError);
    }
}

TEST_CASE("Rule evaluation stops at the arena's limit instead of growing or wrapping", "[jsonlogic][Rule]")
{
    // This reduce doubles a string 40 times (2^41 bytes). It
    // reached 12.6 GB and printed "" once the length wrapped in 32 bits.
    json items = json::array();
    for (int i = 1; i <= 40; ++i)
        items.push_back(i);
    const Rule doubling = Rule::compile(
        {{"reduce", {items, {{"cat", {{{"var", "accumulator"}}, {{"var", "accumulator"}}}}}, "ab"}}});
    constexpr std::size_t kLimit = 8 * 1024 * 1024;
    Arena arena(1024, kLimit);
    CHECK_THROWS_WITH(doubling.evaluate(Value::object({}), arena),
                      "the evaluation needs more than 8 MiB of memory, the limit for one evaluation");
    CHECK(arena.reserved() <= kLimit);

    // The same work, below the limit, still gives its result.
    arena.reset();
    const Rule tenTimes = Rule::parse(
        R"({"reduce": [[1,2,3,4,5,6,7,8,9,10], {"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}, "ab"]})");
    std::string expected;
    for (int i = 0; i < 1024; ++i)
        expected += "ab";
    CHECK(tenTimes.evaluate(Value::object({}), arena).asString() == expected);

    // An array that doubles (16 bytes an item) stops the same way.
    arena.reset();
    const Rule merging = Rule::compile(
        {{"reduce", {items, {{"merge", {{{"var", "accumulator"}}, {{"var", "accumulator"}}}}}, {1}}}});
    CHECK_THROWS_AS(merging.evaluate(Value::object({}), arena), LimitError);
}

TEST_CASE("Rule results that share one long string are bounded when written", "[jsonlogic][Rule]")
{
    // 2^20 items that all point to one 4096-character string: 16 MiB in the
    // arena, 4 GiB as text. The text stops at its limit.
    json items = json::array();
    for (int i = 1; i <= 20; ++i)
        items.push_back(i);
    const Rule rule = Rule::compile({{"reduce",
                                      {items,
                                       {{"merge", {{{"var", "accumulator"}}, {{"var", "accumulator"}}}}},
                                       {std::string(4096, 'x')}}}});
    Arena arena;
    const Value result = rule.evaluate(Value::object({}), arena);
    REQUIRE(result.asArray().size() == 1u << 20);
    std::string out;
    CHECK_THROWS_AS(appendJson(out, result, 1024 * 1024), LimitError);
    CHECK(out.size() <= 1024 * 1024 + 4096 + 2);
    // String(x) of it, as == and cat need, stops at the arena's limit.
    Arena small(1024, 1024 * 1024);
    const Rule joined = Rule::compile({{"cat", {{{"var", "a"}}}}});
    Value::Member member{"a", result};
    CHECK_THROWS_AS(joined.evaluate(Value::object({&member, 1}), small), LimitError);
}

TEST_CASE("Rule results nested deeper than any document are refused, not a stack overflow",
          "[jsonlogic][Rule]")
{
    // Each step wraps the accumulator in one more array: 100000 levels.
    Arena arena;
    json data = {{"a", json::array()}};
    for (int i = 0; i < 100000; ++i)
        data["a"].push_back(0);
    const Rule rule = Rule::parse(R"({"reduce": [{"var": "a"}, [{"var": "accumulator"}], null]})");
    const Value deep = rule.evaluate(fromJson(data, arena), arena);
    std::string out;
    CHECK_THROWS_WITH(appendJson(out, deep), Catch::Contains("nested more than 512 levels"));
    CHECK_THROWS_AS(toJson(deep), LimitError);
    // Number([[[...[5]...]]]) is 5 however deep, and needs no text.
    const Rule five = Rule::parse(R"({"-": [{"reduce": [{"var": "a"}, [{"var": "accumulator"}], 5]}]})");
    CHECK(five.evaluate(fromJson(data, arena), arena).asNumber() == -5);
}

TEST_CASE("Rule evaluation never throws on odd data", "[jsonlogic][Rule]")
{
    const char* const rules[] = {
        R"({"var": ""})",
        R"({"var": "a"})",
        R"({"var": "a.b.c"})",
        R"({"var": "0.0"})",
        R"({"var": "length"})",
        R"({"var": {"var": ""}})",
        R"({"var": [{"var": "a"}, {"var": ""}]})",
        R"({"missing": ["a", "b.c", "0"]})",
        R"({"missing": {"var": ""}})",
        R"({"missing_some": [{"var": ""}, {"var": ""}]})",
        R"({"missing_some": [1, ["a", "length"]]})",
        R"({"map": [{"var": ""}, {"+": [{"var": ""}, 1]}]})",
        R"({"filter": [{"var": ""}, {"var": ""}]})",
        R"({"reduce": [{"var": ""}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]})",
        R"({"reduce": [{"var": ""}, {"max": [{"var": "accumulator"}, {"var": "current.length"}]}]})",
        R"({"all": [{"var": ""}, {"var": ""}]})",
        R"({"some": [{"var": ""}, {"==": [{"var": ""}, {"var": ""}]}]})",
        R"({"none": [{"var": ""}, {"in": ["a", {"var": ""}]}]})",
        R"({"+": [{"var": ""}, {"var": ""}]})",
        R"({"*": [{"var": ""}, 1e308]})",
        R"({"-": [{"var": ""}]})",
        R"({"/": [1, {"var": ""}]})",
        R"({"%": [{"var": ""}, {"var": ""}]})",
        R"({"max": [{"var": ""}, {"var": ""}]})",
        R"({"cat": [{"var": ""}, {"var": ""}]})",
        R"({"substr": [{"var": ""}, -3, {"var": ""}]})",
        R"({"substr": [{"var": ""}, {"var": ""}]})",
        R"({"in": [{"var": ""}, {"var": ""}]})",
        R"({"merge": [{"var": ""}, {"var": ""}, {"var": "a"}]})",
        R"({"if": [{"var": ""}, {"<": [{"var": ""}, 1, {"var": ""}]}, {">=": [{"var": ""}, "a"]}]})",
        R"({"and": [{"==": [{"var": ""}, 0]}, {"!==": [{"var": ""}, null]}, {"!!": {"var": ""}}]})",
        R"([{"var": ""}, {"or": [{"var": "a"}, {"var": ""}]}])",
    };

    std::string huge = "[";
    for (int i = 0; i < 100000; ++i)
        huge += (i ? "," : "") + std::to_string(i % 7 == 0 ? -i : i);
    huge += "]";
    std::string hugeStrings = "[";
    for (int i = 0; i < 20000; ++i)
        hugeStrings += i ? ",\"x\"" : "\"x\"";
    hugeStrings += "]";
    std::string deep;
    for (int i = 0; i < 400; ++i)
        deep += R"({"a":)";
    deep += "[1]";
    deep.append(400, '}');
    std::string manyKeys = "{";
    for (int i = 0; i < 2000; ++i)
        manyKeys += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    manyKeys += "}";

    const std::string data[] = {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1e308",
        "-1e308",
        "5e-324",
        "123456789012345678901234567890",
        "\"\"",
        "\"abc\"",
        R"("a\u0000b")",
        R"("héllo ✓")",
        R"("0x1A")",
        R"("length")",
        "[]",
        "[null]",
        "[[[]]]",
        R"([1, "1", true, null, {}, [], "x"])",
        R"({})",
        R"({"": ""})",
        R"({"a": null})",
        R"({"a": {"b": {"c": "\u0000"}}})",
        R"({"length": -1, "0": [1]})",
        R"({"a": [1, 2], "b": "c"})",
        R"({"a": 1e308, "b": {"c": -0}})",
        huge,
        hugeStrings,
        deep,
        manyKeys,
    };

    DocumentParser parser;
    Arena arena;
    for (const char* text : rules) {
        const Rule rule = Rule::parse(text);
        for (const std::string& value : data) {
            INFO("rule " << text << " over " << value.substr(0, 80));
            arena.reset();
            std::string out;
            CHECK_NOTHROW(out = evaluateToJson(rule, parser.parse(value, arena), arena));
            CHECK_NOTHROW(json::parse(out));
            CHECK_NOTHROW(rule.apply(json::parse(value)));
        }
    }
}

TEST_CASE("Rule gives the same results from four threads at once", "[jsonlogic][Rule]")
{
    // Repeated subtrees (memo), static and dynamic paths (member hints) and scoped evaluation.
    const Rule rule = Rule::parse(R"({"if": [
        {"and": [{">": [{"var": "age"}, 40]}, {"in": ["back", {"var": "pain.where"}]}]},
        {"cat": ["a:", {"var": "name"}, {"reduce": [{"var": "scores"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]}]},
        {"merge": [{"map": [{"var": "scores"}, {"*": [{"var": ""}, 2]}]},
                   {"and": [{">": [{"var": "age"}, 40]}, {"in": ["back", {"var": "pain.where"}]}]},
                   {"missing": ["name", "pain.where"]},
                   {"var": {"cat": ["pain.", {"var": "key"}]}}]}
    ]})");

    // Members in varying order, so the member hints keep missing.
    std::vector<std::string> lines;
    for (int i = 0; i < 2000; ++i) {
        const std::string age = "\"age\":" + std::to_string(20 + i % 50);
        const std::string name = i % 5 == 0 ? "" : ",\"name\":\"p" + std::to_string(i) + "\"";
        const std::string pain = ",\"pain\":{\"where\":\"" + std::string(i % 3 ? "back" : "neck") +
                                 "\",\"level\":" + std::to_string(i % 10) + "}";
        const std::string scores = ",\"scores\":[" + std::to_string(i) + "," + std::to_string(i % 7) + "]";
        const std::string key = ",\"key\":\"" + std::string(i % 2 ? "level" : "where") + "\"";
        lines.push_back("{" + (i % 2 ? age + name + pain : "\"x\":0," + age + scores + pain + name) + scores +
                        key + "}");
    }

    auto evaluateAll = [&](std::vector<std::string>& results) {
        DocumentParser parser;
        Arena arena;
        for (const std::string& line : lines) {
            arena.reset();
            results.push_back(evaluateToJson(rule, parser.parse(line, arena), arena));
        }
    };
    std::vector<std::string> expected;
    evaluateAll(expected);

    std::vector<std::vector<std::string>> results(4);
    {
        std::vector<std::jthread> threads;
        for (auto& result : results)
            threads.emplace_back([&] {
                for (int round = 0; round < 3; ++round) {
                    result.clear();
                    evaluateAll(result);
                }
            });
    }
    for (const auto& result : results)
        CHECK(result == expected);
    // Both branches were taken, so the comparison covers them.
    CHECK(std::count_if(expected.begin(), expected.end(), [](const std::string& r) { return r[0] == '"'; }) >
          100);
    CHECK(std::count_if(expected.begin(), expected.end(), [](const std::string& r) { return r[0] == '['; }) >
          100);
}

TEST_CASE("Rule does not share log between places that look alike", "[jsonlogic][Rule]")
{
    json result;
    const Rule twice = Rule::parse(R"({"+": [{"log": {"var": "a"}}, {"log": {"var": "a"}}]})");
    CHECK(capturedStderr(twice, {{"a", 2}}, result) == "2\n2\n");
    CHECK(result == 4);

    // A pure-looking subtree that contains log is not shared either.
    const Rule nested = Rule::parse(R"({"cat": [{"+": [{"log": "x"}, 1]}, {"+": [{"log": "x"}, 1]}]})");
    CHECK(capturedStderr(nested, json::object(), result) == "\"x\"\n\"x\"\n");
    CHECK(result == "NaNNaN");

    // Inside map, log runs once per item.
    const Rule mapped = Rule::parse(R"({"map": [{"var": "xs"}, {"log": {"var": ""}}]})");
    CHECK(capturedStderr(mapped, {{"xs", {1, "b"}}}, result) == "1\n\"b\"\n");
    CHECK(result == json::array({1, "b"}));
}

TEST_CASE("Rule compiled once evaluates many data values", "[jsonlogic][Rule]")
{
    Rule rule =
        Rule::parse(R"({"merge": [{"var": "a"}, {"+": [{"var": "n"}, 1]}, {"+": [{"var": "n"}, 1]}]})");
    Arena arena;
    for (int i = 0; i < 100; ++i) {
        arena.reset();
        const json data = {{"a", i % 2 ? json(i) : json::array({i, i})}, {"n", i}};
        const json expected = i % 2 ? json::array({i, i + 1, i + 1}) : json::array({i, i, i + 1, i + 1});
        CHECK(toJson(rule.evaluate(fromJson(data, arena), arena)) == expected);
    }
    // A moved-from rule's successor still works.
    const Rule moved = std::move(rule);
    CHECK(moved.apply({{"a", 1}, {"n", 1}}) == json::array({1, 2, 2}));
}
