// Value and the JavaScript semantics in namespace js. Every expected value
// here is what node (V8) gives for the same expression.
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Value.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using namespace spinepath::jsonlogic;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A Value from JSON text, living in the arena.
Value v(const std::string& jsonText, Arena& arena)
{
    return fromJson(parseJson(jsonText), arena);
}

std::string format(double n)
{
    char buffer[32];
    return std::string(js::formatNumber(n, buffer));
}

} // namespace

TEST_CASE("Value is a small trivially copyable handle", "[jsonlogic][Value]")
{
    STATIC_REQUIRE(sizeof(Value) == 16);
    STATIC_REQUIRE(std::is_trivially_copyable_v<Value>);

    Arena arena;
    CHECK(Value().isNull());
    CHECK(Value::boolean(true).asBool());
    CHECK(Value::number(2.5).asNumber() == 2.5);
    CHECK(Value::string("abc").asString() == "abc");

    const Value object = v(R"({"a": 1, "b": [true, null]})", arena);
    REQUIRE(object.isObject());
    REQUIRE(object.asObject().size() == 2);
    REQUIRE(object.find("b") != nullptr);
    CHECK(object.find("b")->asArray().size() == 2);
    CHECK(object.find("b")->asArray()[0].isBool());
    CHECK(object.find("c") == nullptr);
    CHECK(Value::number(1).find("a") == nullptr);
}

TEST_CASE("js::truthy follows JsonLogic: [] is falsy, \"0\" is truthy", "[jsonlogic][Value]")
{
    Arena arena;
    CHECK_FALSE(js::truthy(Value::null()));
    CHECK_FALSE(js::truthy(Value::boolean(false)));
    CHECK(js::truthy(Value::boolean(true)));
    CHECK_FALSE(js::truthy(Value::number(0)));
    CHECK_FALSE(js::truthy(Value::number(-0.0)));
    CHECK_FALSE(js::truthy(Value::number(kNaN)));
    CHECK(js::truthy(Value::number(-1)));
    CHECK(js::truthy(Value::number(kInfinity)));
    CHECK_FALSE(js::truthy(Value::string("")));
    CHECK(js::truthy(Value::string("0")));
    CHECK(js::truthy(Value::string(" ")));
    CHECK(js::truthy(Value::string("false")));
    CHECK_FALSE(js::truthy(v("[]", arena)));
    CHECK(js::truthy(v("[0]", arena)));
    CHECK(js::truthy(v("[[]]", arena)));
    CHECK(js::truthy(v("{}", arena)));
}

TEST_CASE("js::toNumber is JavaScript's Number()", "[jsonlogic][Value]")
{
    Arena arena;
    auto number = [&](const std::string& json) { return js::toNumber(v(json, arena)); };

    CHECK(number(R"(" 12 ")") == 12);
    CHECK(number(R"("")") == 0);
    CHECK(number(R"(" \n\t")") == 0);
    CHECK(number(R"("0x1A")") == 26);
    CHECK(number(R"("0b101")") == 5);
    CHECK(number(R"("0o17")") == 15);
    CHECK(std::isnan(number(R"("-0x1A")")));
    CHECK(std::isnan(number(R"("0x")")));
    CHECK(number(R"("1e3")") == 1000);
    CHECK(std::isnan(number(R"("1e")")));
    CHECK(number(R"(".5")") == 0.5);
    CHECK(number(R"("5.")") == 5);
    CHECK(number(R"("+5")") == 5);
    CHECK(number(R"("00012")") == 12);
    CHECK(std::isnan(number(R"(".")")));
    CHECK(std::isnan(number(R"("abc")")));
    CHECK(std::isnan(number(R"("12px")")));
    CHECK(std::isnan(number(R"("1_000")")));
    CHECK(number(R"("Infinity")") == kInfinity);
    CHECK(number(R"("-Infinity")") == -kInfinity);
    CHECK(number(R"("1e400")") == kInfinity);
    CHECK(number(R"("-1e-400")") == 0);
    CHECK(std::signbit(number(R"("-1e-400")")));

    CHECK(number("[]") == 0);
    CHECK(number("[5]") == 5);
    CHECK(number(R"([" 7 "])") == 7);
    CHECK(number("[[5]]") == 5);
    CHECK(number("[null]") == 0);
    CHECK(std::isnan(number("[1,2]")));
    CHECK(std::isnan(number("[true]")));
    CHECK(std::isnan(number("{}")));

    CHECK(number("null") == 0);
    CHECK(number("true") == 1);
    CHECK(number("false") == 0);
    CHECK(number("-2.5") == -2.5);
}

