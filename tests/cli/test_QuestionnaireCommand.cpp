// spinepath-cli questionnaire check FILE, run as a child process: a usable
// questionnaire exits 0 and lists its warnings; a broken one exits 1 and lists
// every problem (not only the first) with its JSON pointer and linkId.
#include <catch2/catch.hpp>

#include "support/ChildProcess.h"
#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

using Folder = spinepath::test::TempDir;

using Run = spinepath::test::ProcessResult;

Run run(const std::vector<std::string>& arguments)
{
    return spinepath::test::runCli(arguments);
}

std::string readText(const std::string& path)
{
    std::ifstream stream(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("questionnaire check: the intake is usable, with no warning", "[cli][questionnaire]")
{
    const Folder folder;
    const Run result =
        run({"questionnaire", "check",
             std::string(SPINEPATH_SOURCE_DIR) + "/content/questionnaire/spinepath-intake.json"});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK(contains(result.out, "the questionnaire can be used (0 warning(s))"));
}

TEST_CASE("questionnaire check: a usable form lists its warnings and exits 0", "[cli][questionnaire]")
{
    const Folder folder;
    const std::string file = folder.write(
        "form.json",
        json{{"resourceType", "Questionnaire"},
             {"id", "form"},
             {"status", "active"},
             {"item",
              {{{"linkId", "1.1"}, {"type", "string"}},
               {{"linkId", "1.1.1"}, {"type", "integer"}},
               {{"linkId", "scan"}, {"type", "attachment"}},
               {{"linkId", "dx"}, {"type", "choice"}, {"answerValueSet", "http://example.org/ValueSet/dx"}}}}}
            .dump());
    const Run result = run({"questionnaire", "check", file});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK(contains(result.out, "warning: the questionnaire has no url"));
    CHECK(contains(result.out, "at /item/0 (linkId '1.1'): warning: rules cannot read its answer"));
    CHECK(contains(result.out, "(linkId 'scan'): warning: an attachment cannot be given"));
    CHECK(contains(result.out, "(linkId 'dx'): warning: its answerValueSet"));
    CHECK(contains(result.out, "(5 warning(s))"));
}

TEST_CASE("questionnaire check: a broken form lists every problem and exits 1", "[cli][questionnaire]")
{
    const Folder folder;
    const std::string file = folder.write(
        "broken.json",
        json{{"resourceType", "Questionnaire"},
             {"status", "active"},
             {"item",
              {{{"linkId", "a"}, {"type", "nonsense"}},
               {{"linkId", "b"}, {"type", "boolean"}},
               {{"linkId", "b"}, {"type", "string"}},
               {{"linkId", "c"},
                {"type", "boolean"},
                {"enableWhen", {{{"question", "d"}, {"operator", "exists"}, {"answerBoolean", true}}}}},
               {{"linkId", "d"},
                {"type", "boolean"},
                {"enableWhen", {{{"question", "c"}, {"operator", "exists"}, {"answerBoolean", true}}}}},
               {{"linkId", "e"},
                {"type", "boolean"},
                {"enableWhen", {{{"question", "a"}, {"operator", "exists"}, {"answerBoolean", true}}}}}}}}
            .dump());
    const Run result = run({"questionnaire", "check", file});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 1);
    CHECK(contains(result.out, "at /item/0/type (linkId 'a'): problem: item 'a' has unknown type"));
    CHECK(contains(result.out, "at /item/2/linkId (linkId 'b'): problem: duplicate linkId 'b'"));
    CHECK(contains(result.out, "problem: enableWhen conditions form a cycle"));
    // Taking 'a' out does not make e's enableWhen a second problem.
    CHECK_FALSE(contains(result.out, "unknown linkId 'a'"));
    CHECK(contains(result.err, "3 problem(s)"));
}

TEST_CASE("questionnaire check: malformed JSON is a problem, a missing file a usage error",
          "[cli][questionnaire]")
{
    const Folder folder;
    const Run malformed = run({"questionnaire", "check", folder.write("bad.json", "{\"resourceType\": ")});
    CHECK(malformed.exitCode == 1);
    CHECK(contains(malformed.out, "problem: malformed JSON"));
    CHECK(run({"questionnaire", "check", folder.path("missing.json")}).exitCode == 2);
    CHECK(run({"questionnaire", "lint"}).exitCode == 2);
}

TEST_CASE("questionnaire check: a required choice without its value set is a problem (issue 19, point 4)",
          "[cli][questionnaire]")
{
    const std::string data = std::string(SPINEPATH_TEST_DATA_DIR) + "/questionnaire/";
    const Run missing = run({"questionnaire", "check", data + "missing-valueset.json"});
    INFO(missing.out << missing.err);
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.out,
                   "at /item/0/answerValueSet (linkId 'where'): problem: item 'where' is required "
                   "but its answerValueSet http://example.org/fhir/ValueSet/pain-site"));

    // With the clinic's value set beside it, the same kind of form is usable;
    // the optional question whose value set is still missing is a warning.
    const Run supplied = run({"questionnaire", "check", data + "external-valueset/form.json"});
    INFO(supplied.out << supplied.err);
    CHECK(supplied.exitCode == 0);
    CHECK_FALSE(contains(supplied.out, "(linkId 'where')"));
    CHECK(contains(supplied.out,
                   "(linkId 'mood'): warning: its answerValueSet http://example.org/fhir/ValueSet/mood"));

    // A valuesets folder holding something else is a problem of its own.
    const Folder folder;
    const std::string form = folder.write("form.json", readText(data + "missing-valueset.json"));
    folder.write("valuesets/broken.json", R"({"resourceType": "Patient"})");
    const Run broken = run({"questionnaire", "check", form});
    INFO(broken.out << broken.err);
    CHECK(broken.exitCode == 1);
    CHECK(contains(broken.out, "broken.json: is not a FHIR ValueSet"));
}
