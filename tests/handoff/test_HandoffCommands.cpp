// spinepath-cli handoff encode and import, run as a child process.
#include "core/handoff/HandoffPayload.h"
#include "support/ChildProcess.h"
#include "support/ExampleAnswers.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

using namespace spinepath::test;
using nlohmann::json;

namespace {

json homeAnswers(const std::string& name)
{
    return with(example3Answers(),
                {{"about.name", name}, {"about.phone", "+1 555 0100"}, {"about.contact_ok", true}});
}

std::string encode(const TempDir& folder, const json& answers)
{
    const auto encoded = runCli({"handoff", "encode", folder.write("answers.json", answers.dump())});
    REQUIRE(encoded.exitCode == 0);
    REQUIRE(encoded.out.starts_with("SP1:"));
    return encoded.out;
}

// Bad input is refused before the database is opened: then there is no file at all.
long long stored(const std::string& database)
{
    if (!std::filesystem::exists(database))
        return 0;
    const auto stats = runCli({"db", "stats", "--db", database});
    REQUIRE(stats.exitCode == 0);
    return json::parse(stats.out).at("assessments").get<long long>();
}

} // namespace

TEST_CASE("import stores a payload once; the second time it names the first")
{
    TempDir folder;
    const std::string database = folder.path("clinic.sqlite");
    const std::string payload = encode(folder, homeAnswers("Ada Quill"));

    const auto first = runCli({"import", "-", "--db", database}, payload);
    INFO(first.err);
    REQUIRE(first.exitCode == 0);
    const json line = json::parse(first.out);
    CHECK(line.at("duplicate") == false);
    CHECK(line.at("category").is_string());
    CHECK(line.at("id").get<std::string>().size() == 36);

    const auto again = runCli({"import", folder.write("scanned.txt", payload), "--db", database});
    REQUIRE(again.exitCode == 0);
    CHECK(json::parse(again.out) ==
          json{{"id", line.at("id")}, {"category", line.at("category")}, {"duplicate", true}});
    CHECK_THAT(again.err, Catch::Contains("already imported"));
    CHECK(stored(database) == 1);

    // The import is audited without any answer.
    const auto exported = runCli({"db", "export", "--format", "jsonl", "--db", database});
    REQUIRE(exported.exitCode == 0);
}

TEST_CASE("import refuses an altered, truncated or foreign payload and stores nothing")
{
    TempDir folder;
    const std::string database = folder.path("clinic.sqlite");
    std::string payload = encode(folder, homeAnswers("Ada Quill"));
    while (!payload.empty() && payload.back() == '\n')
        payload.pop_back();

    std::string altered = payload;
    altered[20] = altered[20] == 'A' ? 'B' : 'A';
    for (const std::string& bad :
         {altered, payload.substr(0, payload.size() - 7), std::string("HC1:NCFOXN%TS3DH")}) {
        const auto refused = runCli({"import", "-", "--db", database}, bad);
        CHECK(refused.exitCode == 1);
        CHECK(refused.out.empty());
        CHECK_FALSE(refused.err.empty());
        CHECK_THAT(refused.err, Catch::Contains("Nothing was imported"));
    }
    const auto damaged = runCli({"import", "-", "--db", database}, altered);
    CHECK_THAT(damaged.err, Catch::Contains("damaged"));
    CHECK(stored(database) == 0);
}

TEST_CASE("import reads a QuestionnaireResponse, and the patient copy PDF with its code")
{
    TempDir folder;
    const std::string database = folder.path("clinic.sqlite");

    const std::string answers = folder.write("home.json", homeAnswers("Bea Lark").dump());
    const auto converted = runCli({"convert", "--to", "fhir", answers});
    REQUIRE(converted.exitCode == 0);
    const std::string response = folder.write("response.json", converted.out);
    const auto fromFile = runCli({"import", response, "--db", database});
    INFO(fromFile.err);
    REQUIRE(fromFile.exitCode == 0);
    CHECK(json::parse(fromFile.out).at("duplicate") == false);

    // Finished at home at a known time, which the code carries.
    const auto otherResponse =
        runCli({"convert", "--to", "fhir", folder.write("other.json", homeAnswers("Cy Wren").dump())});
    REQUIRE(otherResponse.exitCode == 0);
    json finished = json::parse(otherResponse.out);
    finished["authored"] = "2026-12-01T18:30:00Z";
    const std::string pdf = folder.path("copy.pdf");
    const auto printed = runCli(
        {"report", folder.write("finished.json", finished.dump()), "-o", pdf, "--patient", "--mode", "home"});
    REQUIRE(printed.exitCode == 0);
    const auto fromPdf = runCli({"import", pdf, "--db", database});
    INFO(fromPdf.err);
    REQUIRE(fromPdf.exitCode == 0);
    const std::string id = json::parse(fromPdf.out).at("id");
    CHECK(json::parse(fromPdf.out).at("duplicate") == false);

    // The stored assessment's patient copy carries the code again.
    const std::string again = folder.path("again.pdf");
    REQUIRE(runCli({"report", "--db", database, id, "-o", again, "--patient"}).exitCode == 0);
    const auto text = runProgram({"pdftotext", again, "-"});
    CHECK_THAT(text.out, Catch::Contains("Bring this page to your visit"));
    CHECK_THAT(text.out, Catch::Contains("Anyone who has this page can read your answers"));
    const auto reimported = runCli({"import", again, "--db", database});
    CHECK(json::parse(reimported.out).at("duplicate") == true);
    CHECK(stored(database) == 2);
}

TEST_CASE("import refuses answers to a questionnaire version the clinic does not have")
{
    TempDir folder;
    const std::string database = folder.path("clinic.sqlite");
    const auto converted =
        runCli({"convert", "--to", "fhir", folder.write("a.json", homeAnswers("Di Moss").dump())});
    REQUIRE(converted.exitCode == 0);
    json response = json::parse(converted.out);
    std::string canonical = response.at("questionnaire");
    response["questionnaire"] = canonical.substr(0, canonical.find('|')) + "|9.9.9";
    const auto refused = runCli({"import", folder.write("r.json", response.dump()), "--db", database});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("9.9.9") && Catch::Contains("does not have"));
    CHECK(stored(database) == 0);
}

TEST_CASE("import names an image without a code, and a file that is none of the kinds")
{
    TempDir folder;
    const std::string database = folder.path("clinic.sqlite");
    const auto garbage = runCli(
        {"import", folder.write("noise.bin", std::string("\x01\x02\x03 not an image")), "--db", database});
    CHECK(garbage.exitCode == 1);
    CHECK_THAT(garbage.err, Catch::Contains("noise.bin"));
    CHECK(runCli({"import", folder.path("missing.png"), "--db", database}).exitCode != 0);
}
