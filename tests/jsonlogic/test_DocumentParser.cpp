// DocumentParser: the simdjson path must give the same values as fromJson.
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"

#include <catch2/catch.hpp>

#include <string>

using namespace spinepath::jsonlogic;
using nlohmann::json;

namespace {

// Member order may differ (nlohmann sorts keys), so compare as nlohmann values.
json viaSimdjson(DocumentParser& parser, const std::string& text, Arena& arena)
{
    return toJson(parser.parse(text, arena));
}

json viaNlohmann(const std::string& text, Arena& arena)
{
    return toJson(fromJson(parseJson(text), arena));
}

std::string nested(int depth)
{
    return std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']');
}

} // namespace

TEST_CASE("DocumentParser gives the same values as fromJson", "[jsonlogic][DocumentParser]")
{
    const char* const documents[] = {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "42",
        "-9223372036854775808",
        "18446744073709551615",
        "2.5",
        "-1.25e-7",
        "1e308",
        "5e-324",
        R"("")",
        R"("plain")",
        R"("esc \"q\" \\ \/ \b\f\n\r\t \u0001 \u00e9 \ud83d\ude00")",
        R"("nul \u0000 inside")",
        "[]",
        "{}",
        R"([1, "two", [3, [4]], {"five": 5}, null, true])",
        R"({"b": 1, "a": {"c": [null, {"d": "e"}]}, "": 0, "0": "zero"})",
        R"(  {"spaced" :  [ 1 , 2 ] }  )",
    };
    DocumentParser parser;
    Arena arena;
    for (const char* text : documents) {
        INFO("document: " << text);
        CHECK(viaSimdjson(parser, text, arena) == viaNlohmann(text, arena));
    }

    const Value object = parser.parse(R"({"b": 1, "a": [true, null, "x"]})", arena);
    REQUIRE(object.isObject());
    REQUIRE(object.asObject().size() == 2);
    CHECK(object.asObject()[0].key == "b"); // document order is kept
    CHECK(object.find("b")->asNumber() == 1);
    const auto items = object.find("a")->asArray();
    REQUIRE(items.size() == 3);
    CHECK(items[0].asBool());
    CHECK(items[1].isNull());
    CHECK(items[2].asString() == "x");
    CHECK(parser.parse(R"("nul \u0000 inside")", arena).asString() == std::string_view("nul \0 inside", 12));
}

TEST_CASE("DocumentParser reads integers beyond 64 bits as JSON.parse does", "[jsonlogic][DocumentParser]")
{
    DocumentParser parser;
    Arena arena;
    CHECK(parser.parse("123456789012345678901234567890", arena).asNumber() ==
          123456789012345678901234567890.0);
    CHECK(parser.parse("-99999999999999999999", arena).asNumber() == -99999999999999999999.0);
    const Value object = parser.parse(R"({"x": 123456789012345680000, "s": "kept"})", arena);
    CHECK(object.find("x")->asNumber() == 123456789012345680000.0);
    CHECK(object.find("s")->asString() == "kept");
    CHECK_THROWS_WITH(parser.parse("[01]", arena), Catch::StartsWith("not valid JSON: "));
    CHECK_THROWS_AS(parser.parse("[1.]", arena), JsonError);
    CHECK_THROWS_AS(parser.parse("[1e]", arena), JsonError);
}

TEST_CASE("DocumentParser reports bad JSON", "[jsonlogic][DocumentParser]")
{
    DocumentParser parser;
    Arena arena;
    for (const char* bad :
         {"", "   ", "{", R"({"a": })", "[1, 2", "nul", "[1] x", R"({"a" 1})", "'single'"}) {
        INFO("text: " << bad);
        try {
            (void)parser.parse(bad, arena);
            FAIL("no error");
        } catch (const JsonError& error) {
            CHECK_THAT(error.what(), Catch::StartsWith("not valid JSON: "));
        }
    }
    // The parser is still usable after an error.
    CHECK(parser.parse("[1]", arena).asArray().size() == 1);
}

TEST_CASE("DocumentParser refuses documents nested too deeply", "[jsonlogic][DocumentParser]")
{
    DocumentParser parser;
    Arena arena;
    CHECK_NOTHROW(parser.parse(nested(kMaxJsonDepth - 1), arena));
    CHECK_THROWS_AS(parser.parse(nested(600), arena), JsonError);
    CHECK_THROWS_AS(parser.parse(nested(100000), arena), JsonError);
    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += R"({"a":)";
    objects += "1" + std::string(100000, '}');
    CHECK_THROWS_AS(parser.parse(objects, arena), JsonError);
    CHECK(parser.parse(R"({"ok": true})", arena).find("ok")->asBool());
}

TEST_CASE("DocumentParser values stay valid until the next parse", "[jsonlogic][DocumentParser]")
{
    DocumentParser parser;
    Arena arena;
    Value first;
    {
        std::string text = R"({"name": "first document", "list": ["a", "b"]})";
        first = parser.parse(text, arena);
        text.assign(text.size(), 'x'); // the caller's text may change or go away
    }
    // Other allocations in the arena do not disturb them either.
    for (int i = 0; i < 1000; ++i)
        (void)arena.copy("filler text that takes room in the arena");
    CHECK(first.find("name")->asString() == "first document");
    CHECK(first.find("list")->asArray()[1].asString() == "b");

    // parsePadded reads the text in place: it needs kPadding readable bytes after it.
    std::string padded = R"(["in place", 7])";
    const std::size_t length = padded.size();
    padded.append(DocumentParser::kPadding, ' ');
    const Value second = parser.parsePadded({padded.data(), length}, arena);
    padded.assign(padded.size(), '#');
    CHECK(second.asArray()[0].asString() == "in place");
    CHECK(second.asArray()[1].asNumber() == 7);

    // A stream: one parser, the arena reset per document.
    for (int i = 0; i < 200; ++i) {
        arena.reset();
        const std::string text =
            R"({"i": )" + std::to_string(i) + R"(, "s": "line )" + std::to_string(i) + "\"}";
        const Value value = parser.parse(text, arena);
        REQUIRE(value.find("i")->asNumber() == i);
        REQUIRE(value.find("s")->asString() == "line " + std::to_string(i));
    }
}
