// spinepath-cli logic, run as a child process over files in a temporary folder.
#include <catch2/catch.hpp>

#include "support/ChildProcess.h"
#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using spinepath::test::readAll;
using spinepath::test::TempDir;

using spinepath::test::ProcessResult;
using spinepath::test::runCli;
using spinepath::test::Stdin;

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> result;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);)
        result.push_back(line);
    return result;
}

const char* const kAgeRule = R"({"if": [{">": [{"var": "age"}, 40]}, "older", "younger"]})";

} // namespace

TEST_CASE("logic evaluates a rule over a data file", "[cli][logic]")
{
    TempDir dir;
    const std::string rule = dir.write("rule.json", kAgeRule);
    const ProcessResult result = runCli({"logic", rule, dir.write("data.json", R"({"age": 50})")});
    CHECK(result.exitCode == 0);
    CHECK(result.out == "\"older\"\n");
    CHECK(result.err.empty());

    // JSON.stringify's output: NaN is null, strings are escaped, integers have no ".0".
    const std::string calc =
        dir.write("calc.json",
                  R"([{"/": [0, 0]}, {"*": [2, 2.0]}, {"cat": ["q\"", {"var": "t"}]}, {"+": [0.1, 0.2]}])");
    const ProcessResult printed = runCli({"logic", calc, dir.write("t.json", R"({"t": "\u0001é"})")});
    CHECK(printed.exitCode == 0);
    CHECK(printed.out == "[null,4,\"q\\\"\\u0001é\",0.30000000000000004]\n");
}

TEST_CASE("logic reads the data from standard input with -", "[cli][logic]")
{
    TempDir dir;
    const std::string rule = dir.write("rule.json", kAgeRule);
    const ProcessResult result = runCli({"logic", rule, "-"}, R"({"age": 30})");
    CHECK(result.exitCode == 0);
    CHECK(result.out == "\"younger\"\n");

    const ProcessResult bad = runCli({"logic", rule, "-"}, R"({"age": )");
    CHECK(bad.exitCode == 2);
    CHECK(bad.out.empty());
    CHECK_THAT(bad.err, Catch::Contains("standard input"));
}

TEST_CASE("logic --jsonl evaluates every line and reports bad ones", "[cli][logic]")
{
    TempDir dir;
    const std::string rule = dir.write("rule.json", kAgeRule);

    SECTION("good and bad lines")
    {
        const ProcessResult result =
            runCli({"logic", rule, "--jsonl"},
                   "{\"age\": 50}\nnot json\n{\"age\": 30}\n{\"age\": \n{\"age\": 41}\n");
        CHECK(result.exitCode == 1);
        const auto out = lines(result.out);
        REQUIRE(out.size() == 5);
        CHECK(out[0] == "\"older\"");
        CHECK(out[2] == "\"younger\"");
        CHECK(out[4] == "\"older\"");
        for (const auto& [index, number] : {std::pair{1, 2}, std::pair{3, 4}}) {
            const json error = json::parse(out[static_cast<std::size_t>(index)]);
            CHECK(error.size() == 2);
            CHECK(error["line"] == number);
            CHECK(error["error"].is_string());
            CHECK_FALSE(error["error"].get<std::string>().empty());
        }
        CHECK_THAT(result.err, Catch::Contains("2 lines"));
    }
    SECTION("blank lines are skipped but counted")
    {
        const ProcessResult result =
            runCli({"logic", rule, "--jsonl"}, "\n{\"age\": 50}\n   \n\t\n{\"age\":\n\n{\"age\": 1}\n\n");
        CHECK(result.exitCode == 1);
        const auto out = lines(result.out);
        REQUIRE(out.size() == 3);
        CHECK(out[0] == "\"older\"");
        CHECK(json::parse(out[1])["line"] == 5);
        CHECK(out[2] == "\"younger\"");
    }
    SECTION("the last line needs no newline, and CRLF is fine")
    {
        const ProcessResult result = runCli({"logic", rule, "--jsonl"}, "{\"age\": 50}\r\n{\"age\": 1}");
        CHECK(result.exitCode == 0);
        CHECK(result.out == "\"older\"\n\"younger\"\n");
        CHECK(result.err.empty());
    }
    SECTION("no input gives no output")
    {
        const ProcessResult result = runCli({"logic", rule, "--jsonl"}, "");
        CHECK(result.exitCode == 0);
        CHECK(result.out.empty());
    }
    SECTION("large integers are read as JSON.parse reads them")
    {
        const std::string echo = dir.write("echo.json", R"({"var": "n"})");
        const ProcessResult result =
            runCli({"logic", echo, "--jsonl"}, "{\"n\": 123456789012345680000}\n{\"n\": 01}\n");
        CHECK(result.exitCode == 1);
        const auto out = lines(result.out);
        REQUIRE(out.size() == 2);
        CHECK(out[0] == "123456789012345680000");
        CHECK(json::parse(out[1])["line"] == 2);
    }
}

