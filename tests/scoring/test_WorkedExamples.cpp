// The worked examples of clinical specification v2 (section 5), read from the
// machine-readable copy the specification ships (clinical-examples-v2.json):
// every field of the expected output must match exactly, lists in order, on
// both scoring paths. Reasons are content wording, so only their presence is
// checked.
#include "ScoringTestSupport.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

using namespace spinepath::scoring;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string examplesPath()
{
    return std::string(SPINEPATH_TEST_DATA_DIR) + "/screening/clinical-examples-v2.json";
}

const json& examples()
{
    static const json loaded = test::readJson(examplesPath());
    return loaded;
}

// The result as the spec writes it: without the reasons, which are wording.
json comparable(const ScreeningResult& result)
{
    json out = result.toJson();
    for (json& factor : out["factors"])
        factor.erase("reason");
    return out;
}

std::string differences(const json& actual, const json& expected)
{
    std::ostringstream out;
    for (const auto& [key, value] : expected.items())
        if (!actual.contains(key) || actual[key] != value)
            out << "  " << key << ": " << (actual.contains(key) ? actual[key].dump() : "(missing)")
                << ", expected " << value.dump() << '\n';
    for (const auto& [key, value] : actual.items())
        if (!expected.contains(key))
            out << "  " << key << " is not in the spec's output\n";
    return out.str();
}

} // namespace

TEST_CASE("The worked examples file is the specification's own", "[screening][examples]")
{
    // The repository keeps a copy so the tests run anywhere; where the shared
    // specification sits beside the project, the copy must not have drifted.
    const fs::path shared = fs::path(SPINEPATH_SOURCE_DIR) / ".." / "shared" / "clinical-examples-v2.json";
    if (fs::exists(shared))
        CHECK(test::readJson(shared.string()) == examples());
    REQUIRE(examples().at("ruleset") == json({{"id", "spinepath-core"}, {"version", "2.0.0"}}));
    REQUIRE(examples().at("examples").size() >= 17);
}

TEST_CASE("Every worked example of spec v2 scores exactly as specified", "[screening][examples]")
{
    const Scorer& scorer = test::content().scorer();
    test::FastPath fast(scorer);
    for (const json& example : examples().at("examples")) {
        const std::string id = example.at("id").get<std::string>();
        INFO(id << ": " << example.value("description", ""));
        const json& expected = example.at("expected");
        const ScreeningResult reference = scorer.score(example.at("answers"));
        const ScreeningResult streamed = fast.score(example.at("answers"));
        const std::string problems = differences(comparable(reference), expected);
        if (!problems.empty())
            FAIL_CHECK(id << " differs from the spec:\n" << problems);
        CHECK(comparable(streamed) == comparable(reference));
        for (const FiredFactor& factor : reference.factors) {
            INFO(factor.id);
            CHECK_FALSE(factor.reason.empty());
        }
    }
}
