// The clinical contract as data: every case of tests/data/screening/cases/*.json
// is scored through the reference path (nlohmann::json) and the streaming path
// (simdjson Values) and checked against expectations written by hand from the
// clinical specification, not recorded from the program. A case may start from
// one of the spec's base answer sets (tests/data/screening/bases.json) and list
// only what it changes, as the spec's own examples do.
#include "ScoringTestSupport.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using namespace spinepath::scoring;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Case
{
    std::string file;
    std::string name;
    json answers;
    json expect;

    [[nodiscard]] std::string label() const { return file + ": \"" + name + "\""; }
};

// The case's answers: its base (if any) with the case's answers on top; a
// null answer removes the base's.
json answersOf(const json& entry, const json& bases)
{
    json answers = json::object();
    if (entry.contains("base"))
        answers = bases.at(entry["base"].get<std::string>());
    const json changes = entry.value("answers", json::object());
    for (const auto& [linkId, value] : changes.items()) {
        if (value.is_null())
            answers.erase(linkId);
        else
            answers[linkId] = value;
    }
    return answers;
}

std::vector<Case> loadCases()
{
    const json bases = test::readJson(test::casesDirectory() + "/../bases.json");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::casesDirectory()))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<Case> cases;
    for (const fs::path& file : files) {
        const json list = test::readJson(file.string());
        if (!list.is_array())
            throw std::runtime_error(file.string() + ": a case file must be an array of cases");
        for (const json& entry : list)
            cases.push_back({file.filename().string(), entry.value("name", std::string()),
                             answersOf(entry, bases), entry.value("expect", json())});
    }
    return cases;
}

const std::vector<Case>& cases()
{
    static const std::vector<Case> loaded = loadCases();
    return loaded;
}

std::vector<std::string> stringList(const json& expect, const char* key)
{
    return expect.contains(key) ? expect[key].get<std::vector<std::string>>() : std::vector<std::string>{};
}

bool contains(const std::vector<std::string>& list, const std::string& id)
{
    return std::find(list.begin(), list.end(), id) != list.end();
}

std::string joined(const std::vector<std::string>& list)
{
    std::string text = "[";
    for (const std::string& id : list)
        text += (text.size() > 1 ? ", " : "") + id;
    return text + "]";
}

// Every way `result` differs from the case's expectations, one per line.
std::string mismatches(const ScreeningResult& result, const json& expect)
{
    std::ostringstream out;
    if (result.category != expect.at("category").get<std::string>())
        out << "  category is " << result.category << ", expected " << expect["category"].get<std::string>()
            << '\n';
    const auto flags = stringList(expect, "flags");
    if (result.flags != flags)
        out << "  flags are " << joined(result.flags) << ", expected " << joined(flags) << '\n';

    std::vector<std::string> factors;
    for (const FiredFactor& factor : result.factors)
        factors.push_back(factor.id);
    for (const std::string& id : stringList(expect, "factors_include"))
        if (!contains(factors, id))
            out << "  factor " << id << " did not fire; fired: " << joined(factors) << '\n';
    for (const std::string& id : stringList(expect, "factors_exclude"))
        if (contains(factors, id))
            out << "  factor " << id << " fired but must not\n";
    for (const std::string& id : stringList(expect, "notes_include"))
        if (!contains(result.notes, id))
            out << "  note " << id << " is missing; notes: " << joined(result.notes) << '\n';
    for (const std::string& id : stringList(expect, "notes_exclude"))
        if (contains(result.notes, id))
            out << "  note " << id << " is present but must not be\n";

    if (expect.contains("scores")) {
        const int regenerative = expect["scores"].at("regenerative").get<int>();
        const int fusion = expect["scores"].at("fusion").get<int>();
        if (result.scores.at("regenerative") != regenerative || result.scores.at("fusion") != fusion)
            out << "  scores are regenerative " << result.scores.at("regenerative") << ", fusion "
                << result.scores.at("fusion") << "; expected " << regenerative << ", " << fusion << '\n';
    }
    if (expect.contains("severity")) {
        const std::string severity =
            expect["severity"].is_null() ? "" : expect["severity"].get<std::string>();
        if (result.severity != severity)
            out << "  severity is \"" << result.severity << "\", expected \"" << severity << "\"\n";
    }
    if (expect.contains("peg")) {
        if (expect["peg"].is_null() && result.peg)
            out << "  peg is " << *result.peg << ", expected none\n";
        else if (!expect["peg"].is_null() &&
                 (!result.peg || std::abs(*result.peg - expect["peg"].get<double>()) > 1e-9))
            out << "  peg is " << (result.peg ? std::to_string(*result.peg) : "none") << ", expected "
                << expect["peg"].get<double>() << '\n';
    }
    return out.str();
}

std::set<std::string> interfaceIds(const char* kind)
{
    const json interface = test::readJson(test::interfacePath());
    return interface.at(kind).get<std::set<std::string>>();
}

} // namespace