TEST_CASE("logic --jsonl gives the same bytes with one thread or several", "[cli][logic]")
{
    TempDir dir;
    const std::string rule = dir.write("rule.json", R"({"if": [
        {"missing": ["age", "pain.level"]}, {"cat": ["missing: ", {"missing": ["age", "pain.level"]}]},
        {"and": [{">=": [{"var": "age"}, 50]}, {">": [{"var": "pain.level"}, 6]}]},
        {"merge": ["refer", {"map": [{"var": "flags"}, {"cat": [{"var": ""}, "!"]}]}]},
        {"reduce": [{"var": "flags"}, {"+": [{"var": "accumulator"}, {"var": "current.length"}]}, {"var": "age"}]}
    ]})");
    // 5,000 lines of about 300 bytes: more than one read block, and every
    // 97th line broken, so errors are spread over the workers' shares.
    std::string input;
    for (int i = 0; i < 5000; ++i) {
        if (i % 97 == 13) {
            input += "{\"age\": " + std::to_string(i) + ",\n";
            continue;
        }
        input += "{\"age\": " + std::to_string(20 + i % 60);
        if (i % 11 != 0)
            input += ", \"pain\": {\"level\": " + std::to_string(i % 10) + "}";
        input += ", \"flags\": [";
        for (int f = 0; f < i % 4; ++f)
            input += (f ? ", \"flag" : "\"flag") + std::to_string(i * f) + "\"";
        input += "], \"note\": \"" + std::string(200 + i % 50, 'n') + "\"}\n";
    }

    const ProcessResult one = runCli({"logic", rule, "--jsonl", "--threads", "1"}, input);
    const ProcessResult two = runCli({"logic", rule, "--jsonl", "--threads", "2"}, input);
    const ProcessResult four = runCli({"logic", rule, "--jsonl", "--threads=4"}, input);
    const ProcessResult piped = runCli({"logic", rule, "--jsonl", "--threads", "2"}, input, Stdin::Pipe);
    CHECK(one.exitCode == 1);
    CHECK(two.exitCode == 1);
    CHECK(four.exitCode == 1);
    CHECK(piped.exitCode == 1);
    const auto out = lines(one.out);
    REQUIRE(out.size() == 5000);
    CHECK(two.out == one.out);
    CHECK(four.out == one.out);
    CHECK(piped.out == one.out);

    // Spot checks: the broken lines are the ones reported, in place.
    std::size_t errors = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i % 97 == 13) {
            const json error = json::parse(out[i]);
            CHECK(error["line"] == i + 1);
            ++errors;
        } else {
            CHECK(out[i].find("\"error\"") == std::string::npos);
        }
    }
    CHECK(errors == 52);
    CHECK(out[0] == R"("missing: pain.level")");
}

TEST_CASE("logic reports a bad rule file with its name and the JSON pointer", "[cli][logic]")
{
    TempDir dir;
    const std::string data = dir.write("data.json", "{}");

    const std::string unknown = dir.write("unknown.json", R"({"and": [true, {"nope": [1]}]})");
    ProcessResult result = runCli({"logic", unknown, data});
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains(unknown));
    CHECK_THAT(result.err, Catch::Contains("unknown operator \"nope\" at /and/1"));

    const std::string arity = dir.write("arity.json", R"({"if": [true, {"==": [1, 2, 3]}]})");
    result = runCli({"logic", arity, "--jsonl"}, "{}\n");
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains(arity));
    CHECK_THAT(result.err, Catch::Contains("\"==\" takes 2 arguments, not 3 at /if/1"));

    const std::string malformed = dir.write("malformed.json", R"({"==": [1, )");
    result = runCli({"logic", malformed, data});
    CHECK(result.exitCode == 2);
    CHECK_THAT(result.err, Catch::Contains(malformed));
    CHECK_THAT(result.err, !Catch::Contains("[json.exception"));

    const std::string badData = dir.write("bad-data.json", "[1, 2");
    result = runCli({"logic", dir.write("ok.json", "true"), badData});
    CHECK(result.exitCode == 2);
    CHECK_THAT(result.err, Catch::Contains(badData));
}

