// OperatorRegistry: the standard operations, and extending the language.
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Operators.h"
#include "core/jsonlogic/Rule.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>

using namespace spinepath::jsonlogic;
using nlohmann::json;

namespace {

// {"count": [x]}: the length of an array, 0 for anything else.
Value count(std::span<const Value> a, Arena&)
{
    return Value::number(a[0].isArray() ? static_cast<double>(a[0].asArray().size()) : 0);
}

// {"clamp": [x, limit]}: x kept between 0 and limit.
Value clamp(std::span<const Value> a, Arena&)
{
    return Value::number(std::clamp(js::toNumber(a[0]), 0.0, js::toNumber(a[1])));
}

// {"shout": [text]}: builds its result in the arena.
Value shout(std::span<const Value> a, Arena& arena)
{
    std::string text(js::toString(a[0], arena));
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return Value::string(arena.copy(text + "!"));
}

std::atomic<int> g_calls{0};
Value counted(std::span<const Value> a, Arena&)
{
    ++g_calls;
    return a[0];
}

OperatorRegistry extended()
{
    OperatorRegistry operators = OperatorRegistry::standard();
    operators.add("count", {count, 1, 1});
    operators.add("clamp", {clamp, 2, 2});
    operators.add("shout", {shout, 1, 1});
    return operators;
}

std::string compileProblem(const char* text, const OperatorRegistry& operators)
{
    try {
        (void)Rule::parse(text, operators);
    } catch (const RuleError& error) {
        return error.problem() + " at " + error.pointer();
    }
    return "compiled";
}

} // namespace

TEST_CASE("OperatorRegistry::standard has every standard operation", "[jsonlogic][OperatorRegistry]")
{
    const OperatorRegistry& standard = OperatorRegistry::standard();
    for (const char* name : {"==", "!=", "===", "!==", "!",   "!!",  "<",   "<=",     ">",  ">=",    "+",
                             "*",  "-",  "/",   "%",   "max", "min", "cat", "substr", "in", "merge", "log"}) {
        INFO("operation " << name);
        const Operator* op = standard.find(name);
        REQUIRE(op != nullptr);
        CHECK(op->function != nullptr);
        CHECK(op->pure == (std::string(name) != "log"));
    }
    // The control forms belong to the compiler, not the table.
    for (const char* name : {"var", "if", "?:", "and", "or", "missing", "missing_some", "map", "filter",
                             "reduce", "all", "none", "some"})
        CHECK(standard.find(name) == nullptr);
    CHECK(standard.find("count") == nullptr);
    CHECK(standard.find("") == nullptr);
    CHECK(&OperatorRegistry::standard() == &standard);

    CHECK(standard.find("==")->minArguments == 2);
    CHECK(standard.find("==")->maxArguments == 2);
    CHECK(standard.find("<")->maxArguments == 3);
    CHECK(standard.find("substr")->minArguments == 2);
    CHECK(standard.find("+")->maxArguments == -1);
}

TEST_CASE("OperatorRegistry::add extends compiled rules", "[jsonlogic][OperatorRegistry]")
{
    const OperatorRegistry operators = extended();
    const Rule rule = Rule::parse(R"({"if": [
            {">": [{"count": {"var": "symptoms"}}, 2]},
            {"shout": "many"},
            {"clamp": [{"*": [{"count": [{"var": "symptoms"}]}, 10]}, 15]}
        ]})",
                                  operators);
    CHECK(rule.apply({{"symptoms", {"a", "b", "c"}}}) == "MANY!");
    CHECK(rule.apply({{"symptoms", {"a", "b"}}}) == 15);
    CHECK(rule.apply({{"symptoms", {"a"}}}) == 10);
    CHECK(rule.apply({{"symptoms", "not a list"}}) == 0);
    CHECK(rule.apply(json::object()) == 0);

    // Custom operations work inside scoped evaluation too.
    const Rule mapped =
        Rule::parse(R"({"map": [{"var": "groups"}, {"clamp": [{"count": {"var": ""}}, 2]}]})", operators);
    CHECK(mapped.apply({{"groups", {json::array(), {1}, {1, 2, 3}}}}) == json::array({0, 1, 2}));

    // The standard table is untouched.
    CHECK(compileProblem(R"({"count": [[]]})", OperatorRegistry::standard()) ==
          "unknown operator \"count\" at ");
}

