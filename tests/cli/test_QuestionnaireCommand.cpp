// spinepath-cli questionnaire check FILE, run as a child process: a usable
// questionnaire exits 0 and lists its warnings; a broken one exits 1 and lists
// every problem (not only the first) with its JSON pointer and linkId.
#include <catch2/catch.hpp>

#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using nlohmann::json;

namespace {

using Folder = spinepath::test::TempDir;
using spinepath::test::readAll;

struct Run
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

Run run(const Folder& folder, const std::vector<std::string>& arguments)
{
    const std::string outPath = folder.path("stdout.txt");
    const std::string errPath = folder.path("stderr.txt");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
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

} // namespace

TEST_CASE("questionnaire check: the intake is usable, with no warning", "[cli][questionnaire]")
{
    const Folder folder;
    const Run result =
        run(folder, {"questionnaire", "check",
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
    const Run result = run(folder, {"questionnaire", "check", file});
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
    const Run result = run(folder, {"questionnaire", "check", file});
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
    const Run malformed =
        run(folder, {"questionnaire", "check", folder.write("bad.json", "{\"resourceType\": ")});
    CHECK(malformed.exitCode == 1);
    CHECK(contains(malformed.out, "problem: malformed JSON"));
    CHECK(run(folder, {"questionnaire", "check", folder.path("missing.json")}).exitCode == 2);
    CHECK(run(folder, {"questionnaire", "lint"}).exitCode == 2);
}