TEST_CASE("logic names a missing file", "[cli][logic]")
{
    TempDir dir;
    const std::string missing = dir.path("no-such-rule.json");
    ProcessResult result = runCli({"logic", missing, "-"}, "{}");
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains(missing));

    const std::string missingData = dir.path("no-such-data.json");
    result = runCli({"logic", dir.write("rule.json", "true"), missingData});
    CHECK(result.exitCode == 2);
    CHECK_THAT(result.err, Catch::Contains(missingData));
}

TEST_CASE("spinepath-cli explains a bad command line", "[cli][logic]")
{
    TempDir dir;
    const std::string rule = dir.write("rule.json", "true");
    const std::string data = dir.write("data.json", "{}");
    const std::vector<std::vector<std::string>> commandLines = {
        {"logic", "--bogus", rule, data},
        {"logic", rule, data, "--jsonl-typo"},
        {"logic", rule},
        {"logic", rule, data, data},
        {"logic", rule, "--jsonl", data},
        {"logic", rule, "--jsonl", "--threads"},
        {"frobnicate"},
        {"--no-such-option", "logic", rule, data},
        {},
    };
    for (const auto& words : commandLines) {
        std::string shown;
        for (const auto& word : words)
            shown += word + ' ';
        INFO("spinepath-cli " << shown);
        const ProcessResult result = runCli(words);
        CHECK(result.exitCode == 2);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains("usage: spinepath-cli"));
    }

    // A value out of range is named; nothing is evaluated.
    for (const char* threads : {"0", "abc", "999", "-1"}) {
        const ProcessResult result = runCli({"logic", rule, "--jsonl", "--threads", threads}, "{}\n");
        CHECK(result.exitCode == 2);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains("--threads"));
    }

    const ProcessResult help = runCli({"--help"});
    CHECK(help.exitCode == 0);
    CHECK_THAT(help.out, Catch::Contains("logic RULE.json"));
}

TEST_CASE("spinepath-cli --version prints its version", "[cli]")
{
    TempDir dir;
    const ProcessResult result = runCli({"--version"});
    CHECK(result.exitCode == 0);
    CHECK(result.out == "spinepath-cli " SPINEPATH_VERSION "\n");
    CHECK(result.err.empty());
}

TEST_CASE("logic stops a rule that doubles a string at the memory bound", "[cli][logic]")
{
    // This reached 12.6 GB in 70 s and printed "" with exit 0,
    // once the string's 32-bit length wrapped at 4 GiB.
    TempDir dir;
    json doubling = {
        {"reduce", {json::array(), {{"cat", {{{"var", "accumulator"}}, {{"var", "accumulator"}}}}}, "ab"}}};
    for (int i = 1; i <= 40; ++i)
        doubling["reduce"][0].push_back(i);
    const std::string rule = dir.write("doubling.json", doubling.dump());
    const std::string data = dir.write("data.json", "{}");

    SECTION("with the default bound of 256 MiB")
    {
        const ProcessResult result = runCli({"logic", rule, data});
        CHECK(result.exitCode == 1);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains("needs more than 256 MiB of memory"));
        // The bound plus the program, not gigabytes.
        CHECK(result.peakMemoryKiB < 600 * 1024);
    }
    SECTION("with a bound given on the command line, also per line")
    {
        const ProcessResult once = runCli({"logic", rule, data, "--max-memory", "16"});
        CHECK(once.exitCode == 1);
        CHECK_THAT(once.err, Catch::Contains("needs more than 16 MiB of memory"));
        CHECK(once.peakMemoryKiB < 200 * 1024);

        const ProcessResult lines = runCli({"logic", rule, "--jsonl", "--max-memory", "16"}, "{}\n{}\n");
        CHECK(lines.exitCode == 1);
        CHECK_THAT(lines.out, Catch::Contains("needs more than 16 MiB of memory"));
        CHECK_THAT(lines.err, Catch::Contains("2 lines could not be evaluated"));
    }
    SECTION("a bound that is not a number of MiB is a usage error")
    {
        CHECK(runCli({"logic", rule, data, "--max-memory", "lots"}).exitCode == 2);
        CHECK(runCli({"logic", rule, data, "--max-memory", "0"}).exitCode == 2);
    }
    SECTION("a rule below the bound still gives its result")
    {
        json tenTimes = doubling;
        tenTimes["reduce"][0] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        const ProcessResult result = runCli({"logic", dir.write("ten.json", tenTimes.dump()), data});
        CHECK(result.exitCode == 0);
        CHECK(result.out.size() == 2048 + 3); // the quotes and the newline
    }
}
