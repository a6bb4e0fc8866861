// Runs the public JsonLogic conformance suite. Each case is registered with
// CTest separately (see Tests.cmake) and selected here by JSONLOGIC_CASE; with
// no selection every case runs, each reported by its number and section.
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Rule.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace spinepath::jsonlogic;

namespace {

struct ConformanceCase
{
    int number = 0;
    std::string section;
    nlohmann::json rule, data, expected;
};

std::vector<ConformanceCase> loadCases()
{
    std::ifstream file(SPINEPATH_TEST_DATA_DIR "/jsonlogic/jsonlogic-tests.json");
    REQUIRE(file.good());
    const auto suite = nlohmann::json::parse(file);
    std::vector<ConformanceCase> cases;
    std::string section;
    for (const auto& entry : suite) {
        if (entry.is_string()) {
            section = entry.get<std::string>();
            continue;
        }
        cases.push_back({static_cast<int>(cases.size()) + 1, section, entry.at(0), entry.at(1), entry.at(2)});
    }
    return cases;
}

void runCase(const ConformanceCase& c)
{
    INFO("conformance case " << c.number << " in section \"" << c.section << "\"");
    INFO("rule: " << c.rule.dump() << "  data: " << c.data.dump());
    nlohmann::json actual;
    try {
        actual = Rule::compile(c.rule).apply(c.data);
    } catch (const std::exception& error) {
        FAIL("threw: " << error.what());
    }
    INFO("expected: " << c.expected.dump() << "  actual: " << actual.dump());
    CHECK(actual == c.expected);
}

} // namespace

TEST_CASE("JsonLogic conformance suite", "[jsonlogic][conformance]")
{
    const auto cases = loadCases();
    REQUIRE(cases.size() == 277);
    if (const char* selected = std::getenv("JSONLOGIC_CASE")) {
        const int number = std::atoi(selected);
        REQUIRE(number >= 1);
        REQUIRE(number <= static_cast<int>(cases.size()));
        runCase(cases[static_cast<std::size_t>(number - 1)]);
        return;
    }
    for (const auto& c : cases)
        runCase(c);
}