TEST_CASE("js::parseFloat takes the longest numeric prefix", "[jsonlogic][Value]")
{
    Arena arena;
    auto parse = [&](const std::string& json) { return js::parseFloat(v(json, arena), arena); };

    CHECK(parse(R"("3.14abc")") == 3.14);
    CHECK(parse(R"("  -2")") == -2);
    CHECK(parse(R"(".5")") == 0.5);
    CHECK(parse(R"("-.5")") == -0.5);
    CHECK(parse(R"("5.e3")") == 5000);
    CHECK(parse(R"("1e5x")") == 100000);
    CHECK(parse(R"("1e")") == 1);
    CHECK(parse(R"("+.5e1x")") == 5);
    CHECK(parse(R"("0x10")") == 0);
    CHECK(parse(R"("Infinityx")") == kInfinity);
    CHECK(std::isnan(parse(R"("x")")));
    CHECK(std::isnan(parse(R"("")")));
    CHECK(std::isnan(parse(R"("  ")")));
    CHECK(std::isnan(parse(R"("-")")));
    CHECK(std::isnan(parse("null")));
    CHECK(std::isnan(parse("true")));
    CHECK(parse("[1,2]") == 1);
    CHECK(parse("7") == 7);
    // parseFloat(-0) reads String(-0), which is "0".
    CHECK(js::parseFloat(Value::number(-0.0), arena) == 0);
    CHECK_FALSE(std::signbit(js::parseFloat(Value::number(-0.0), arena)));
}

TEST_CASE("js::toString is JavaScript's String()", "[jsonlogic][Value]")
{
    Arena arena;
    auto text = [&](const std::string& json) { return std::string(js::toString(v(json, arena), arena)); };

    CHECK(text("[1,2]") == "1,2");
    CHECK(text("[[1,2],[3]]") == "1,2,3");
    CHECK(text("[1,[2,[3,null]]]") == "1,2,3,");
    CHECK(text("[null,1,null]") == ",1,");
    CHECK(text("[[null]]") == "");
    CHECK(text("[]") == "");
    CHECK(text("[true,false]") == "true,false");
    CHECK(text("[1e21]") == "1e+21");
    CHECK(text("{}") == "[object Object]");
    CHECK(text(R"({"a":1})") == "[object Object]");
    CHECK(text("[{}]") == "[object Object]");
    CHECK(text("0.1") == "0.1");
    CHECK(text("null") == "null");
    CHECK(text("true") == "true");
    CHECK(text(R"("as is")") == "as is");
    CHECK(std::string(js::toString(Value::number(-0.0), arena)) == "0");
}

