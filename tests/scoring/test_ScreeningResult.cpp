// ScreeningResult: the output document of clinical spec section 4, its two
// writers (toJson and the streaming appendJson) and its reader.
#include "core/scoring/ScreeningResult.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using nlohmann::json;
using spinepath::scoring::FiredFactor;
using spinepath::scoring::ScreeningResult;

namespace {

ScreeningResult regenerative()
{
    ScreeningResult result;
    result.category = "regenerative_evaluation";
    result.scores["regenerative"] = 85;
    result.scores["fusion"] = 0;
    result.factors = {
        {"annular_tear", "regenerative", 10, "A tear in the outer wall of a disc was found or named."},
        {"non_contained_disc", "regenerative", -25, "Disc material has pushed out."}};
    result.notes = {"discography_may_confirm_level", "other_biologics"};
    result.peg = 6.3;
    result.rulesetId = "spinepath-core";
    result.rulesetVersion = "1.0.0";
    return result;
}

ScreeningResult urgent()
{
    ScreeningResult result;
    result.category = "urgent";
    result.scores["regenerative"] = 60;
    result.scores["fusion"] = 15;
    result.flags = {"cauda_equina_bladder_bowel", "possible_fracture"};
    result.severity = "emergency";
    result.rulesetId = "spinepath-core";
    result.rulesetVersion = "1.0.0";
    return result;
}

std::string appended(const ScreeningResult& result)
{
    std::string out = "prefix:";
    result.appendJson(out);
    REQUIRE(out.starts_with("prefix:")); // appends, never replaces
    return out.substr(7);
}

} // namespace

TEST_CASE("toJson writes every field of the spec's output", "[screening-result]")
{
    const json out = regenerative().toJson();
    CHECK(out["category"] == "regenerative_evaluation");
    CHECK(out["scores"] == json({{"regenerative", 85}, {"fusion", 0}}));
    CHECK(out["flags"] == json::array());
    CHECK(out["severity"].is_null());
    REQUIRE(out["factors"].size() == 2);
    CHECK(out["factors"][0] == json({{"id", "annular_tear"},
                                     {"pathway", "regenerative"},
                                     {"weight", 10},
                                     {"reason", "A tear in the outer wall of a disc was found or named."}}));
    CHECK(out["factors"][1]["weight"] == -25);
    CHECK(out["notes"] == json({"discography_may_confirm_level", "other_biologics"}));
    CHECK(out["peg"] == 6.3);
    CHECK(out["ruleset"] == json({{"id", "spinepath-core"}, {"version", "1.0.0"}}));

    const json flagged = urgent().toJson();
    CHECK(flagged["flags"] == json({"cauda_equina_bladder_bowel", "possible_fracture"}));
    CHECK(flagged["severity"] == "emergency");
    CHECK(flagged["peg"].is_null());
    CHECK(flagged["factors"] == json::array());
    CHECK(flagged["notes"] == json::array());
}

TEST_CASE("A whole PEG score is written as an integer", "[screening-result]")
{
    ScreeningResult result = regenerative();
    result.peg = 6.0;
    CHECK(result.toJson().dump().find("\"peg\":6,") != std::string::npos);
    CHECK(appended(result) == result.toJson().dump());
    result.peg = 0.0;
    CHECK(result.toJson()["peg"].is_number_integer());
    CHECK(appended(result) == result.toJson().dump());
}

TEST_CASE("toJson and fromJson round-trip", "[screening-result]")
{
    for (const ScreeningResult& original : {regenerative(), urgent(), ScreeningResult{}}) {
        const json document = original.toJson();
        INFO(document.dump());
        const ScreeningResult copy = ScreeningResult::fromJson(document);
        CHECK(copy.category == original.category);
        CHECK(copy.scores == original.scores);
        CHECK(copy.flags == original.flags);
        CHECK(copy.severity == original.severity);
        REQUIRE(copy.factors.size() == original.factors.size());
        for (std::size_t i = 0; i < copy.factors.size(); ++i) {
            CHECK(copy.factors[i].id == original.factors[i].id);
            CHECK(copy.factors[i].pathway == original.factors[i].pathway);
            CHECK(copy.factors[i].weight == original.factors[i].weight);
            CHECK(copy.factors[i].reason == original.factors[i].reason);
        }
        CHECK(copy.notes == original.notes);
        CHECK(copy.peg == original.peg);
        CHECK(copy.rulesetId == original.rulesetId);
        CHECK(copy.rulesetVersion == original.rulesetVersion);
        CHECK(copy.hasEmergency() == original.hasEmergency());
        CHECK(copy.toJson() == document);
        CHECK(appended(copy) == document.dump());
    }
}