TEST_CASE("OperatorRegistry::add replaces an operation in a copy", "[jsonlogic][OperatorRegistry]")
{
    OperatorRegistry operators = OperatorRegistry::standard();
    operators.add("+", {[](std::span<const Value>, Arena&) { return Value::string("plus"); }, 0, -1});
    CHECK(Rule::parse(R"({"+": [1, 2]})", operators).apply(json::object()) == "plus");
    CHECK(Rule::parse(R"({"+": [1, 2]})").apply(json::object()) == 3);
}

TEST_CASE("Arity of custom operations is checked at compile time", "[jsonlogic][OperatorRegistry]")
{
    const OperatorRegistry operators = extended();
    CHECK(compileProblem(R"({"clamp": [1]})", operators) == "\"clamp\" takes 2 arguments, not 1 at ");
    CHECK(compileProblem(R"({"clamp": 1})", operators) == "\"clamp\" takes 2 arguments, not 1 at ");
    CHECK(compileProblem(R"({"and": [true, {"clamp": [1, 2, 3]}]})", operators) ==
          "\"clamp\" takes 2 arguments, not 3 at /and/1");
    CHECK(compileProblem(R"({"count": []})", operators) == "\"count\" takes 1 argument, not 0 at ");
    CHECK(compileProblem(R"({"count": [[1], [2]]})", operators) == "\"count\" takes 1 argument, not 2 at ");
    CHECK(compileProblem(R"({"count": [[1]]})", operators) == "compiled");

    OperatorRegistry ranged;
    ranged.add("pick", {[](std::span<const Value> a, Arena&) { return a.back(); }, 1, 3});
    ranged.add("atLeastTwo", {[](std::span<const Value> a, Arena&) { return a[1]; }, 2, -1});
    CHECK(compileProblem(R"({"pick": []})", ranged) == "\"pick\" takes 1 to 3 arguments, not 0 at ");
    CHECK(compileProblem(R"({"pick": [1, 2, 3, 4]})", ranged) ==
          "\"pick\" takes 1 to 3 arguments, not 4 at ");
    CHECK(compileProblem(R"({"atLeastTwo": [1]})", ranged) ==
          "\"atLeastTwo\" takes at least 2 arguments, not 1 at ");
    CHECK(Rule::parse(R"({"atLeastTwo": [1, 2, 3, 4, 5, 6]})", ranged).apply(json::object()) == 2);
    // An empty registry still has the control forms, and nothing else.
    CHECK(Rule::parse(R"({"if": [{"var": "a"}, "yes", "no"]})", ranged).apply({{"a", 1}}) == "yes");
    CHECK(compileProblem(R"({"==": [1, 1]})", ranged) == "unknown operator \"==\" at ");
}

TEST_CASE("Pure custom operations are shared, impure ones are not", "[jsonlogic][OperatorRegistry]")
{
    OperatorRegistry operators = OperatorRegistry::standard();
    operators.add("pureCount", {counted, 1, 1, true});
    operators.add("sideEffect", {counted, 1, 1, false});

    g_calls = 0;
    CHECK(Rule::parse(R"({"+": [{"pureCount": 1}, {"pureCount": 1}, {"pureCount": 1}]})", operators)
              .apply(json::object()) == 3);
    CHECK(g_calls == 1);

    g_calls = 0;
    CHECK(Rule::parse(R"({"+": [{"sideEffect": 1}, {"sideEffect": 1}, {"sideEffect": 1}]})", operators)
              .apply(json::object()) == 3);
    CHECK(g_calls == 3);

    // Inside map the data changes, so each item is computed.
    g_calls = 0;
    CHECK(
        Rule::parse(R"({"map": [[1, 2, 3], {"pureCount": {"var": ""}}]})", operators).apply(json::object()) ==
        json::array({1, 2, 3}));
    CHECK(g_calls == 3);
}