TEST_CASE("js::formatNumber matches Number.prototype.toString", "[jsonlogic][Value]")
{
    CHECK(format(1) == "1");
    CHECK(format(-0.0) == "0");
    CHECK(format(100) == "100");
    CHECK(format(1e6) == "1000000");
    CHECK(format(0.1 + 0.2) == "0.30000000000000004");
    CHECK(format(1.0 / 3) == "0.3333333333333333");
    CHECK(format(4.35) == "4.35");
    CHECK(format(1234.5678) == "1234.5678");
    CHECK(format(-123.456) == "-123.456");
    CHECK(format(1e21) == "1e+21");
    CHECK(format(-1e21) == "-1e+21");
    CHECK(format(1e20) == "100000000000000000000");
    CHECK(format(123456789012345680000.0) == "123456789012345680000");
    CHECK(format(18446744073709551616.0) == "18446744073709552000");
    CHECK(format(9007199254740992.0) == "9007199254740992");
    CHECK(format(9007199254740993.0) == "9007199254740992");
    CHECK(format(1e-7) == "1e-7");
    CHECK(format(1.234e-7) == "1.234e-7");
    CHECK(format(0.000001) == "0.000001");
    CHECK(format(1.5e-10) == "1.5e-10");
    CHECK(format(123e-20) == "1.23e-18");
    CHECK(format(1e300) == "1e+300");
    CHECK(format(5e-324) == "5e-324");
    CHECK(format(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(format(kNaN) == "NaN");
    CHECK(format(kInfinity) == "Infinity");
    CHECK(format(-kInfinity) == "-Infinity");
    // The longest output fits the documented 32 characters.
    CHECK(format(-1.2345678901234567e-300).size() <= 32);
}

TEST_CASE("js::looseEquals and js::strictEquals across types", "[jsonlogic][Value]")
{
    Arena arena;
    auto loose = [&](const std::string& a, const std::string& b) {
        return js::looseEquals(v(a, arena), v(b, arena), arena);
    };
    auto strict = [&](const std::string& a, const std::string& b) {
        return js::strictEquals(v(a, arena), v(b, arena));
    };

    CHECK_FALSE(loose("null", "0"));
    CHECK_FALSE(loose("null", "false"));
    CHECK(loose("null", "null"));
    CHECK(loose(R"("")", "0"));
    CHECK(loose("[1]", "1"));
    CHECK(loose("1", "[1]"));
    CHECK(loose(R"("1")", "true"));
    CHECK(loose("0", "false"));
    CHECK(loose(R"("0")", "false"));
    CHECK(loose(R"(" 1 ")", "1"));
    CHECK(loose("[]", "false"));
    CHECK(loose("[0]", "false"));
    CHECK(loose("[1]", "true"));
    CHECK(loose("[1,2]", R"("1,2")"));
    CHECK(loose(R"("")", "[]"));
    CHECK(loose("{}", R"("[object Object]")"));
    CHECK_FALSE(loose("[]", "{}"));
    CHECK_FALSE(loose("[1]", "[1]")); // two arrays are two objects
    CHECK_FALSE(js::looseEquals(Value::number(kNaN), Value::number(kNaN), arena));

    const Value array = v("[1]", arena);
    CHECK(js::looseEquals(array, array, arena));
    CHECK(js::strictEquals(array, array));

    CHECK(strict("1", "1"));
    CHECK_FALSE(strict("1", R"("1")"));
    CHECK(strict("null", "null"));
    CHECK(strict(R"("a")", R"("a")"));
    CHECK_FALSE(strict("[1]", "[1]"));
    CHECK_FALSE(strict("0", "false"));
    CHECK(js::strictEquals(Value::number(0), Value::number(-0.0)));
    CHECK_FALSE(js::strictEquals(Value::number(kNaN), Value::number(kNaN)));
}

TEST_CASE("js::lessThan and js::lessOrEqual across types", "[jsonlogic][Value]")
{
    Arena arena;
    auto less = [&](const std::string& a, const std::string& b) {
        return js::lessThan(v(a, arena), v(b, arena), arena);
    };
    auto lessOrEqual = [&](const std::string& a, const std::string& b) {
        return js::lessOrEqual(v(a, arena), v(b, arena), arena);
    };

    CHECK(less(R"("10")", R"("9")"));  // both strings: compared as text
    CHECK_FALSE(less(R"("10")", "9")); // one number: compared as numbers
    CHECK(less(R"("a")", R"("b")"));
    CHECK(less(R"("B")", R"("a")"));
    CHECK(less(R"("abc")", R"("abcd")"));
    CHECK(less(R"("z")", R"("é")")); // by code point, not as signed bytes
    CHECK(less("null", "1"));
    CHECK_FALSE(less("null", "0"));
    CHECK(lessOrEqual("null", "0"));
    CHECK(less("[2]", "3"));
    CHECK(less("[1,2]", "[1,3]"));
    CHECK(less("true", "2"));
    CHECK_FALSE(less(R"("a")", "1"));
    CHECK_FALSE(less("1", R"("a")"));
    CHECK_FALSE(lessOrEqual(R"("a")", "1"));
    CHECK_FALSE(less(R"("abc")", R"("abc")"));
    CHECK(lessOrEqual(R"("abc")", R"("abc")"));
    CHECK_FALSE(less(R"("")", "0"));
    CHECK(lessOrEqual(R"("")", "0"));
    CHECK_FALSE(js::lessThan(Value::number(kNaN), Value::number(kNaN), arena));
    CHECK_FALSE(js::lessOrEqual(Value::number(kNaN), Value::number(kNaN), arena));
}
