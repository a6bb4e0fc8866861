// spinepath-cli score, convert and check-content, run as a child process over
// files in a temporary folder: the clinical contract of spec section 4 as the
// command line delivers it.
#include "core/questionnaire/Questionnaire.h"
#include "core/scoring/Ruleset.h"
#include "support/ResponseRules.h"

#include <catch2/catch.hpp>

#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;
using spinepath::questionnaire::Questionnaire;
using spinepath::scoring::Ruleset;

namespace {

using Folder = spinepath::test::TempDir;
using spinepath::test::readAll;

const std::string kContent = std::string(SPINEPATH_SOURCE_DIR) + "/content";

json readJson(const std::string& path)
{
    std::ifstream stream(path);
    return json::parse(stream);
}

struct Run
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs spinepath-cli with `arguments`, standard input from `input`.
Run run(const Folder& folder, const std::vector<std::string>& arguments, const std::string& input = "")
{
    const std::string inPath = folder.write("stdin.txt", input);
    const std::string outPath = folder.path("stdout.txt");
    const std::string errPath = folder.path("stderr.txt");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int in = ::open(inPath.c_str(), O_RDONLY);
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
            ::_exit(127);
        std::vector<char*> argv;
        std::string program = SPINEPATH_CLI_PATH;
        argv.push_back(program.data());
        std::vector<std::string> copies = arguments;
        for (std::string& argument : copies)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    return {WEXITSTATUS(status), readAll(outPath), readAll(errPath)};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The worked examples of clinical spec v2, as the spec ships them.
const json& workedExamples()
{
    static const json examples =
        readJson(std::string(SPINEPATH_TEST_DATA_DIR) + "/screening/clinical-examples-v2.json")
            .at("examples");
    return examples;
}

// The answers of the v2 example that continues v1's example `number` (spec section 5).
json example(int number)
{
    static const char* const ids[] = {"E1", "E2", "E3", "E4a", "E5", "E6"};
    for (const json& entry : workedExamples())
        if (entry.at("id") == ids[number - 1])
            return entry.at("answers");
    throw std::logic_error("no worked example " + std::to_string(number));
}

// A result as the spec writes it, without the reasons (content wording).
json withoutReasons(json result)
{
    for (json& factor : result.at("factors"))
        factor.erase("reason");
    return result;
}

const Ruleset& ruleset()
{
    static const Ruleset loaded = Ruleset::fromFile(kContent + "/rules/spinepath-core.json");
    return loaded;
}

const Questionnaire& intake()
{
    static const Questionnaire loaded =
        Questionnaire::fromFile(kContent + "/questionnaire/spinepath-intake.json");
    return loaded;
}

// A copy of the content folder with its rules replaced by `rules` (JSON text).
std::string brokenContent(const Folder& folder, const std::string& rules)
{
    const std::string copy = folder.path("content");
    fs::copy(kContent, copy, fs::copy_options::recursive);
    folder.write("content/rules/spinepath-core.json", rules);
    return copy;
}

std::size_t indexOf(const json& rules, const char* stage, const std::string& id)
{
    for (std::size_t i = 0; i < rules.at(stage).size(); ++i)
        if (rules[stage][i].value("id", "") == id)
            return i;
    throw std::logic_error(std::string("no ") + stage + " entry " + id);
}

} // namespace

TEST_CASE("score prints the spec's output for flat answers", "[cli][score]")
{
    const Folder folder;
    const std::string file = folder.write("example3.json", example(3).dump(2));
    const Run result = run(folder, {"score", "--content", kContent, file});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const json out = json::parse(result.out);

    CHECK(out["category"] == "regenerative_evaluation");
    CHECK(out["scores"] == json({{"regenerative", 75}, {"fusion", 0}}));
    CHECK(out["flags"] == json::array());
    CHECK(out["severity"].is_null());
    REQUIRE(out["factors"].is_array());
    std::vector<std::string> ids;
    for (const json& factor : out["factors"]) {
        INFO(factor.dump());
        REQUIRE(factor.contains("id"));
        const auto* rule = ruleset().findFactor(factor["id"].get<std::string>());
        REQUIRE(rule);
        CHECK(factor["pathway"] == rule->pathway);
        CHECK(factor["weight"] == rule->weight);
        CHECK(factor["reason"] == rule->reason);
        CHECK_FALSE(factor["reason"].get<std::string>().empty());
        ids.push_back(factor["id"].get<std::string>());
    }
    CHECK(ids == std::vector<std::string>{"chronic_pain", "discogenic_source", "annular_tear",
                                          "conservative_care_failed", "contained_disc", "stable_spine",
                                          "prefers_motion_preservation", "axial_predominant"});
    CHECK(out["notes"] ==
          json({"discography_may_confirm_level", "other_biologics", "investigational_treatment",
                "sealant_precautions", "consider_combined_programme"}));
    CHECK(out["peg"] == 6.3);
    CHECK(out["ruleset"] == json({{"id", "spinepath-core"}, {"version", "2.0.0"}}));
}

TEST_CASE("score and score --jsonl print exactly the spec's output for every worked example", "[cli][score]")
{
    const Folder folder;
    std::string lines;
    for (const json& entry : workedExamples()) {
        const std::string id = entry.at("id").get<std::string>();
        INFO(id);
        const std::string file = folder.write(id + ".json", entry.at("answers").dump(2));
        const Run single = run(folder, {"score", "--content", kContent, file});
        INFO(single.err);
        REQUIRE(single.exitCode == 0);
        CHECK(withoutReasons(json::parse(single.out)) == entry.at("expected"));
        lines += entry.at("answers").dump() + "\n";
    }
    const Run batch = run(folder, {"score", "--jsonl", "--threads", "2", "--content", kContent}, lines);
    INFO(batch.err);
    REQUIRE(batch.exitCode == 0);
    std::istringstream stream(batch.out);
    std::size_t index = 0;
    for (std::string line; std::getline(stream, line); ++index) {
        REQUIRE(index < workedExamples().size());
        INFO(workedExamples()[index].at("id").get<std::string>());
        CHECK(withoutReasons(json::parse(line)) == workedExamples()[index].at("expected"));
    }
    CHECK(index == workedExamples().size());
}

TEST_CASE("score flags an emergency and reads standard input", "[cli][score]")
{
    const Folder folder;
    const Run result = run(folder, {"score", "--content", kContent, "-"}, example(1).dump());
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const json out = json::parse(result.out);
    CHECK(out["category"] == "urgent");
    CHECK(out["flags"] == json({"cauda_equina_bladder_bowel"}));
    CHECK(out["severity"] == "emergency");
    CHECK(out["notes"] == json::array());
}

TEST_CASE("score gives the same output for a QuestionnaireResponse", "[cli][score]")
{
    const Folder folder;
    for (int number = 1; number <= 6; ++number) {
        INFO("example " << number);
        const std::string flat = folder.write("flat.json", example(number).dump());
        const Run fromFlat = run(folder, {"score", "--content", kContent, flat});
        REQUIRE(fromFlat.exitCode == 0);
        const Run converted = run(folder, {"convert", "--to", "fhir", "--content", kContent, flat});
        INFO(converted.err);
        REQUIRE(converted.exitCode == 0);
        const std::string response = folder.write("response.json", converted.out);
        const Run fromResponse = run(folder, {"score", "--content", kContent, response});
        INFO(fromResponse.err);
        REQUIRE(fromResponse.exitCode == 0);
        CHECK(fromResponse.out == fromFlat.out);
    }
}

TEST_CASE("score refuses unknown linkIds and codes, naming the item", "[cli][score]")
{
    const Folder folder;
    json answers = example(3);
    answers["dx.told"] = {"annular_taer"};
    const Run badCode =
        run(folder, {"score", "--content", kContent, folder.write("code.json", answers.dump())});
    CHECK(badCode.exitCode == 1);
    CHECK(badCode.out.empty());
    // The item and the rule, never the value.
    CHECK(contains(badCode.err, "dx.told"));
    CHECK(contains(badCode.err, "not one of its options"));
    CHECK_FALSE(contains(badCode.err, "annular_taer"));

    answers = example(3);
    answers["pain.durashun"] = "gt12m";
    const Run badKey =
        run(folder, {"score", "--content", kContent, folder.write("key.json", answers.dump())});
    CHECK(badKey.exitCode == 1);
    CHECK(contains(badKey.err, "pain.durashun"));

    const Run notJson =
        run(folder, {"score", "--content", kContent, folder.write("bad.json", "{\"pain.duration\":")});
    CHECK(notJson.exitCode != 0);
    CHECK(contains(notJson.err, "bad.json"));
}

TEST_CASE("score --jsonl reports a bad line with its number and scores the lines after it", "[cli][score]")
{
    const Folder folder;
    json unknownKey = example(4);
    unknownKey["pain.durashun"] = "lt6w";
    json unknownCode = example(6);
    unknownCode["img.findings"] = {"extruded_herniaton"};
    const std::vector<std::string> lines = {example(1).dump(),  unknownKey.dump(),      example(2).dump(),
                                            unknownCode.dump(), "{\"pain.duration\": ", example(5).dump()};
    std::string input;
    for (const std::string& line : lines)
        input += line + "\n";

    for (const char* threads : {"1", "4"}) {
        INFO("--threads " << threads);
        const Run result =
            run(folder, {"score", "--jsonl", "--threads", threads, "--content", kContent}, input);
        CHECK(result.exitCode == 1);
        CHECK(contains(result.err, "3 lines"));
        std::vector<json> out;
        std::istringstream stream(result.out);
        for (std::string line; std::getline(stream, line);)
            out.push_back(json::parse(line));
        REQUIRE(out.size() == lines.size());

        CHECK(out[0]["category"] == "urgent");
        CHECK(out[1]["line"] == 2);
        CHECK(contains(out[1]["error"].get<std::string>(), "pain.durashun"));
        CHECK(out[2]["category"] == "fusion_evaluation");
        CHECK(out[3]["line"] == 4);
        CHECK(contains(out[3]["error"].get<std::string>(), "img.findings"));
        CHECK_FALSE(contains(out[3]["error"].get<std::string>(), "extruded_herniaton")); // never the value
        CHECK(out[4]["line"] == 5);
        CHECK(out[4].contains("error"));
        CHECK(out[5]["category"] == "physician_review");

        // A scored line is the same document `score` prints for that answer set.
        for (const int index : {0, 2, 5}) {
            const Run single =
                run(folder, {"score", "--content", kContent, "-"}, lines[static_cast<std::size_t>(index)]);
            CHECK(json::parse(single.out) == out[static_cast<std::size_t>(index)]);
        }
    }
}

TEST_CASE("score --jsonl keeps the input order over many lines and threads", "[cli][score]")
{
    const Folder folder;
    std::string input;
    for (int i = 0; i < 600; ++i) {
        json answers = example(i % 6 + 1);
        if (i % 97 == 13)
            answers["peg.pain"] = 11;
        input += answers.dump() + "\n";
    }
    const Run one = run(folder, {"score", "--jsonl", "--threads", "1", "--content", kContent}, input);
    const Run many = run(folder, {"score", "--jsonl", "--threads", "8", "--content", kContent}, input);
    CHECK(one.exitCode == 1);
    CHECK(many.exitCode == 1);
    CHECK(one.out == many.out);
    std::istringstream stream(many.out);
    int number = 0;
    for (std::string line; std::getline(stream, line);) {
        ++number;
        const json out = json::parse(line);
        if ((number - 1) % 97 == 13) {
            CHECK(out["line"] == number);
            CHECK(contains(out["error"].get<std::string>(), "peg.pain"));
        } else {
            CHECK(out.contains("category"));
        }
    }
    CHECK(number == 600);
}

TEST_CASE("convert --to fhir writes a QuestionnaireResponse, and --to answers reads it back",
          "[cli][convert]")
{
    const Folder folder;
    const json answers = example(3);
    const std::string flat = folder.write("answers.json", answers.dump());
    const Run toFhir = run(folder, {"convert", "--to", "fhir", "--content", kContent, flat});
    INFO(toFhir.err);
    REQUIRE(toFhir.exitCode == 0);
    const json response = json::parse(toFhir.out);

    CHECK(response["resourceType"] == "QuestionnaireResponse");
    CHECK(spinepath::test::responseProblems(intake(), response) == "");
    CHECK(response["questionnaire"] == intake().url() + "|" + intake().version());
    CHECK(response["status"] == "completed");
    REQUIRE(response["item"].is_array());
    // Answers are nested in their sections, as the questionnaire has them.
    std::map<std::string, std::string> sectionOf;
    std::map<std::string, json> answerOf;
    for (const json& section : response["item"]) {
        CHECK(section["linkId"].get<std::string>().starts_with("section."));
        CHECK_FALSE(section.contains("answer"));
        for (const json& item : section["item"]) {
            sectionOf[item["linkId"]] = section["linkId"];
            answerOf[item["linkId"]] = item["answer"];
        }
    }
    CHECK(sectionOf["redflag.bladder_bowel"] == "section.safety");
    CHECK(sectionOf["pain.duration"] == "section.pain");
    CHECK(sectionOf["dx.told"] == "section.diagnosis");
    CHECK(sectionOf["img.findings"] == "section.imaging");
    CHECK(answerOf["redflag.bladder_bowel"] == json::parse(R"([{"valueBoolean": false}])"));
    CHECK(answerOf["peg.pain"] == json::parse(R"([{"valueInteger": 6}])"));
    CHECK(answerOf["pain.duration"][0]["valueCoding"]["code"] == "6m_12m");
    CHECK(answerOf["dx.told"].size() == answers["dx.told"].size());
    CHECK(answerOf["dx.told"][0]["valueCoding"]["code"] == "annular_tear");
    CHECK(sectionOf.size() == answers.size()); // every answer, each once

    const Run back = run(folder, {"convert", "--to", "answers", "--content", kContent,
                                  folder.write("response.json", toFhir.out)});
    INFO(back.err);
    REQUIRE(back.exitCode == 0);
    CHECK(json::parse(back.out) == answers);

    // Standard input works too, and flat answers converted to answers stay the same.
    const Run same = run(folder, {"convert", "--to", "answers", "--content", kContent, "-"}, answers.dump());
    REQUIRE(same.exitCode == 0);
    CHECK(json::parse(same.out) == answers);
}

TEST_CASE("convert keeps two instances of a repeating group apart, both ways (issue 19)", "[cli][convert]")
{
    const Folder folder;
    // The content with one more section: tests/data/questionnaire/repeating-section.json.
    const std::string content = folder.path("content");
    fs::copy(kContent, content, fs::copy_options::recursive);
    json questionnaire = readJson(content + "/questionnaire/spinepath-intake.json");
    questionnaire["item"].push_back(
        readJson(std::string(SPINEPATH_SOURCE_DIR) + "/tests/data/questionnaire/repeating-section.json"));
    folder.write("content/questionnaire/spinepath-intake.json", questionnaire.dump());

    json answers = example(3);
    answers["repeat.meds"] = json::array({{{"repeat.meds.name", "Ibuprofen"}},
                                          {{"repeat.meds.name", "Omeprazole"}, {"repeat.meds.prn", false}}});
    const Run toFhir = run(
        folder, {"convert", "--to", "fhir", "--content", content, folder.write("a.json", answers.dump())});
    INFO(toFhir.err);
    REQUIRE(toFhir.exitCode == 0);
    const json response = json::parse(toFhir.out);
    const json* section = nullptr;
    for (const json& item : response["item"])
        if (item["linkId"] == "repeat")
            section = &item;
    REQUIRE(section);
    // One group item per instance, each with its own answers.
    REQUIRE((*section)["item"].size() == 2);
    CHECK((*section)["item"][0]["item"][0]["answer"][0]["valueString"] == "Ibuprofen");
    CHECK((*section)["item"][1]["item"][0]["answer"][0]["valueString"] == "Omeprazole");

    const Run back = run(folder, {"convert", "--to", "answers", "--content", content,
                                  folder.write("response.json", response.dump())});
    INFO(back.err);
    REQUIRE(back.exitCode == 0);
    CHECK(json::parse(back.out)["repeat.meds"] == answers["repeat.meds"]);
}

TEST_CASE("convert refuses invalid answers, naming the linkId", "[cli][convert]")
{
    const Folder folder;
    json answers = example(5);
    answers["hx.prior_surgery"] = "fusions";
    const Run result = run(
        folder, {"convert", "--to", "fhir", "--content", kContent, folder.write("bad.json", answers.dump())});
    CHECK(result.exitCode == 1);
    CHECK(contains(result.err, "hx.prior_surgery"));
    CHECK_FALSE(contains(result.err, "fusions")); // the item, never the value
    CHECK(run(folder, {"convert", "--to", "xml", "--content", kContent, "-"}, "{}").exitCode == 2);
}

TEST_CASE("check-content passes the real content folder", "[cli][check-content]")
{
    const Folder folder;
    const Run result = run(folder, {"check-content", kContent});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
}

TEST_CASE("Broken rules: check-content names file, JSON path and cause; score refuses to run",
          "[cli][check-content]")
{
    const json rules = readJson(kContent + "/rules/spinepath-core.json");
    const std::string file = "rules/spinepath-core.json";
    struct Breakage
    {
        std::string name;
        std::string text;
        std::string pointer; // empty: the JSON does not parse
        std::string cause;
    };
    std::vector<Breakage> breakages;
    {
        std::string text = rules.dump(2);
        const std::size_t at = text.find("\"factors\"");
        text.insert(at, "\"factors_old\" [],\n  "); // a missing colon
        const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
        breakages.push_back({"bad JSON", text, "", "parse error at line " + std::to_string(line)});
    }
    {
        json broken = rules;
        const std::size_t factor = indexOf(rules, "factors", "contained_disc");
        broken["factors"][factor]["when"]["and"][1] = {{"contained", {{"var", "img.findings"}}}};
        breakages.push_back({"unknown operator", broken.dump(2),
                             "/factors/" + std::to_string(factor) + "/when/and/1",
                             "unknown operator \"contained\""});
    }
    {
        json broken = rules;
        const std::size_t factor = indexOf(rules, "factors", "annular_tear");
        broken["factors"][factor]["when"]["or"][0]["in"][0] = "annular_taer";
        breakages.push_back({"typo'd code", broken.dump(2),
                             "/factors/" + std::to_string(factor) + "/when/or/0/in/0", "\"annular_taer\""});
    }

    for (const Breakage& breakage : breakages) {
        INFO(breakage.name);
        const Folder folder;
        const std::string content = brokenContent(folder, breakage.text);

        const Run check = run(folder, {"check-content", content});
        const std::string checked = check.out + check.err;
        INFO(checked);
        CHECK(check.exitCode != 0);
        CHECK(contains(checked, file));
        if (!breakage.pointer.empty())
            CHECK(contains(checked, " at " + breakage.pointer + ": "));
        CHECK(contains(checked, breakage.cause));

        const Run score = run(folder, {"score", "--content", content, "-"}, example(3).dump());
        INFO(score.err);
        CHECK(score.exitCode == 2);
        CHECK(score.out.empty());
        CHECK(contains(score.err, file));
        if (!breakage.pointer.empty())
            CHECK(contains(score.err, breakage.pointer));
        CHECK(contains(score.err, breakage.cause));

        const Run jsonl = run(folder, {"score", "--jsonl", "--content", content}, example(3).dump() + "\n");
        CHECK(jsonl.exitCode == 2);
        CHECK(jsonl.out.empty());
    }
}

TEST_CASE("score messages on stderr never repeat an answer", "[cli][score]")
{
    // A birth date and a phone number came back on stderr.
    const Folder folder;
    const std::string phone = "+1 555 0100 4477 ext 9911, evenings, ask for the back office";
    for (const auto& [linkId, value] : std::vector<std::pair<std::string, json>>{
             {"about.birth_date", "1984-13-45"}, {"about.phone", phone}, {"about.birth_date", 19840704}}) {
        json answers = example(3);
        answers[linkId] = value;
        const Run result =
            run(folder, {"score", "--content", kContent, folder.write("a.json", answers.dump())});
        INFO(result.err);
        CHECK(result.exitCode == 1);
        CHECK(contains(result.err, linkId));
        CHECK_FALSE(contains(result.err, "1984"));
        CHECK_FALSE(contains(result.err, "555"));
    }
    // Nor does a syntax error quote the text around it.
    const Run broken = run(
        folder, {"score", "--content", kContent, folder.write("b.json", "{\"about.phone\": 555-0100-4477}")});
    INFO(broken.err);
    CHECK(broken.exitCode != 0);
    CHECK(contains(broken.err, "line 1"));
    CHECK_FALSE(contains(broken.err, "555"));
}

TEST_CASE("score refuses a response to another questionnaire and notes another version", "[cli][score]")
{
    // A response naming http://evil.example/... was scored as the intake.
    const Folder folder;
    const std::string flat = folder.write("flat.json", example(3).dump());
    const Run converted = run(folder, {"convert", "--to", "fhir", "--content", kContent, flat});
    REQUIRE(converted.exitCode == 0);
    json response = json::parse(converted.out);

    response["questionnaire"] = "http://evil.example/Questionnaire/spinepath-intake|9.9";
    const Run foreign =
        run(folder, {"score", "--content", kContent, folder.write("r.json", response.dump())});
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.out.empty());
    CHECK(contains(foreign.err, "another questionnaire"));