TEST_CASE("fromJson reads a whole PEG and a result stored without severity", "[screening-result]")
{
    json document = regenerative().toJson();
    document["peg"] = 7;
    document.erase("severity");
    const ScreeningResult result = ScreeningResult::fromJson(document);
    REQUIRE(result.peg);
    CHECK(*result.peg == 7.0);
    CHECK(result.severity.empty());
    CHECK_FALSE(result.hasEmergency());
}

TEST_CASE("fromJson refuses a document that is not a screening result", "[screening-result]")
{
    const json good = regenerative().toJson();
    std::vector<json> bad = {json::array(), json("urgent"), json::object()};
    for (const char* key : {"category", "scores", "factors", "notes", "flags", "ruleset"}) {
        json missing = good;
        missing.erase(key);
        bad.push_back(missing);
    }
    json wrongType = good;
    wrongType["scores"]["fusion"] = "high";
    bad.push_back(wrongType);
    json factorWithoutWeight = good;
    factorWithoutWeight["factors"][0].erase("weight");
    bad.push_back(factorWithoutWeight);
    for (const json& document : bad) {
        INFO(document.dump());
        CHECK_THROWS_AS(ScreeningResult::fromJson(document), std::invalid_argument);
    }
}

TEST_CASE("appendJson writes exactly toJson().dump()", "[screening-result]")
{
    SECTION("with and without peg, flags, factors and notes")
    {
        ScreeningResult empty;
        CHECK(appended(empty) == empty.toJson().dump());
        CHECK(appended(regenerative()) == regenerative().toJson().dump());
        CHECK(appended(urgent()) == urgent().toJson().dump());
        ScreeningResult urgentOnly = urgent();
        urgentOnly.severity = "urgent";
        urgentOnly.flags = {"systemic_red_flag"};
        CHECK(appended(urgentOnly) == urgentOnly.toJson().dump());
    }
    SECTION("every one-decimal PEG score")
    {
        ScreeningResult result = regenerative();
        for (int tenths = 0; tenths <= 100; ++tenths) {
            // As the ruleset's round computes it: floor(x * 10 + 0.5) / 10.
            result.peg = tenths / 10.0;
            INFO(*result.peg);
            CHECK(appended(result) == result.toJson().dump());
        }
        for (int sum = 0; sum <= 30; ++sum) {
            result.peg = std::floor(sum / 3.0 * 10 + 0.5) / 10;
            INFO(*result.peg);
            CHECK(appended(result) == result.toJson().dump());
        }
    }
    SECTION("special characters in every string")
    {
        const std::vector<std::string> texts = {
            "quote \" and backslash \\",
            "slash / and tab\t and newline\n and return\r",
            std::string("control \x01\x1f and nul ") + '\0' + " inside",
            "bell \b form feed \f",
            "Zoë, Ångström, naïve, ß",
            "日本語のテキスト",
            "emoji 😀 and 🩺",
            "delete \x7f",
            "",
        };
        for (const std::string& text : texts) {
            INFO(json(text).dump());
            ScreeningResult result = urgent();
            result.category = text;
            result.flags = {text, "possible_fracture"};
            result.severity = text.empty() ? "urgent" : text;
            result.factors = {FiredFactor{text, text, -7, text}};
            result.notes = {text};
            result.rulesetId = text;
            result.rulesetVersion = text;
            result.peg = 2.3;
            CHECK(appended(result) == result.toJson().dump());
            CHECK(ScreeningResult::fromJson(json::parse(appended(result))).toJson() == result.toJson());
        }
    }
    SECTION("extreme scores and weights")
    {
        ScreeningResult result = regenerative();
        result.scores["regenerative"] = -2147483647 - 1;
        result.scores["fusion"] = 2147483647;
        result.factors = {{"a", "fusion", -2147483647 - 1, "r"}, {"b", "fusion", 2147483647, "r"}};
        CHECK(appended(result) == result.toJson().dump());
    }
}

// A PEG score is 0-10 with one decimal. A stored result outside that range is
// refused on reading, and toJson never narrows a large whole value.
TEST_CASE("PEG values no PEG item can give are refused or kept exact", "[screening-result]")
{
    ScreeningResult result = regenerative();
    for (const double peg : {1e21, 1e16}) {
        INFO(peg);
        result.peg = peg;
        CHECK(result.toJson()["peg"].get<double>() == peg);
    }
    auto stored = regenerative().toJson();
    stored["peg"] = 11;
    CHECK_THROWS_AS(ScreeningResult::fromJson(stored), std::invalid_argument);
}
