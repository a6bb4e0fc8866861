// Json: parsing with a depth limit, conversion to and from nlohmann::json, and
// appendJson, which must write exactly what JSON.stringify writes (the expected
// strings below are node's output).
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace spinepath::jsonlogic;
using nlohmann::json;

namespace {

std::string stringify(const Value& value)
{
    std::string out;
    appendJson(out, value);
    return out;
}

std::string nested(int depth)
{
    return std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']');
}

} // namespace

TEST_CASE("parseJson reads JSON", "[jsonlogic][Json]")
{
    CHECK(parseJson(R"({"a": [1, 2.5, "x", null, true]})") == json{{"a", {1, 2.5, "x", nullptr, true}}});
    CHECK(parseJson("  17 ") == 17);
    CHECK(parseJson(R"("\u00e9")") == "é");
}

TEST_CASE("parseJson errors are readable", "[jsonlogic][Json]")
{
    for (const char* bad : {R"({"a": })", "", "[1, 2", "nul", R"({"a" 1})", "[1] x", "01"}) {
        INFO("text: " << bad);
        try {
            (void)parseJson(bad);
            FAIL("no error");
        } catch (const JsonError& error) {
            const std::string message = error.what();
            CHECK_FALSE(message.empty());
            CHECK_THAT(message, !Catch::Contains("[json.exception"));
            CHECK_THAT(message, Catch::Contains("line 1"));
        }
    }
}

TEST_CASE("parseJson and fromJson refuse JSON nested too deeply", "[jsonlogic][Json]")
{
    CHECK_NOTHROW(parseJson(nested(kMaxJsonDepth)));
    CHECK_THROWS_AS(parseJson(nested(kMaxJsonDepth + 2)), JsonError);
    CHECK_THROWS_AS(parseJson(nested(600)), JsonError);
    CHECK_THROWS_WITH(parseJson(nested(600)), Catch::Contains("nested more than 512"));
    CHECK_THROWS_AS(parseJson(nested(100000)), JsonError);

    std::string objects;
    for (int i = 0; i < 600; ++i)
        objects += R"({"a":)";
    objects += "1" + std::string(600, '}');
    CHECK_THROWS_AS(parseJson(objects), JsonError);

    // A tree built in code, not parsed, is checked by fromJson.
    json deep = 1;
    for (int i = 0; i < 600; ++i) {
        json outer = json::array();
        outer.push_back(std::move(deep));
        deep = std::move(outer);
    }
    Arena arena;
    CHECK_THROWS_AS(fromJson(deep, arena), JsonError);
}

TEST_CASE("fromJson and toJson round-trip", "[jsonlogic][Json]")
{
    const json original = json::parse(R"({
        "null": null, "yes": true, "no": false,
        "int": 42, "negative": -7, "big": 9007199254740991, "float": 2.5, "tiny": 1e-7, "huge": 1e300,
        "text": "héllo \"q\" \\ \u0001",
        "list": [1, [2, [3, []]], {"deep": {"er": [null]}}],
        "empty": {}, "": "empty key"
    })");
    Arena arena;
    const Value value = fromJson(original, arena);
    REQUIRE(value.isObject());
    CHECK(value.find("int")->asNumber() == 42);
    CHECK(value.find("text")->asString() == "héllo \"q\" \\ \u0001");
    const json back = toJson(value);
    CHECK(back == original);
    CHECK(back.dump() == original.dump());
    CHECK(back["int"].is_number_integer());
    CHECK(back["float"].is_number_float());

    // Numbers JSON cannot hold become null, as in JSON.stringify.
    CHECK(toJson(Value::number(std::numeric_limits<double>::quiet_NaN())).is_null());
    CHECK(toJson(Value::number(std::numeric_limits<double>::infinity())).is_null());
    CHECK(toJson(Value::number(-0.0)) == 0);
    // Values stay valid after the json they came from is gone.
    Value copy;
    {
        const json temporary = {{"k", "a string long enough not to be stored inline"}};
        copy = fromJson(temporary, arena);
    }
    CHECK(copy.find("k")->asString() == "a string long enough not to be stored inline");
}

TEST_CASE("appendJson writes what JSON.stringify writes", "[jsonlogic][Json]")
{
    auto string = [](std::string_view s) { return stringify(Value::string(s)); };
    CHECK(string("say \"hi\"") == R"("say \"hi\"")");
    CHECK(string("back\\slash") == R"("back\\slash")");
    CHECK(string("\x01\x1f") == R"("\u0001\u001f")");
    CHECK(string(std::string_view("a\0b", 3)) == R"("a\u0000b")");
    CHECK(string("\b\f\n\r\t") == R"("\b\f\n\r\t")");
    CHECK(string("é ✓ 😀") == "\"é ✓ 😀\"");
    CHECK(string("\x7f") == "\"\x7f\"");
    CHECK(string("\u2028") == "\"\u2028\"");
    CHECK(string("</script>") == R"("</script>")");
    CHECK(string("") == R"("")");

    auto number = [](double n) { return stringify(Value::number(n)); };
    CHECK(number(1) == "1");
    CHECK(number(2.0) == "2");
    CHECK(number(-0.0) == "0");
    CHECK(number(0.1) == "0.1");
    CHECK(number(1e21) == "1e+21");
    CHECK(number(1e-7) == "1e-7");
    CHECK(number(123456789012345680000.0) == "123456789012345680000");
    CHECK(number(std::numeric_limits<double>::quiet_NaN()) == "null");
    CHECK(number(std::numeric_limits<double>::infinity()) == "null");
    CHECK(number(-std::numeric_limits<double>::infinity()) == "null");

    CHECK(stringify(Value::null()) == "null");
    CHECK(stringify(Value::boolean(true)) == "true");
    CHECK(stringify(Value::boolean(false)) == "false");

    Arena arena;
    const Value document =
        fromJson(parseJson(R"({"k\"ey": [1, 2.0, 1e21, 0.1, null, true, false, {}, [], "x", 1e-7]})"), arena);
    CHECK(stringify(document) == R"({"k\"ey":[1,2,1e+21,0.1,null,true,false,{},[],"x",1e-7]})");

    // appendJson appends.
    std::string out = "prefix ";
    appendJson(out, Value::number(3));
    CHECK(out == "prefix 3");
}