    // Stored answers of an earlier version still score, with a note.
    response["questionnaire"] =
        Questionnaire::fromFile(kContent + "/questionnaire/spinepath-intake.json").url() + "|0.9.0";
    const Run older = run(folder, {"score", "--content", kContent, folder.write("r.json", response.dump())});
    INFO(older.err);
    CHECK(older.exitCode == 0);
    CHECK(contains(older.err, "version 0.9.0"));
    const Run same = run(folder, {"score", "--content", kContent, flat});
    CHECK(json::parse(older.out) == json::parse(same.out));
}

TEST_CASE("score says which answers to hidden questions it ignored, without their values", "[cli][score]")
{
    const Folder folder;
    json answers = example(3);
    answers["dx.deformity_progressive"] = true; // shown only when dx.told has "deformity"
    answers["dx.fracture_stability"] = "stable";
    const Run once = run(folder, {"score", "--content", kContent, folder.write("a.json", answers.dump())});
    INFO(once.err);
    CHECK(once.exitCode == 0);
    CHECK(contains(once.err, "2 answers ignored because their questions are not shown: "
                             "dx.deformity_progressive, dx.fracture_stability"));
    CHECK_FALSE(contains(once.err, "stable"));

    const std::string lines = answers.dump() + "\n" + example(3).dump() + "\n" + answers.dump() + "\n";
    const Run many = run(folder, {"score", "--jsonl", "--content", kContent}, lines);
    INFO(many.err);
    CHECK(many.exitCode == 0);
    CHECK(contains(many.err, "4 answers on 2 lines ignored because their questions are not shown: "
                             "dx.deformity_progressive (2), dx.fracture_stability (2)"));
}