TEST_CASE("The screening case files are well formed", "[screening][cases]")
{
    REQUIRE(cases().size() >= 100);
    const auto categories = interfaceIds("categories");
    const auto flags = interfaceIds("flags");
    const auto factors = interfaceIds("factors");
    const auto notes = interfaceIds("notes");
    static const std::set<std::string> keys = {"category",        "flags",         "factors_include",
                                               "factors_exclude", "notes_include", "notes_exclude",
                                               "scores",          "severity",      "peg"};
    std::set<std::string> names;
    for (const Case& c : cases()) {
        INFO(c.label());
        CHECK(!c.name.empty());
        CHECK(names.insert(c.name).second); // names are unique across files
        CHECK(c.answers.is_object());
        REQUIRE(c.expect.is_object());
        for (const auto& [key, value] : c.expect.items())
            CHECK(keys.contains(key));
        CHECK(categories.contains(c.expect.at("category").get<std::string>()));
        for (const std::string& id : stringList(c.expect, "flags"))
            CHECK(flags.contains(id));
        const auto factorsIn = stringList(c.expect, "factors_include");
        const auto factorsOut = stringList(c.expect, "factors_exclude");
        const auto notesIn = stringList(c.expect, "notes_include");
        const auto notesOut = stringList(c.expect, "notes_exclude");
        for (const std::string& id : factorsIn) {
            CHECK(factors.contains(id));
            CHECK_FALSE(contains(factorsOut, id));
        }
        for (const std::string& id : factorsOut)
            CHECK(factors.contains(id));
        for (const std::string& id : notesIn) {
            CHECK(notes.contains(id));
            CHECK_FALSE(contains(notesOut, id));
        }
        for (const std::string& id : notesOut)
            CHECK(notes.contains(id));
    }
}

// For each category, flag, factor and note of the interface: at least one case
// where it is expected and one where it is expected not to be there.
TEST_CASE("The cases cover every outcome both firing and not firing", "[screening][cases]")
{
    std::map<std::string, std::pair<int, int>> seen; // "kind:id" -> (fires, does not fire)
    for (const Case& c : cases()) {
        const std::string category = c.expect.at("category").get<std::string>();
        for (const std::string& id : interfaceIds("categories"))
            (id == category ? seen["category:" + id].first : seen["category:" + id].second)++;
        const auto flags = stringList(c.expect, "flags");
        for (const std::string& id : interfaceIds("flags"))
            (contains(flags, id) ? seen["flag:" + id].first : seen["flag:" + id].second)++;
        for (const std::string& id : stringList(c.expect, "factors_include"))
            seen["factor:" + id].first++;
        for (const std::string& id : stringList(c.expect, "factors_exclude"))
            seen["factor:" + id].second++;
        for (const std::string& id : stringList(c.expect, "notes_include"))
            seen["note:" + id].first++;
        for (const std::string& id : stringList(c.expect, "notes_exclude"))
            seen["note:" + id].second++;
    }
    const auto require = [&](const std::string& kind, const char* interfaceKey) {
        for (const std::string& id : interfaceIds(interfaceKey)) {
            INFO(kind + ":" + id);
            CHECK(seen[kind + ":" + id].first > 0);
            CHECK(seen[kind + ":" + id].second > 0);
        }
    };
    require("category", "categories");
    require("flag", "flags");
    require("factor", "factors");
    require("note", "notes");
}

TEST_CASE("Every screening case gives the expected outcome on both scoring paths", "[screening][cases]")
{
    const Scorer& scorer = test::content().scorer();
    test::FastPath fast(scorer);
    std::size_t checked = 0;
    for (const Case& c : cases()) {
        std::string problems;
        try {
            const ScreeningResult reference = scorer.score(c.answers);
            const ScreeningResult streamed = fast.score(c.answers);
            const std::string referenceProblems = mismatches(reference, c.expect);
            const std::string streamedProblems = mismatches(streamed, c.expect);
            if (!referenceProblems.empty())
                problems += " Scorer::score(json):\n" + referenceProblems;
            if (!streamedProblems.empty())
                problems += " Scorer::score(Value, Arena):\n" + streamedProblems;
            if (reference.toJson() != streamed.toJson())
                problems += " the two paths differ:\n  " + reference.toJson().dump() + "\n  " +
                            streamed.toJson().dump() + '\n';
            std::string appended;
            streamed.appendJson(appended);
            if (appended != reference.toJson().dump())
                problems += " appendJson differs from toJson().dump():\n  " + appended + '\n';
        } catch (const std::exception& error) {
            problems += std::string(" threw: ") + error.what() + '\n';
        }
        if (!problems.empty())
            FAIL_CHECK(c.label() << '\n' << problems);
        ++checked;
    }
    CHECK(checked == cases().size());
}