TEST_CASE("check-content fails naming the role when the question of the patient's name is renamed",
          "[cli][check-content]")
{
    // Renamed, the question would silently stop the report showing the name;
    // tests/content/test_ContentRoles renames every role's id in turn.
    const std::string name = readJson(kContent + "/rules/interface.json")["roles"]["identity.name"];
    const Folder folder;
    const std::string content = folder.path("content");
    fs::copy(kContent, content, fs::copy_options::recursive);
    const std::string file = "questionnaire/spinepath-intake.json";
    std::string text = readAll(content + "/" + file);
    const std::string linkId = "\"linkId\": \"" + name + "\"";
    REQUIRE(text.find(linkId) != std::string::npos);
    text.replace(text.find(linkId), linkId.size(), "\"linkId\": \"" + name + "_renamed\"");
    folder.write("content/" + file, text);

    const Run check = run(folder, {"check-content", content});
    const std::string said = check.out + check.err;
    INFO(said);
    CHECK(check.exitCode == 1);
    CHECK(contains(said, "rules/interface.json at /roles/identity.name: the role \"identity.name\""));
    CHECK(contains(said, "names \"" + name + "\", which is no linkId of the questionnaire"));
}

TEST_CASE("check-content fails on article markup the library would drop", "[cli][check-content]")
{
    // A raw <img> line blanked the rest of an article, and
    // check-content called it valid.
    const Folder folder;
    const std::string content = folder.path("content");
    fs::copy(kContent, content, fs::copy_options::recursive);
    const std::string article = content + "/articles/disc-pain.md";
    std::string text;
    {
        std::ifstream in(article);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto lineCount = std::count(text.begin(), text.end(), '\n');
    text += "\n<img src=\"file:///etc/hostname\">\n\n![A picture.](file:///etc/hostname)\n\n"
            "Ask [the front desk](https://evil.example/phish) for help.\n";
    folder.write("content/articles/disc-pain.md", text);

    const Run check = run(folder, {"check-content", content});
    const std::string said = check.out + check.err;
    INFO(said);
    CHECK(check.exitCode == 1);
    const std::string file = "articles/disc-pain.md at line ";
    CHECK(contains(said, file + std::to_string(lineCount + 2) + ": raw HTML"));
    CHECK(contains(said, file + std::to_string(lineCount + 4) + ": the image \"file:///etc/hostname\""));
    CHECK(contains(said,
                   file + std::to_string(lineCount + 6) + ": the link to \"https://evil.example/phish\""));
}

TEST_CASE("score usage and file errors exit 2", "[cli][score]")
{
    const Folder folder;
    CHECK(run(folder, {"score", "--content", kContent}).exitCode == 2);
    CHECK(run(folder, {"score", "--content", kContent, "a.json", "b.json"}).exitCode == 2);
    const Run missing = run(folder, {"score", "--content", kContent, folder.path("missing.json")});
    CHECK(missing.exitCode == 2);
    CHECK(contains(missing.err, "missing.json"));
    CHECK(run(folder, {"score", "--content", folder.path("no-content"), "-"}, "{}").exitCode == 2);
}

TEST_CASE("check-content measures every patient text of the rules on its own (grade 6 or below)",
          "[cli][check-content]")
{
    const Folder folder;
    json rules = readJson(kContent + "/rules/spinepath-core.json");
    const std::size_t factor = indexOf(rules, "factors", "chronic_pain");
    rules["factors"][factor]["reason"] =
        "Persistent nociceptive symptomatology exceeding twelve consecutive weeks constitutes chronicity "
        "according to contemporary international epidemiological classification conventions.";
    const std::string content = brokenContent(folder, rules.dump(2));
    const Run check = run(folder, {"check-content", content});
    const std::string checked = check.out + check.err;
    INFO(checked);
    CHECK(check.exitCode != 0);
    CHECK(contains(checked, "/factors/" + std::to_string(factor) + "/reason"));
    CHECK(contains(checked, "grade 6"));

    // The same rules still score: wording is a content check, not a load error.
    const Run score = run(folder, {"score", "--content", content, "-"}, example(3).dump());
    CHECK(score.exitCode == 0);
}
